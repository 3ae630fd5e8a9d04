// The shape every built guide page must have: one h1, the "What this page helps you decide"
// and "Check yourself" sections (three questions rendered by the quiz island), sources, enough prose, and the reading time in the kicker.
// Run after the build: SITE_DIST=<out dir> node --import tsx --test tests/content/*.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Element, Root } from 'hast';
import {
  blockText,
  builtPageOrSkip,
  countWords,
  findAll,
  guideSlugs,
  hasClass,
  headingsNamed,
  isElement,
  isIgnoredForSearch,
  loadGuidePage,
  NON_PROSE_TAGS,
  normaliseSpace,
  parsePage,
  textContent,
  unbuiltSlugs,
  unbuiltMessage,
} from './site.ts';

const MIN_PAGE_WORDS = 400;
const MIN_TOTAL_WORDS = 12_000;

/** The parent of `child` in `tree`, if any. */
function parentOf(tree: Root | Element, child: Element): Root | Element | undefined {
  if (tree.children.includes(child)) return tree;
  for (const node of tree.children) {
    if (isElement(node)) {
      const found = parentOf(node, child);
      if (found) return found;
    }
  }
  return undefined;
}

/** The elements after `heading` among its siblings, up to the next heading of the same or a higher level. */
function sectionAfter(tree: Root, heading: Element): Element[] {
  const level = Number(heading.tagName.slice(1));
  const siblings = (parentOf(tree, heading)?.children ?? []).filter((node): node is Element => isElement(node));
  const section: Element[] = [];
  for (const sibling of siblings.slice(siblings.indexOf(heading) + 1)) {
    if (/^h[1-6]$/.test(sibling.tagName) && Number(sibling.tagName.slice(1)) <= level) break;
    section.push(sibling);
  }
  return section;
}

/** The Sources section: the nearest <section> (or else the parent) holding the "Sources" h2. */
function sourcesSection(tree: Root, main: Element): Element | undefined {
  const heading = headingsNamed(main, 'Sources')[0];
  if (!heading) return undefined;
  const sections = findAll(main, (el) => el.tagName === 'section' && findAll(el, (inner) => inner === heading).length > 0);
  const parent = parentOf(tree, heading);
  return sections[sections.length - 1] ?? (parent && parent.type === 'element' ? parent : undefined);
}

/**
 * The words of the main prose: the data-pagefind-body text without code blocks (and scripts,
 * styles, SVG graphics and button labels), without the parts marked data-pagefind-ignore
 * (kicker, mobile contents list) and without the Sources list.
 */
function proseWords(tree: Root, main: Element): number {
  const sources = sourcesSection(tree, main);
  return countWords(blockText(main, (el) => NON_PROSE_TAGS.has(el.tagName) || isIgnoredForSearch(el) || el === sources));
}

/**
 * Problems with the "Check yourself" section: it must hold the quiz island (`<Quiz />`, hydrated
 * client:visible) and, rendered on the server inside it, exactly three <details>, each with the
 * question as its summary and the right answer after it, so the check works without JavaScript.
 */
function checkYourselfProblems(tree: Root, main: Element): string[] {
  const headings = headingsNamed(main, 'Check yourself');
  if (headings.length !== 1) return [`expected one "Check yourself" h2, found ${headings.length}`];
  const section = sectionAfter(tree, headings[0] as Element);
  const problems: string[] = [];
  const islands = section.flatMap((el) => findAll(el, (inner) => inner.tagName === 'astro-island'));
  if (islands.length !== 1) problems.push(`expected the quiz island (<Quiz />) after "Check yourself", found ${islands.length} islands`);
  islands.forEach((island) => {
    if (island.properties['client'] !== 'visible') {
      problems.push(`the quiz island hydrates client:${String(island.properties['client'])}, expected client:visible`);
    }
  });
  const questions = section.flatMap((el) => findAll(el, (inner) => inner.tagName === 'details'));
  if (questions.length !== 3) problems.push(`expected exactly 3 <details> questions after "Check yourself", found ${questions.length}`);
  questions.forEach((details, index) => {
    if (!islands.some((island) => findAll(island, (inner) => inner === details).length > 0)) {
      problems.push(`question ${index + 1} is outside the quiz island: write the questions in content/quizzes/, not in the page`);
    }
    const summary = details.children.find((child): child is Element => isElement(child, 'summary'));
    const question = summary ? normaliseSpace(textContent(summary)) : '';
    if (question === '') {
      problems.push(`question ${index + 1} has no <summary> (the question text)`);
      return;
    }
    const answer = normaliseSpace(details.children.filter((child) => child !== summary).map(textContent).join(' '));
    if (!/^Answer: \S/.test(answer)) problems.push(`question ${index + 1} ("${question}") has no "Answer: …" after its summary`);
  });
  return problems;
}

