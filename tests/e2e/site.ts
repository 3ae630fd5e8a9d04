import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** Paths of every page in a built site's sitemap, relative to the server (base included). */
export function sitemapPaths(outDir = 'dist'): string[] {
  const index = readFileSync(`${outDir}/sitemap-index.xml`, 'utf8');
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname.split('/').pop()!);
  const paths = maps.flatMap((file) =>
    [...readFileSync(`${outDir}/${file}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname),
  );
  if (paths.length === 0) throw new Error(`${outDir}'s sitemap lists no pages: build the site first.`);
  return paths;
}

/**
 * Deals a list into `count` nearly equal parts, round robin, so a long sweep runs as several
 * parallel tests and the long guide pages, listed together, are spread across all of them.
 */
export function chunks<T>(items: readonly T[], count: number): T[][] {
  const parts = Array.from({ length: Math.min(count, items.length) }, (): T[] => []);
  items.forEach((item, index) => parts[index % parts.length]!.push(item));
  return parts;
}

/** One page of each kind, for checks that exercise scripts rather than content. */
export function samplePaths(): string[] {
  const all = allPagePaths();
  const firstOf = (prefix: string) => all.find((path) => path.startsWith(prefix) && path !== prefix);
  return [...new Set(['/', '/guide/', firstOf('/guide/'), '/worksheet/', '/glossary/', firstOf('/glossary/'), '/this-page-does-not-exist/'])].filter(
    (path): path is string => path !== undefined && all.includes(path),
  );
}

const VOID_ELEMENTS = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The markup shapes of a built page's <main>: each element as its tag, classes, attribute names,
 * and the values of the attributes that change what it is (role, rel, type), inside its parent's
 * tag and classes. Text is left out.
 */
export function markupShapes(path: string, outDir = 'dist'): Set<string> {
  const html = readFileSync(`${outDir}${path}index.html`, 'utf8');
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  const shapes = new Set<string>();
  const parents: string[] = [];
  for (const [, closing, tag = '', attributes = ''] of main.matchAll(/<(\/?)([a-z][a-z0-9-]*)\b([^>]*)>/g)) {
    if (closing) {
      parents.pop();
      continue;
    }
    const names = [...attributes.matchAll(/([^\s="'/]+)(?:="([^"]*)")?/g)]
      .map(([, name = '', value = '']) => (['class', 'role', 'rel', 'type'].includes(name) ? `${name}=${value.split(/\s+/).sort().join(' ')}` : name))
      .sort();
    const shape = `${tag}[${names.join(',')}]`;
    shapes.add(`${parents.at(-1) ?? ''} > ${shape}`);
    if (!VOID_ELEMENTS.has(tag)) parents.push(shape);
  }
  return shapes;
}

/** Every page a visitor can reach: the sitemap plus the 404 page. */
export function allPagePaths(): string[] {
  return [...sitemapPaths(), '/this-page-does-not-exist/'];
}

export const OVERVIEW_PATH = '/guide/what-each-standard-addresses/';

/** Records requests to other origins, script errors and policy violations while the page is used. */
export function watch(page: Page, baseURL: string) {
  const origin = new URL(baseURL).origin;
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // The 404 page is served with status 404, which Chromium logs as a failed load of the document itself.
    const documentStatus = /does-not-exist/.test(message.location().url) && /404/.test(message.text());
    if (message.type() === 'error' && !documentStatus) errors.push(`${page.url()}: ${message.text()}`);
  });
  return { foreign, errors };
}
