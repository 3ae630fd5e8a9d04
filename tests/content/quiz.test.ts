// The knowledge checks as built: each guide page's quiz island carries its questions (from
// content/quizzes/<slug>.yaml) in its props, renders the same questions as <details> for readers
// without JavaScript, and names every DICOM tag in its options and explanations correctly. The
// learning path on /guide/ lists every page with the reading time the page itself shows.
// Run after the build: SITE_DIST=<out dir> node --import tsx --test tests/content/*.test.ts
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { pageDicomProblems } from './dicom.ts';
import { builtPageOrSkip, distDir, findAll, guideSlugs, hasClass, isElement, normaliseSpace, parsePage, textContent } from './site.ts';

interface BuiltOption {
  text: string;
  correct: boolean;
  explanation: string;
}
interface BuiltQuestion {
  id: string;
  question: string;
  options: BuiltOption[];
}

/**
 * Astro serialises island props as [type, value] pairs: 0 for a plain value or object (whose
 * values are pairs again), 1 for an array of pairs. Other types do not occur in quiz props.
 */
export function decodeAstroProps(value: unknown): unknown {
  if (!Array.isArray(value) || value.length !== 2) throw new Error(`not an Astro prop pair: ${JSON.stringify(value)}`);
  const [type, inner] = value as [number, unknown];
  if (type === 1) return (inner as unknown[]).map(decodeAstroProps);
  if (type !== 0) throw new Error(`unexpected Astro prop type ${type}`);
  if (typeof inner !== 'object' || inner === null) return inner;
  return Object.fromEntries(Object.entries(inner).map(([key, pair]) => [key, decodeAstroProps(pair)]));
}

function quizIsland(main: Element): Element | undefined {
  return findAll(main, (el) => el.tagName === 'astro-island' && String(el.properties['component-url'] ?? '').includes('/Quiz.'))[0];
}

function islandProps(island: Element): { page: string; questions: BuiltQuestion[] } {
  const raw = JSON.parse(String(island.properties['props'])) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).map(([key, pair]) => [key, decodeAstroProps(pair)])) as {
    page: string;
    questions: BuiltQuestion[];
  };
}

/** Backticks mark code in quiz text; the built HTML shows the code without them. */
const shown = (text: string) => normaliseSpace(text.replaceAll('`', ''));

describe('decodeAstroProps', () => {
  it('reads nested objects and arrays', () => {
    assert.deepEqual(decodeAstroProps([1, [[0, { a: [0, 'x'], b: [1, [[0, true]]] }]]]), [{ a: 'x', b: [true] }]);
    assert.throws(() => decodeAstroProps([7, 'x']), /unexpected Astro prop type 7/);
  });
});

describe('built guide quizzes', () => {
  for (const slug of guideSlugs()) {
    describe(`/guide/${slug}/`, () => {
      it('has a quiz island whose questions match the <details> shown without JavaScript', (t) => {
        const page = builtPageOrSkip(t, slug);
        if (!page) return;
        const island = quizIsland(page.main);
        assert.ok(island, `${page.url}: no quiz island`);
        const { page: quizPage, questions } = islandProps(island);
        assert.equal(quizPage, slug, `${page.url}: the quiz island stores answers under "${quizPage}"`);
        assert.equal(questions.length, 3);
        const details = findAll(island, (el) => el.tagName === 'details');
        assert.equal(details.length, questions.length);
        questions.forEach((question, index) => {
          assert.ok(question.options.length >= 3 && question.options.length <= 4, `${question.id}: ${question.options.length} options`);
          const right = question.options.filter((option) => option.correct);
          assert.equal(right.length, 1, `${question.id}: ${right.length} correct options`);
          const block = details[index] as Element;
          const summary = block.children.find((child): child is Element => isElement(child, 'summary'));
          assert.equal(normaliseSpace(textContent(summary as Element)), shown(question.question));
          const answer = normaliseSpace(block.children.filter((child) => child !== summary).map(textContent).join(' '));
          assert.ok(answer.includes(shown((right[0] as BuiltOption).text)), `${question.id}: the <details> does not show the right answer`);
          assert.ok(answer.includes(shown((right[0] as BuiltOption).explanation)), `${question.id}: the <details> does not explain it`);
        });
      });

      it('names every DICOM tag in its options and explanations as the data dictionary does', (t) => {
        const page = builtPageOrSkip(t, slug);
        if (!page) return;
        const island = quizIsland(page.main);
        assert.ok(island, `${page.url}: no quiz island`);
        const text = islandProps(island).questions.flatMap((question) => [
          question.question,
          ...question.options.flatMap((option) => [option.text, option.explanation]),
        ]);
        const escape = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
        const { main } = parsePage(`<article data-pagefind-body>${text.map((line) => `<p>${escape(shown(line))}</p>`).join('')}</article>`, page.url);
        assert.deepEqual(pageDicomProblems(main).problems, []);
      });
    });
  }
});

describe('the learning path on /guide/', () => {
  it('lists every guide page once, with the reading time its own page shows', () => {
    const file = join(distDir, 'guide', 'index.html');
    assert.ok(existsSync(file), `no built ${file}: build the site first`);
    const tree = fromHtml(readFileSync(file, 'utf8'));
    const items = findAll(tree, (el) => el.tagName === 'li' && el.properties['dataSlug'] !== undefined);
    const slugs = items.map((item) => String(item.properties['dataSlug']));
    assert.deepEqual([...slugs].sort(), guideSlugs());
    for (const item of items) {
      const slug = String(item.properties['dataSlug']);
      const time = findAll(item, (el) => hasClass(el, 'contents-time'))[0];
      const pageFile = join(distDir, 'guide', slug, 'index.html');
      const { main } = parsePage(readFileSync(pageFile, 'utf8'), `/guide/${slug}/`);
      const kicker = normaliseSpace(textContent(findAll(main, (el) => hasClass(el, 'page-kicker'))[0] as Element));
      const minutes = /(\d+) min read$/.exec(kicker)?.[1];
      assert.equal(normaliseSpace(textContent(time as Element)), `${minutes} min read`, `/guide/ and /guide/${slug}/ disagree on reading time`);
    }
  });
});
