import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  bandwidthFormula,
  calculate,
  decodeStoredInput,
  defaultInput,
  fieldIds,
  formatMb,
  formatMbit,
  formatSize,
  LIMITS,
  nextRowId,
  parseNumber,
  resultsMarkdown,
  type SizingInput,
  type SizingResult,
} from '../../src/lib/imaging-sizing.ts';

const content = JSON.parse(readFileSync(new URL('../../content/imaging-sizing.json', import.meta.url), 'utf8')) as {
  modalities: { name: string; studiesPerDay: number; studySizeMb: number; source: string }[];
  sources: Record<string, unknown>;
};

/** The guide's worked example: 100 CT at 200 MB, 150 chest radiographs at 20 MB, 40 mammograms at 100 MB. */
function guideExample(overrides: Partial<SizingInput> = {}): SizingInput {
  return {
    rows: [
      { id: 'm1', name: 'CT', studiesPerDay: '100', studySizeMb: '200' },
      { id: 'm2', name: 'Chest radiography', studiesPerDay: '150', studySizeMb: '20' },
      { id: 'm3', name: 'Mammography', studiesPerDay: '40', studySizeMb: '100' },
    ],
    compression: 'lossless',
    losslessRatio: '2',
    lossyRatio: '10',
    retentionYears: '10',
    daysPerYear: '365',
    priorsPerStudy: '0',
    targetSeconds: '30',
    ...overrides,
  };
}

function ok(input: SizingInput): SizingResult {
  const outcome = calculate(input);
  assert.ok(outcome.ok, outcome.ok ? '' : JSON.stringify(outcome.errors));
  return outcome.ok ? outcome.result : (undefined as never);
}

function errorsOf(input: SizingInput) {
  const outcome = calculate(input);
  assert.ok(!outcome.ok, 'expected validation errors');
  return outcome.ok ? [] : outcome.errors;
}

const withRow = (row: Partial<SizingInput['rows'][number]>) => guideExample({ rows: [{ id: 'm1', name: 'CT', studiesPerDay: '100', studySizeMb: '200', ...row }] });

describe('parseNumber', () => {
  it('reads plain, decimal, signed, exponent and grouped numbers', () => {
    assert.deepEqual(parseNumber('120'), { ok: true, value: 120 });
    assert.deepEqual(parseNumber(' 2.5 '), { ok: true, value: 2.5 });
    assert.deepEqual(parseNumber('.5'), { ok: true, value: 0.5 });
    assert.deepEqual(parseNumber('-3'), { ok: true, value: -3 });
    assert.deepEqual(parseNumber('1e3'), { ok: true, value: 1000 });
    assert.deepEqual(parseNumber('1,000,000'), { ok: true, value: 1_000_000 });
    assert.deepEqual(parseNumber('1 000'), { ok: true, value: 1000 });
    assert.deepEqual(parseNumber('-0'), { ok: true, value: 0 });
  });

  it('rejects empty, non-numeric and partly numeric text, and numbers beyond a double', () => {
    assert.deepEqual(parseNumber(''), { ok: false, reason: 'empty' });
    assert.deepEqual(parseNumber('   '), { ok: false, reason: 'empty' });
    for (const text of ['abc', '12abc', '1.2.3', '0x10', 'Infinity', 'NaN', '1,00', '2:1', '--1', '1e']) {
      assert.deepEqual(parseNumber(text), { ok: false, reason: 'not-a-number' }, text);
    }
    assert.deepEqual(parseNumber('1e400'), { ok: false, reason: 'too-large' });
  });
});

