import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { BRIEF_FIELDS } from '../../src/lib/brief/fields.ts';
import { exportMarkdown, MAX_IMPORT_BYTES } from '../../src/lib/brief/markdown.ts';
import { createBrief } from '../../src/lib/brief/model.ts';
import {
  compareBriefs,
  comparisonFileName,
  comparisonMarkdown,
  decodeBriefBytes,
  fieldsWithGaps,
  gapSummary,
  MAX_BRIEF_BYTES,
  sizeProblem,
  type Comparison,
} from '../../src/lib/brief/compare.ts';

const date = new Date('2026-11-29T10:00:00Z');
const full = Object.fromEntries(BRIEF_FIELDS.map((field) => [field.id, field.kind === 'choice' ? 'inbound' : field.example]));
const brief = (values: Record<string, string>) => exportMarkdown(createBrief('b', 0, values), date);
const entry = (comparison: Comparison, id: string) => comparison.sections.flatMap((s) => s.fields).find((f) => f.field.id === id)!;

describe('comparing briefs', () => {
  it('compares three briefs field by field and counts the one left empty', () => {
    const comparison = compareBriefs([
      { name: 'a.md', text: brief({ ...full, title: 'Lab results' }) },
      { name: 'b.md', text: brief({ ...full, title: 'ADT feed' }) },
      { name: 'c.md', text: brief({ ...full, title: 'Imaging orders', testEnvironment: '' }) },
    ]);
    assert.deepEqual(comparison.briefs.map((b) => b.label), ['Lab results', 'ADT feed', 'Imaging orders']);
    assert.deepEqual(comparison.skipped, []);
    const test = entry(comparison, 'testEnvironment');
    assert.equal(gapSummary(test), 'Test environment: 2 of 3 answered');
    assert.deepEqual(test.missing, ['Imaging orders']);
    assert.equal(gapSummary(entry(comparison, 'monitoring')), 'Monitoring: 3 of 3 answered');
    assert.deepEqual(fieldsWithGaps(comparison).map((f) => f.field.id), ['testEnvironment']);
    assert.equal(comparison.sections.length, 7);
    assert.equal(comparison.sections.flatMap((s) => s.fields).length, BRIEF_FIELDS.length);
  });

  it('treats a field missing from the file, whitespace and an unknown choice as not answered', () => {
    const withoutField = brief({ ...full, title: 'Hand edited' }).replace(/\*\*Monitoring\*\*\n\n[^\n]*\n/, '');
    assert.ok(!withoutField.includes('**Monitoring**'));
    const comparison = compareBriefs([
      { name: 'edited.md', text: withoutField },
      { name: 'blank.md', text: brief({ title: 'Blank', monitoring: '   ' }) },
    ]);
    assert.equal(gapSummary(entry(comparison, 'monitoring')), 'Monitoring: 0 of 2 answered');
    assert.equal(gapSummary(entry(comparison, 'direction')), 'Direction: 1 of 2 answered');
  });

  it('names files that are not briefs and says why, and compares the rest', () => {
    const comparison = compareBriefs([
      { name: 'a.md', text: brief({ ...full, title: 'Lab results' }) },
      { name: 'notes.md', text: '# Meeting notes\n\n- nothing here' },
      { name: 'future.md', text: '<!-- interop-workbook brief, format 2 -->\n# Future\n' },
      { name: 'photo.png', unreadable: 'It is not a text file (it looks binary), so it cannot be a brief.' },
      { name: 'empty.md', text: '' },
    ]);
    assert.equal(comparison.briefs.length, 1);
    assert.deepEqual(comparison.skipped.map((s) => s.name), ['notes.md', 'future.md', 'photo.png', 'empty.md']);
    assert.match(comparison.skipped[0]!.reason, /not an integration brief from this site/);
    assert.match(comparison.skipped[1]!.reason, /format 2/);
    assert.match(comparison.skipped[2]!.reason, /not a text file/);
  });

  it('keeps two different files with the same name apart, and compares the same file once', () => {
    const one = brief({ ...full, title: 'Lab results' });
    const other = brief({ ...full, title: 'Lab results', customer: 'Another site' });
    const comparison = compareBriefs([
      { name: 'brief.md', text: one },
      { name: 'brief.md', text: other },
      { name: 'brief.md', text: one },
    ]);
    assert.equal(comparison.briefs.length, 2);
    assert.deepEqual(comparison.briefs.map((b) => b.label), ['Lab results (brief.md)', 'Lab results (brief.md) [2]']);
    assert.deepEqual(comparison.skipped, [{ name: 'brief.md', reason: 'It is the same file as one already selected, so it is compared once.' }]);
    const byFile = compareBriefs([
      { name: 'a.md', text: one },
      { name: 'b.md', text: other },
    ]);
    assert.deepEqual(byFile.briefs.map((b) => b.label), ['Lab results (a.md)', 'Lab results (b.md)']);
  });

  it('gives an empty comparison for an empty selection', () => {
    const comparison = compareBriefs([]);
    assert.deepEqual(comparison.briefs, []);
    assert.deepEqual(comparison.skipped, []);
    assert.equal(gapSummary(entry(comparison, 'title')), 'Brief title: 0 of 0 answered');
    assert.deepEqual(fieldsWithGaps(comparison), []);
    const markdown = comparisonMarkdown(comparison, date);
    assert.match(markdown, /Compared 0 briefs/);
    assert.match(markdown, /No briefs to compare\./);
  });

  it('uses the import size limit and refuses binary bytes', () => {
    assert.equal(MAX_BRIEF_BYTES, MAX_IMPORT_BYTES);
    assert.equal(sizeProblem(MAX_IMPORT_BYTES), null);
    assert.match(sizeProblem(MAX_IMPORT_BYTES + 1) ?? '', /larger than 1 MB/);
    const binary = decodeBriefBytes('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]));
    assert.ok('unreadable' in binary);
    const text = decodeBriefBytes('a.md', new TextEncoder().encode('héllo'));
    assert.deepEqual(text, { name: 'a.md', text: 'héllo' });
    const oversized = compareBriefs([{ name: 'big.md', text: 'x'.repeat(MAX_IMPORT_BYTES + 1) }]);
    assert.match(oversized.skipped[0]!.reason, /larger than 1 MB/);
  });
});

describe('the comparison as Markdown', () => {
  const hostile = '<script>alert(1)</script>\n# Heading\n- item\n[link](https://evil.example)';
  const comparison = compareBriefs([
    { name: 'a.md', text: brief({ ...full, title: 'Lab *results*', workflow: hostile }) },
    { name: 'b.md', text: brief({ ...full, title: 'ADT feed', testEnvironment: '' }) },
    { name: '<b>notes</b>.md', text: 'just text' },
  ]);
  const markdown = comparisonMarkdown(comparison, date);

  it('lists the briefs, the skipped files, the gaps and every field with each answer', () => {
    assert.match(markdown, /^# Integration brief comparison\n/);
    assert.match(markdown, /Compared 2 briefs on 29 November 2026 \(2026-11-29\)\./);
    assert.match(markdown, /- Lab \\\*results\\\* \(file: a\.md\)/);
    assert.match(markdown, /## Files skipped\n\n- \\<b\\>notes\\<\/b\\>\.md: /);
    assert.match(markdown, /- Test environment: 1 of 2 answered\. Not answered in: ADT feed\./);
    assert.match(markdown, /### Test environment\n\n1 of 2 answered\.\n\n- \*\*Lab \\\*results\\\*:\*\* Northside test EHR/);
    assert.match(markdown, /- \*\*ADT feed:\*\* _Not answered_/);
    assert.match(markdown, /- \*\*ADT feed:\*\* Inbound to us/);
    assert.equal(comparisonFileName(date), 'integration-brief-comparison-2026-11-29.md');
  });

  it('escapes what participants typed so that it cannot become structure', () => {
    const tree = fromMarkdown(markdown);
    const kinds = new Map<string, number>();
    const headings: string[] = [];
    const visit = (node: { type: string; depth?: number; children?: unknown[] }) => {
      kinds.set(node.type, (kinds.get(node.type) ?? 0) + 1);
      if (node.type === 'heading') headings.push(String(node.depth));
      for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
    };
    visit(tree as never);
    assert.equal(kinds.get('html') ?? 0, 0, 'no raw HTML');
    assert.equal(kinds.get('link') ?? 0, 0, 'no links');
    // 1 title, 4 summary headings (briefs, skipped, gaps) + 7 sections, one ### per field.
    assert.equal(headings.filter((d) => d === '1').length, 1);
    assert.equal(headings.filter((d) => d === '2').length, 3 + 7);
    assert.equal(headings.filter((d) => d === '3').length, BRIEF_FIELDS.length);
    // The multi-line hostile answer stays inside its list item.
    assert.match(markdown, /- \*\*Lab \\\*results\\\*:\*\* \\<script\\>alert\(1\)\\<\/script\\>\\\n  \\# Heading\\\n  \\- item\\\n  \\\[link\\\]\(https\\:\\\/\\\/evil\.example\)/);
  });
});