describe('the guide page checks', () => {
  const built = (prose: string) => {
    const { tree, main } = parsePage(
      `<!doctype html><h1>T</h1><article data-pagefind-body><p data-pagefind-ignore>Foundations · 2 min read</p><div class="prose">${prose}</div>` +
        '<section><h2>Sources</h2><ol><li><a href="https://hl7.org/fhir/R4/">FHIR R4</a></li></ol></section></article>',
      '/test/',
    );
    return { tree, main };
  };
  const question = (q: string, a = '<p><strong>Answer:</strong> This one.</p><p>Because.</p>') => `<details><summary>${q}</summary>${a}</details>`;
  const island = (inner: string, client = 'visible') => `<div class="quiz-host"><astro-island ssr client="${client}">${inner}</astro-island></div>`;

  it('accepts three questions with summaries and answers, rendered inside the quiz island', () => {
    const { tree, main } = built(`<h2>Check yourself</h2>${island(question('One?') + question('Two?') + question('Three?'))}`);
    assert.deepEqual(checkYourselfProblems(tree, main), []);
  });

  it('catches a missing question, a missing summary, an empty answer and details outside the section', () => {
    const two = built(`<details><summary>On this page</summary></details><h2>Check yourself</h2>${island(question('One?') + question('Two?'))}`);
    assert.deepEqual(checkYourselfProblems(two.tree, two.main), ['expected exactly 3 <details> questions after "Check yourself", found 2']);
    const broken = built(
      `<h2>Check yourself</h2>${island(`${question('One?')}<details><p>No summary.</p></details>${question('Three?', '')}`)}<h2>More</h2>${question('Four?')}`,
    );
    assert.deepEqual(checkYourselfProblems(broken.tree, broken.main), [
      'question 2 has no <summary> (the question text)',
      'question 3 ("Three?") has no "Answer: …" after its summary',
    ]);
    const none = built('<h2>Checks</h2>');
    assert.deepEqual(checkYourselfProblems(none.tree, none.main), ['expected one "Check yourself" h2, found 0']);
  });

  it('catches questions written in the page instead of the quiz island, and an island that loads too early', () => {
    const plain = built(`<h2>Check yourself</h2>${question('One?')}${question('Two?')}${question('Three?')}`);
    assert.deepEqual(checkYourselfProblems(plain.tree, plain.main), [
      'expected the quiz island (<Quiz />) after "Check yourself", found 0 islands',
      ...[1, 2, 3].map((n) => `question ${n} is outside the quiz island: write the questions in content/quizzes/, not in the page`),
    ]);
    const eager = built(`<h2>Check yourself</h2>${island(question('One?') + question('Two?') + question('Three?'), 'load')}`);
    assert.deepEqual(checkYourselfProblems(eager.tree, eager.main), ['the quiz island hydrates client:load, expected client:visible']);
  });

  it('counts prose words but not code, scripts, graphics, buttons, the kicker or the sources', () => {
    const { tree, main } = built(
      '<p>One two, three.</p><table><tr><td>four</td><td>five</td></tr></table><pre><code>not counted</code></pre>' +
        '<script>const notCounted = 1;</script><button>Not counted</button><svg><title>Not counted</title></svg>',
    );
    assert.equal(proseWords(tree, main), 5);
  });
});