describe('calculate: results', () => {
  it('reproduces the guide worked example exactly (27,000 MB a day, 2:1 lossless, 10 years)', () => {
    const result = ok(guideExample());
    assert.equal(result.dailyMb, 27_000);
    assert.equal(result.studiesPerDay, 290);
    assert.equal(result.yearlyMb, 9_855_000);
    assert.equal(result.yearlyMbCompressed, 4_927_500);
    assert.equal(result.retentionMb, 98_550_000);
    assert.equal(result.retentionMbCompressed, 49_275_000);
    assert.equal(result.dailyMbCompressed, 13_500);
    assert.deepEqual(
      result.rows.map((row) => row.dailyMb),
      [20_000, 3_000, 4_000],
    );
  });

  it('works out bandwidth for a study and its priors: 400 MB in 30 s is 106.67 Mbit/s', () => {
    const result = ok(guideExample({ rows: [{ id: 'm1', name: 'CTA', studiesPerDay: '1', studySizeMb: '400' }], compression: 'none' }));
    const row = result.rows[0]!;
    assert.equal(row.transferMb, 400);
    assert.equal(row.mbitPerSecond, 3200 / 30);
    assert.equal(formatMbit(row.mbitPerSecond), '106.7 Mbit/s');
    assert.equal(row.mbitPerSecondCompressed, row.mbitPerSecond);
    assert.equal(result.ratio, 1);
    assert.equal(bandwidthFormula(result, row), '400 MB × (1 + 0) × 8 bits ÷ 30 s = 106.7 Mbit/s');
  });

  it('adds the priors and divides by the compression ratio', () => {
    const result = ok(guideExample({ priorsPerStudy: '2', compression: 'lossy', lossyRatio: '10', targetSeconds: '60' }));
    const ct = result.rows[0]!;
    assert.equal(ct.transferMb, 600);
    assert.equal(ct.mbitPerSecond, 80);
    assert.equal(ct.mbitPerSecondCompressed, 8);
    assert.equal(result.ratio, 10);
    assert.equal(bandwidthFormula(result, ct), '200 MB × (1 + 2) × 8 bits ÷ 60 s = 80 Mbit/s; ÷ 10 = 8 Mbit/s compressed');
  });

  it('uses the ratio of the chosen mode only: an invalid lossy ratio does not block lossless', () => {
    const result = ok(guideExample({ compression: 'lossless', losslessRatio: '2.5', lossyRatio: 'nonsense' }));
    assert.equal(result.ratio, 2.5);
    assert.equal(result.yearlyMbCompressed, 3_942_000);
    const none = ok(guideExample({ compression: 'none', losslessRatio: '', lossyRatio: '' }));
    assert.equal(none.yearlyMbCompressed, none.yearlyMb);
  });

  it('accepts zero studies, zero priors and the largest allowed values without overflow', () => {
    const zero = ok(withRow({ studiesPerDay: '0' }));
    assert.equal(zero.dailyMb, 0);
    assert.equal(zero.retentionMb, 0);
    const huge = ok(
      guideExample({
        rows: [{ id: 'm1', name: 'Huge', studiesPerDay: '100,000', studySizeMb: '1000000' }],
        daysPerYear: '366',
        retentionYears: '100',
        priorsPerStudy: '50',
        targetSeconds: '0.001',
        compression: 'none',
      }),
    );
    assert.equal(huge.retentionMb, 3.66e15);
    assert.equal(formatSize(huge.retentionMb), '3,660,000 PB');
    assert.ok(Number.isFinite(huge.rows[0]!.mbitPerSecond));
  });

  it('gives exact figures for the cited defaults (47,290 MB a day)', () => {
    const result = ok(defaultInput(content.modalities));
    assert.equal(result.dailyMb, 47_290);
    assert.equal(result.yearlyMb, 17_260_850);
    assert.equal(result.retentionMb, 172_608_500);
    assert.equal(result.retentionMbCompressed, 69_043_400);
    assert.equal(formatSize(result.retentionMbCompressed), '69.04 TB');
  });
});

