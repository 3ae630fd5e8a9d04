// Reading the built site for the content tests: which guide pages exist, their parsed HTML,
// and the text a reader sees in them. The tests run after `astro build`, over `dist/`
// (or the folder named by SITE_DIST).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const distDir = resolve(repoRoot, process.env['SITE_DIST'] ?? 'dist');
export const guideSourceDir = join(repoRoot, 'content', 'guide');

type Node = Root | RootContent;

/** A built guide page: its slug, its site path, and its parsed HTML. */
export interface BuiltPage {
  slug: string;
  /** The page's path on the site, for messages: /guide/<slug>/ */
  url: string;
  tree: Root;
  /** The element marked data-pagefind-body: the article a reader reads. */
  main: Element;
}

/** The slugs of the guide pages, one per content/guide/*.mdx (or .md), sorted. */
export function guideSlugs(dir = guideSourceDir): string[] {
  return readdirSync(dir)
    .filter((file) => ['.mdx', '.md'].includes(extname(file)) && !file.startsWith('_'))
    .map((file) => file.slice(0, -extname(file).length).toLowerCase())
    .sort();
}

/** Parses a page's HTML and finds its main content. Throws, naming the page, if there is none. */
export function parsePage(html: string, url: string): { tree: Root; main: Element } {
  const tree = fromHtml(html);
  const main = findAll(tree, (el) => el.properties['dataPagefindBody'] !== undefined)[0];
  if (!main) throw new Error(`${url}: no element with data-pagefind-body (the main content) in the built page`);
  return { tree, main };
}

const cache = new Map<string, BuiltPage>();

/** Where the build writes a guide page. */
export function builtPageFile(slug: string): string {
  return join(distDir, 'guide', slug, 'index.html');
}

/** The guide slugs whose page is not in the build, for one clear failure instead of one per check. */
export function unbuiltSlugs(slugs: string[]): string[] {
  return slugs.filter((slug) => !existsSync(builtPageFile(slug)));
}

/** The built page, or undefined after skipping the test when the page is not built (a separate test reports that). */
export function builtPageOrSkip(t: TestContext, slug: string): BuiltPage | undefined {
  if (existsSync(builtPageFile(slug))) return loadGuidePage(slug);
  t.skip('not built (reported by "every guide page is in the build")');
  return undefined;
}

/** The failure message for guide sources without a built page. */
export function unbuiltMessage(missing: string[]): string {
  return `${missing.length} guide page(s) in content/guide have no built page in ${distDir}: ${missing
    .map((slug) => `/guide/${slug}/`)
    .join(', ')}. Build the site first; a page added after the last build is missing until the next one.`;
}

/** Loads the built page for a guide slug; throws a readable error if the build did not make it. */
export function loadGuidePage(slug: string): BuiltPage {
  const cached = cache.get(slug);
  if (cached) return cached;
  const url = `/guide/${slug}/`;
  const file = builtPageFile(slug);
  if (!existsSync(file)) {
    throw new Error(
      `${url}: no built page at ${file}. Build the site first (SITE_DIST=${distDir}); a page added after the last build is missing until the next one.`,
    );
  }
  const page = { slug, url, ...parsePage(readFileSync(file, 'utf8'), url) };
  cache.set(slug, page);
  return page;
}

export function isElement(node: Node, tagName?: string): node is Element {
  return node.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

export function hasClass(el: Element, name: string): boolean {
  const classes = el.properties['className'];
  return Array.isArray(classes) && classes.includes(name);
}

/** Every element under `node` (depth first, document order) for which `test` is true. */
export function findAll(node: Node, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (current: Node): void => {
    if (isElement(current) && test(current)) found.push(current);
    if ('children' in current) for (const child of current.children) visit(child);
  };
  visit(node);
  return found;
}

/** The text content of a node, as the browser would give it (entities already decoded). */
export function textContent(node: Node): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map(textContent).join('');
  return '';
}

/** Collapses runs of white space (including no-break spaces) to one space and trims. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The text of the code blocks fenced with the given language (`<pre data-language="…">`). */
export function codeBlocks(main: Element, language: string): string[] {
  return findAll(main, (el) => el.tagName === 'pre' && el.properties['dataLanguage'] === language).map(textContent);
}

/** Elements whose text does not run into the next element's: a boundary for words and sentences. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements whose text is code, script or a control's label, never prose a reader reads as text. */
export const NON_PROSE_TAGS = new Set(['pre', 'script', 'style', 'template', 'svg', 'button']);

/** Parts of the main content that are navigation or metadata, not prose: the kicker and the mobile contents list. */
export function isIgnoredForSearch(el: Element): boolean {
  return el.properties['dataPagefindIgnore'] !== undefined;
}

/**
 * The reader-visible text of `node`, with a line break at every block boundary so words in
 * neighbouring cells or paragraphs never run together. Elements for which `skip` is true are left out.
 */
export function blockText(node: Node, skip: (el: Element) => boolean = () => false): string {
  if (node.type === 'text') return node.value;
  if (isElement(node)) {
    if (skip(node)) return ' ';
    const inner = node.children.map((child) => blockText(child, skip)).join('');
    return BLOCK_TAGS.has(node.tagName) ? `\n${inner}\n` : inner;
  }
  if ('children' in node) return node.children.map((child) => blockText(child, skip)).join('');
  return '';
}

/** The heading elements (h2 by default) whose normalised text is exactly `text`. */
export function headingsNamed(node: Node, text: string, level = 2): Element[] {
  return findAll(node, (el) => el.tagName === `h${level}` && normaliseSpace(textContent(el)) === text);
}

/** Words as the site's reading time counts them: a letter or digit, then letters, digits and ' ’ . - ^ /. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-^/]*/gu)?.length ?? 0;
}

/** Shortens text for a failure message. */
export function excerpt(text: string, max = 90): string {
  const flat = normaliseSpace(text);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