describe('built guide pages', () => {
  const slugs = guideSlugs();
  const words = new Map<string, number>();

  it('every guide page is in the build', () => {
    assert.ok(slugs.length > 0, 'no guide pages in content/guide');
    const missing = unbuiltSlugs(slugs);
    assert.deepEqual(missing, [], unbuiltMessage(missing));
  });

  for (const slug of slugs) {
    describe(`/guide/${slug}/`, () => {
      it('has exactly one h1', (t) => {
        const page = builtPageOrSkip(t, slug);
        if (!page) return;
        const h1s = findAll(page.tree, (el) => el.tagName === 'h1').map((el) => `"${normaliseSpace(textContent(el))}"`);
        assert.equal(h1s.length, 1, `${page.url}: expected one <h1>, found ${h1s.length}: ${h1s.join(', ')}`);
      });

      it('has a "What this page helps you decide" section', (t) => {
        const page = builtPageOrSkip(t, slug);
        if (!page) return;
        const found = headingsNamed(page.main, 'What this page helps you decide');
        assert.equal(found.length, 1, `${page.url}: expected one h2 "What this page helps you decide", found ${found.length}`);
      });

      it('ends with "Check yourself": exactly three <details>, each with a <summary>', (t) => {
        const page = builtPageOrSkip(t, slug);
        if (!page) return;
        const problems = checkYourselfProblems(page.tree, page.main);
        assert.deepEqual(problems, [], `${page.url}: ${problems.join('; ')}`);
      });

      it('has a Sources section with at least one https link', (t) => {
        const page = builtPageOrSkip(t, slug);
        if (!page) return;
        const section = sourcesSection(page.tree, page.main);
        assert.ok(section, `${page.url}: no "Sources" h2 in the main content`);
        const links = findAll(section, (el) => el.tagName === 'a' && String(el.properties['href'] ?? '').startsWith('https://'));
        assert.ok(links.length > 0, `${page.url}: the Sources section has no https:// link`);
      });

      it(`has at least ${MIN_PAGE_WORDS} words of prose`, (t) => {
        const page = builtPageOrSkip(t, slug);
        if (!page) return;
        const count = proseWords(page.tree, page.main);
        words.set(slug, count);
        assert.ok(
          count >= MIN_PAGE_WORDS,
          `${page.url}: ${count} words of prose (code, kicker and sources not counted); at least ${MIN_PAGE_WORDS} needed`,
        );
      });

      it('shows "N min read" in the kicker', (t) => {
        const page = builtPageOrSkip(t, slug);
        if (!page) return;
        const kicker = findAll(page.main, (el) => hasClass(el, 'page-kicker'))[0];
        assert.ok(kicker, `${page.url}: no .page-kicker element`);
        const text = normaliseSpace(textContent(kicker));
        const minutes = /(?:^|\s)(\d+) min read$/.exec(text)?.[1];
        assert.ok(minutes && Number(minutes) >= 1, `${page.url}: the kicker reads "${text}", expected it to end with "N min read"`);
      });
    });
  }

  // Pages not yet written or built count as 0 words, so this fails until the guide is complete.
  it(`all guide pages together have at least ${MIN_TOTAL_WORDS.toLocaleString('en')} words of prose`, () => {
    const counts = slugs.map((slug) => {
      if (unbuiltSlugs([slug]).length > 0) return [slug, 0] as const;
      const page = loadGuidePage(slug);
      return [slug, words.get(slug) ?? proseWords(page.tree, page.main)] as const;
    });
    const total = counts.reduce((sum, [, count]) => sum + count, 0);
    const perPage = counts.map(([slug, count]) => `${slug}: ${count}`).join(', ');
    assert.ok(
      total >= MIN_TOTAL_WORDS,
      `${total} words of prose over ${slugs.length} guide pages, at least ${MIN_TOTAL_WORDS} needed (${perPage})`,
    );
  });
});