describe('calculate: validation', () => {
  const messages = (input: SizingInput) => errorsOf(input).map((error) => `${error.field}: ${error.message}`);

  it('reports empty, non-numeric, negative and too-large studies per day', () => {
    assert.deepEqual(messages(withRow({ studiesPerDay: '' })), ['modality-studies-m1: Enter the number of CT studies per day']);
    assert.deepEqual(messages(withRow({ studiesPerDay: 'lots' })), ['modality-studies-m1: CT studies per day must be a number, like 120']);
    assert.deepEqual(messages(withRow({ studiesPerDay: '-1' })), ['modality-studies-m1: CT studies per day must be 0 or more']);
    assert.deepEqual(messages(withRow({ studiesPerDay: '100001' })), ['modality-studies-m1: CT studies per day must be 100,000 or less']);
    assert.deepEqual(messages(withRow({ studiesPerDay: '1e999' })), ['modality-studies-m1: CT studies per day must be 100,000 or less']);
  });

  it('reports empty, non-numeric, zero, negative and too-large study sizes', () => {
    assert.deepEqual(messages(withRow({ studySizeMb: '' })), ['modality-size-m1: Enter the average CT study size in MB']);
    assert.deepEqual(messages(withRow({ studySizeMb: '20MB' })), ['modality-size-m1: Average CT study size must be a number, like 250']);
    assert.deepEqual(messages(withRow({ studySizeMb: '0' })), ['modality-size-m1: Average CT study size must be more than 0 MB']);
    assert.deepEqual(messages(withRow({ studySizeMb: '-5' })), ['modality-size-m1: Average CT study size must be more than 0 MB']);
    assert.deepEqual(messages(withRow({ studySizeMb: '1000001' })), ['modality-size-m1: Average CT study size must be 1,000,000 MB (1 TB) or less']);
  });

  it('reports missing and over-long names, and then names the row by its number', () => {
    assert.deepEqual(messages(withRow({ name: '  ', studiesPerDay: 'x' })), [
      'modality-name-m1: Enter a name for row 1, like CT',
      'modality-studies-m1: Row 1 studies per day must be a number, like 120',
    ]);
    assert.deepEqual(messages(withRow({ name: 'x'.repeat(41) })), [`modality-name-m1: The name in row 1 must be ${LIMITS.maxNameLength} characters or fewer`]);
    assert.equal(ok(withRow({ name: 'x'.repeat(40) })).rows[0]!.name, 'x'.repeat(40));
  });

  it('needs at least one row and at most twenty', () => {
    assert.deepEqual(messages(guideExample({ rows: [] })), ['add-modality: Add at least one modality']);
    const rows = Array.from({ length: 21 }, (_, index) => ({ id: `m${index + 1}`, name: `M${index + 1}`, studiesPerDay: '1', studySizeMb: '1' }));
    assert.deepEqual(messages(guideExample({ rows })), ['add-modality: Remove modalities until there are 20 or fewer']);
  });

  it('checks the compression ratio of the chosen mode', () => {
    assert.deepEqual(messages(guideExample({ losslessRatio: '' })), ['lossless-ratio: Enter the lossless compression ratio, like 2.5 for 2.5:1']);
    assert.deepEqual(messages(guideExample({ losslessRatio: '2.5:1' })), ['lossless-ratio: Lossless compression ratio must be a number, like 2.5']);
    assert.deepEqual(messages(guideExample({ losslessRatio: '0.5' })), ['lossless-ratio: Lossless compression ratio must be 1 or more']);
    assert.deepEqual(messages(guideExample({ losslessRatio: '11' })), ['lossless-ratio: Lossless compression ratio must be 10 or less']);
    assert.deepEqual(messages(guideExample({ compression: 'lossy', lossyRatio: '' })), ['lossy-ratio: Enter the lossy compression ratio, like 10 for 10:1']);
    assert.deepEqual(messages(guideExample({ compression: 'lossy', lossyRatio: 'high' })), ['lossy-ratio: Lossy compression ratio must be a number, like 10']);
    assert.deepEqual(messages(guideExample({ compression: 'lossy', lossyRatio: '0' })), ['lossy-ratio: Lossy compression ratio must be 1 or more']);
    assert.deepEqual(messages(guideExample({ compression: 'lossy', lossyRatio: '101' })), ['lossy-ratio: Lossy compression ratio must be 100 or less']);
  });

  it('checks retention, days, priors and target time, including whole numbers where needed', () => {
    assert.deepEqual(messages(guideExample({ retentionYears: '' })), ['retention-years: Enter how many years images are kept']);
    assert.deepEqual(messages(guideExample({ retentionYears: 'ten' })), ['retention-years: Retention must be a number, like 10']);
    assert.deepEqual(messages(guideExample({ retentionYears: '7.5' })), ['retention-years: Retention must be a whole number, like 10']);
    assert.deepEqual(messages(guideExample({ retentionYears: '0' })), ['retention-years: Retention must be 1 year or more']);
    assert.deepEqual(messages(guideExample({ retentionYears: '101' })), ['retention-years: Retention must be 100 years or less']);
    assert.deepEqual(messages(guideExample({ daysPerYear: '' })), ['days-per-year: Enter how many days a year the department scans']);
    assert.deepEqual(messages(guideExample({ daysPerYear: '0' })), ['days-per-year: Days of operation per year must be 1 or more']);
    assert.deepEqual(messages(guideExample({ daysPerYear: '367' })), ['days-per-year: Days of operation per year must be 366 or less']);
    assert.deepEqual(messages(guideExample({ daysPerYear: '250.5' })), ['days-per-year: Days of operation per year must be a whole number, like 365']);
    assert.deepEqual(messages(guideExample({ priorsPerStudy: '' })), ['priors-per-study: Enter how many prior studies are fetched with each study, or 0']);
    assert.deepEqual(messages(guideExample({ priorsPerStudy: '-1' })), ['priors-per-study: Priors fetched per study must be 0 or more']);
    assert.deepEqual(messages(guideExample({ priorsPerStudy: '1.5' })), ['priors-per-study: Priors fetched per study must be a whole number, like 2']);
    assert.deepEqual(messages(guideExample({ priorsPerStudy: '51' })), ['priors-per-study: Priors fetched per study must be 50 or less']);
    assert.deepEqual(messages(guideExample({ targetSeconds: '' })), ['target-seconds: Enter the target time in seconds to move a study and its priors']);
    assert.deepEqual(messages(guideExample({ targetSeconds: 'soon' })), ['target-seconds: Target time must be a number, like 30']);
    assert.deepEqual(messages(guideExample({ targetSeconds: '0' })), ['target-seconds: Target time must be more than 0 seconds']);
    assert.deepEqual(messages(guideExample({ targetSeconds: '86401' })), ['target-seconds: Target time must be 86,400 seconds (one day) or less']);
  });

  it('lists every error at once, in the order of the form', () => {
    const fields = errorsOf(
      guideExample({
        rows: [{ id: 'a', name: '', studiesPerDay: '', studySizeMb: '' }],
        losslessRatio: 'x',
        retentionYears: 'x',
        daysPerYear: 'x',
        priorsPerStudy: 'x',
        targetSeconds: 'x',
      }),
    ).map((error) => error.field);
    assert.deepEqual(fields, [
      fieldIds.name('a'),
      fieldIds.studies('a'),
      fieldIds.size('a'),
      'lossless-ratio',
      'retention-years',
      'days-per-year',
      'priors-per-study',
      'target-seconds',
    ]);
  });
});

