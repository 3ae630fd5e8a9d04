import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildToc } from '../../src/lib/toc.ts';

const h = (depth: number, text: string) => ({ depth, text, slug: text.toLowerCase().replace(/\s+/g, '-') });

describe('buildToc', () => {
  it('nests h3 under the h2 before it', () => {
    const toc = buildToc([h(2, 'Anatomy'), h(3, 'Segments'), h(3, 'Fields'), h(2, 'Transport')]);
    assert.deepEqual(
      toc.map((item) => [item.slug, item.children.map((child) => child.slug)]),
      [
        ['anatomy', ['segments', 'fields']],
        ['transport', []],
      ],
    );
  });

  it('leaves out h1 and headings deeper than h3', () => {
    const toc = buildToc([h(1, 'Title'), h(2, 'One'), h(4, 'Deep'), h(5, 'Deeper'), h(6, 'Deepest')]);
    assert.deepEqual(toc, [{ slug: 'one', text: 'One', children: [] }]);
  });

  it('keeps an h3 that comes before any h2 at the top level', () => {
    const toc = buildToc([h(3, 'Lead'), h(2, 'Main'), h(3, 'Sub')]);
    assert.deepEqual(
      toc.map((item) => [item.slug, item.children.length]),
      [
        ['lead', 0],
        ['main', 1],
      ],
    );
  });

  it('returns an empty list for a page without headings', () => {
    assert.deepEqual(buildToc([]), []);
  });
});
