import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSidebar, orderPages, prevNext, type GuidePageMeta } from '../../src/lib/navigation.ts';

function page(slug: string, section: string, order: number, sidebarLabel?: string): GuidePageMeta {
  return { slug, title: `Title of ${slug}`, sidebarLabel, section, order, description: `About ${slug}` };
}

const pages = [
  page('fhir', 'Standards', 3),
  page('overview', 'Foundations', 1),
  page('brief', 'Planning', 9, 'The brief'),
  page('hl7v2', 'Standards', 2),
  page('strategy', 'Foundations', 7),
];

describe('orderPages', () => {
  it('sorts by front-matter order, not by file order', () => {
    assert.deepEqual(
      orderPages(pages).map((p) => p.slug),
      ['overview', 'hl7v2', 'fhir', 'strategy', 'brief'],
    );
  });

  it('names both pages when two share an order', () => {
    assert.throws(() => orderPages([page('a', 'S', 1), page('b', 'S', 1)]), /"a" and "b" both have order 1/);
  });

  it('does not mutate its input', () => {
    const input = [...pages];
    orderPages(input);
    assert.deepEqual(input, pages);
  });
});

describe('buildSidebar', () => {
  it('groups pages by section, each section placed by its first page', () => {
    const sidebar = buildSidebar(pages);
    assert.deepEqual(
      sidebar.map((s) => [s.label, s.pages.map((p) => p.slug)]),
      [
        ['Foundations', ['overview', 'strategy']],
        ['Standards', ['hl7v2', 'fhir']],
        ['Planning', ['brief']],
      ],
    );
  });

  it('uses the sidebar label when one is given, the title otherwise', () => {
    const labels = buildSidebar(pages).flatMap((s) => s.pages.map((p) => p.label));
    assert.ok(labels.includes('The brief'));
    assert.ok(labels.includes('Title of overview'));
  });

  it('returns no sections for no pages', () => {
    assert.deepEqual(buildSidebar([]), []);
  });
});

describe('prevNext', () => {
  it('links across section boundaries in reading order', () => {
    const { prev, next } = prevNext(pages, 'strategy');
    assert.equal(prev?.slug, 'fhir');
    assert.equal(next?.slug, 'brief');
  });

  it('has no previous page for the first page and no next for the last', () => {
    assert.equal(prevNext(pages, 'overview').prev, undefined);
    assert.equal(prevNext(pages, 'overview').next?.slug, 'hl7v2');
    assert.equal(prevNext(pages, 'brief').next, undefined);
  });

  it('returns nothing for an unknown slug', () => {
    assert.deepEqual(prevNext(pages, 'missing'), { prev: undefined, next: undefined });
  });

  it('carries the full title for the link text', () => {
    assert.equal(prevNext(pages, 'fhir').next?.title, 'Title of strategy');
  });
});