describe('formatting', () => {
  it('uses decimal units', () => {
    assert.equal(formatSize(999), '999 MB');
    assert.equal(formatSize(1000), '1 GB');
    assert.equal(formatSize(27_000), '27 GB');
    assert.equal(formatSize(9_855_000), '9.86 TB');
    assert.equal(formatSize(1_500_000_000), '1.5 PB');
    assert.equal(formatSize(0), '0 MB');
    assert.equal(formatSize(0.5), '0.5 MB');
    assert.equal(formatMb(9_855_000), '9,855,000 MB');
    assert.equal(formatMbit(4.444), '4.44 Mbit/s');
    assert.equal(formatMbit(53.333), '53.3 Mbit/s');
  });
});

describe('Markdown results', () => {
  it('writes the inputs, storage and bandwidth tables with the formula', () => {
    const markdown = resultsMarkdown(ok(guideExample({ priorsPerStudy: '2' })));
    const lines = markdown.split('\n');
    assert.equal(lines[0], '# Imaging storage and bandwidth estimate');
    assert.ok(lines.includes('| CT | 100 | 200 MB | 20,000 MB |'));
    assert.ok(lines.includes('- Compression: lossless, 2:1'));
    assert.ok(lines.includes('| Per day | 27 GB | 13.5 GB |'));
    assert.ok(lines.includes('| Per year | 9.86 TB | 4.93 TB |'));
    assert.ok(lines.includes('| Over 10 years | 98.55 TB | 49.28 TB |'));
    assert.ok(lines.includes('## Bandwidth to move one study and 2 priors within 30 seconds'));
    assert.ok(lines.includes('| CT | 600 MB | 160 Mbit/s | 80 Mbit/s |'));
    assert.match(markdown, /Formula: Mbit\/s = study size in MB × \(1 \+ priors\) × 8 ÷ target seconds ÷ compression ratio\./);
    assert.match(markdown, /1 MB = 1,000,000 bytes/);
  });

  it('drops the compressed column when there is no compression, and says 1 year and 1 prior', () => {
    const markdown = resultsMarkdown(ok(guideExample({ compression: 'none', retentionYears: '1', priorsPerStudy: '1' })));
    assert.ok(markdown.includes('| Period | Uncompressed |\n'));
    assert.ok(markdown.includes('| Over 1 year | 9.86 TB |'));
    assert.ok(markdown.includes('one study and 1 prior within'));
    assert.ok(markdown.includes('- Compression: none'));
  });

  it('escapes modality names so they cannot break the table or add links and HTML', () => {
    const markdown = resultsMarkdown(ok(withRow({ name: 'CT | <b>x</b> [a](https://e.x)' })));
    const row = markdown.split('\n').find((line) => line.startsWith('| CT'));
    assert.equal(row, '| CT \\| \\<b\\>x\\</b\\> \\[a\\](https\\:\\/\\/e.x) | 100 | 200 MB | 20,000 MB |');
    assert.ok(!markdown.includes('<b>'));
  });
});

