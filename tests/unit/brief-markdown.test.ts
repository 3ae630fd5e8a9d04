import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BRIEF_FIELDS } from '../../src/lib/brief/fields.ts';
import { answerValues, createBrief, normaliseText } from '../../src/lib/brief/model.ts';
import { escapeAnswer, exportMarkdown, importMarkdown, markdownFileName, unescapeAnswer } from '../../src/lib/brief/markdown.ts';

const date = new Date('2026-11-29T10:00:00Z');
const full = Object.fromEntries(BRIEF_FIELDS.map((field) => [field.id, field.kind === 'choice' ? 'both' : field.example]));

function roundTrip(values: Record<string, string>) {
  const markdown = exportMarkdown(createBrief('b', 0, values), date);
  const result = importMarkdown(markdown);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return { markdown, values: result.ok ? result.values : {} };
}

describe('Markdown export', () => {
  it('writes one # title, a dated completion line, a ## heading per section and every field', () => {
    const markdown = exportMarkdown(createBrief('b', 0, { title: 'Lab results', direction: 'inbound' }), date);
    const lines = markdown.split('\n');
    assert.equal(lines.filter((line) => line.startsWith('# ')).length, 1);
    assert.ok(lines.includes('# Lab results'));
    assert.match(markdown, /exported 29 November 2026 \(2026-11-29\)\. 2 of 27 answers \(7%\)\./);
    assert.equal(lines.filter((line) => line.startsWith('## ')).length, 7);
    assert.ok(lines.includes('## 3. Standard and content'));
    for (const field of BRIEF_FIELDS) assert.ok(lines.includes(`**${field.label}**`), field.label);
    assert.ok(lines.includes('Inbound to us'));
    assert.equal(lines.filter((line) => line === '_Not provided_').length, 25);
  });

  it('names the file after the title and the date', () => {
    assert.equal(markdownFileName(createBrief('b', 0, { title: 'Lab results → RemoteCare!' }), date), 'lab-results-remotecare-integration-brief-2026-11-29.md');
    assert.equal(markdownFileName(createBrief('b', 0), date), 'untitled-integration-brief-2026-11-29.md');
  });

  it('escapes user text so it cannot become a heading, list, table, link, code or HTML', () => {
    const hostile = [
      '# Heading',
      '## Another',
      '- list item',
      '+ plus item',
      '1. ordered',
      '> quote',
      '| a | b |',
      '|---|---|',
      '```js',
      '~~~',
      '    indented code',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[link](https://evil.example)',
      '![image](https://evil.example/x.png)',
      'https://evil.example and www.evil.example and a@b.example',
      '**Brief title**',
      '_Not provided_',
      '===',
      '---',
      '&amp; &#60;',
      'trailing  ',
    ].join('\n');
    const markdown = exportMarkdown(createBrief('b', 0, { workflow: hostile, title: '# <b>Title</b> [x](y)' }), date);
    const body = markdown.split('\n').slice(1);
    for (const line of body) {
      assert.doesNotMatch(line, /^(#{1,6} (?!.*Title)(?!\d\.)|[-+] |\d+[.)] |>|\||```|~~~| {4}|<|!\[|\[|={3}|-{3})/, `structural line: ${line}`);
    }
    assert.ok(body.includes('# \\# \\<b\\>Title\\<\\/b\\> \\[x\\](y)') || body.some((line) => line.startsWith('# \\#')));
    // Every metacharacter that survives is preceded by a backslash.
    assert.doesNotMatch(markdown, /(?<!\\)(<script|<img|\]\(https)/);
    assert.doesNotMatch(markdown, /https:\/\/|www\.evil|a@b/);
    assert.equal(roundTrip({ workflow: hostile }).values['workflow'], hostile);
  });

  it('keeps line breaks, blank lines and leading spaces as one paragraph of hard breaks', () => {
    const text = '  indented\n\n\tTabbed\nlast line\\\n';
    const lines = escapeAnswer(text);
    assert.ok(lines.every((line) => line.trim() !== ''), 'no blank line inside an answer');
    assert.equal(unescapeAnswer(lines), text);
  });

  it('round-trips a fully filled brief and exports the same bytes again', () => {
    const first = roundTrip(full);
    assert.deepEqual(first.values, full);
    const again = exportMarkdown(createBrief('other', 99, first.values), date);
    assert.equal(again, first.markdown);
  });

  it('round-trips emoji, right-to-left text and a 100 KB answer', () => {
    const values = { title: 'Résultats 🧪', workflow: 'مرحبا بالعالم — שלום', dataFields: 'x|'.repeat(50_000) };
    assert.deepEqual(roundTrip(values).values, { ...Object.fromEntries(BRIEF_FIELDS.map((f) => [f.id, ''])), ...values });
  });

  it('export then import returns any text, including Markdown and HTML metacharacters', () => {
    const meta = fc.constantFrom(...'\\`*_{}[]()#+-.!|<>~&@:/=$"\' \t\n\r0123456789abcwWhtps'.split(''), '://', 'www.', '```', '<!--', '-->', '&#32;', '&#8203;', '_Not provided_', '**', '\u200b', '🧪', 'ש');
    const text = fc.array(fc.oneof(meta, fc.string()), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (workflow, title) => {
        const values = { workflow, title };
        const result = importMarkdown(exportMarkdown(createBrief('b', 0, values), date));
        assert.ok(result.ok);
        if (!result.ok) return;
        assert.equal(result.values['workflow'], normaliseText(workflow));
        assert.equal(result.values['title'], normaliseText(title));
      }),
      { numRuns: 400 },
    );
  });
});

describe('Markdown import', () => {
  it('refuses files that are not briefs, and says why', () => {
    const cases: [string, RegExp][] = [
      ['# Just a note\n\nSome text', /not an integration brief/],
      ['', /not an integration brief/],
      ['x'.repeat(1024 * 1024 + 1), /larger than 1 MB/],
      ['\u0000\u0001PNG', /binary/],
      ['<!-- interop-workbook brief, format 9 -->\n# X', /format 9/],
      ['<!-- interop-workbook brief, format 1 -->\n# X\n', /no fields/],
      ['<!-- interop-workbook brief, format 1 -->\n\n**Favourite colour**\n\nblue\n', /does not know: "Favourite colour"/],
      ['<!-- interop-workbook brief, format 1 -->\n\n**Direction**\n\nSideways\n', /must be one of: Inbound to us, Outbound from us, Both ways/],
      ['<!-- interop-workbook brief, format 1 -->\n\n**Monitoring**\n\na\n\n**Monitoring**\n\nb\n', /appears twice/],
    ];
    for (const [text, message] of cases) {
      const result = importMarkdown(text);
      assert.equal(result.ok, false, text.slice(0, 40));
      if (!result.ok) assert.match(result.error, message);
    }
  });

  it('accepts Windows line endings and a byte-order mark', () => {
    const markdown = exportMarkdown(createBrief('b', 0, { workflow: 'a\nb' }), date);
    const result = importMarkdown(`\ufeff${markdown.replace(/\n/g, '\r\n')}`);
    assert.ok(result.ok);
    if (result.ok) assert.equal(result.values['workflow'], 'a\nb');
  });

  it('reads answers into plain values for every field it finds', () => {
    const result = importMarkdown(exportMarkdown(createBrief('b', 0, { direction: 'outbound' }), date));
    assert.ok(result.ok);
    if (result.ok) {
      assert.equal(result.values['direction'], 'outbound');
      assert.equal(result.values['title'], '');
      assert.deepEqual(Object.keys(result.values).sort(), Object.keys(answerValues(createBrief('b', 0))).sort());
    }
  });
});