describe('defaults and stored input', () => {
  it('builds the default form from the cited figures, each with a known source', () => {
    const input = defaultInput(content.modalities);
    assert.equal(input.rows.length, 7);
    assert.deepEqual(input.rows[1], { id: 'm2', name: 'CT', studiesPerDay: '100', studySizeMb: '262' });
    assert.equal(input.compression, 'lossless');
    assert.equal(input.losslessRatio, '2.5');
    for (const row of content.modalities) assert.ok(row.source in content.sources, row.name);
  });

  it('reads back what it saved and refuses anything else', () => {
    const input = defaultInput(content.modalities);
    assert.deepEqual(decodeStoredInput(JSON.stringify(input)), input);
    assert.equal(decodeStoredInput('not json'), null);
    assert.equal(decodeStoredInput('null'), null);
    assert.equal(decodeStoredInput('[]'), null);
    assert.equal(decodeStoredInput(JSON.stringify({ ...input, compression: 'zip' })), null);
    assert.equal(decodeStoredInput(JSON.stringify({ ...input, targetSeconds: 30 })), null);
    assert.equal(decodeStoredInput(JSON.stringify({ ...input, rows: 'CT' })), null);
    assert.equal(decodeStoredInput(JSON.stringify({ ...input, rows: [null] })), null);
    assert.equal(decodeStoredInput(JSON.stringify({ ...input, rows: [{ ...input.rows[0], id: '"><script>' }] })), null);
    assert.equal(decodeStoredInput(JSON.stringify({ ...input, rows: [input.rows[0], input.rows[0]] })), null);
    assert.equal(decodeStoredInput(JSON.stringify({ ...input, rows: [{ ...input.rows[0], name: 'x'.repeat(201) }] })), null);
    assert.equal(decodeStoredInput(JSON.stringify({ ...input, rows: Array.from({ length: 21 }, (_, i) => ({ ...input.rows[0], id: `m${i}` })) })), null);
  });

  it('keeps invalid text as typed, so a reload shows the same errors', () => {
    const input = { ...defaultInput(content.modalities), retentionYears: 'ten' };
    assert.equal(decodeStoredInput(JSON.stringify(input))?.retentionYears, 'ten');
  });

  it('gives each new row an unused id', () => {
    assert.equal(nextRowId([]), 'm1');
    assert.equal(nextRowId([{ id: 'm2', name: '', studiesPerDay: '', studySizeMb: '' }]), 'm3');
    assert.equal(
      nextRowId([
        { id: 'm3', name: '', studiesPerDay: '', studySizeMb: '' },
        { id: 'm4', name: '', studiesPerDay: '', studySizeMb: '' },
      ]),
      'm5',
    );
  });
});
