import { escapeInline } from './brief/markdown.ts';
import { formatNumber } from './number-format.ts';

/**
 * The imaging storage and bandwidth calculator: pure functions from what the user typed
 * (kept as strings, so that half-typed input survives a reload) to validated numbers and
 * results. Units are decimal throughout: 1 MB = 10^6 bytes, 1 GB = 1,000 MB,
 * 1 TB = 1,000 GB, 1 PB = 1,000 TB, 1 Mbit/s = 10^6 bits per second.
 */

export type CompressionMode = 'none' | 'lossless' | 'lossy';

export interface ModalityRowInput {
  /** Stable id for the row (used in element ids), not shown to users. */
  id: string;
  name: string;
  studiesPerDay: string;
  studySizeMb: string;
}

export interface SizingInput {
  rows: ModalityRowInput[];
  compression: CompressionMode;
  losslessRatio: string;
  lossyRatio: string;
  retentionYears: string;
  daysPerYear: string;
  priorsPerStudy: string;
  targetSeconds: string;
}

/** One problem with one field; `field` is the id of the element to focus. */
export interface FieldError {
  field: string;
  message: string;
}

export interface RowResult {
  id: string;
  name: string;
  studiesPerDay: number;
  studySizeMb: number;
  dailyMb: number;
  /** One study plus its priors, in MB. */
  transferMb: number;
  /** Mbit/s to move one study and its priors within the target time, uncompressed. */
  mbitPerSecond: number;
  /** The same with the chosen compression applied to what is sent. */
  mbitPerSecondCompressed: number;
}

export interface SizingResult {
  rows: RowResult[];
  ratio: number;
  compression: CompressionMode;
  retentionYears: number;
  daysPerYear: number;
  priorsPerStudy: number;
  targetSeconds: number;
  studiesPerDay: number;
  dailyMb: number;
  yearlyMb: number;
  retentionMb: number;
  dailyMbCompressed: number;
  yearlyMbCompressed: number;
  retentionMbCompressed: number;
}

export type SizingOutcome = { ok: true; result: SizingResult } | { ok: false; errors: FieldError[] };

export const LIMITS = {
  maxRows: 20,
  maxNameLength: 40,
  maxStudiesPerDay: 100_000,
  maxStudySizeMb: 1_000_000,
  maxLosslessRatio: 10,
  maxLossyRatio: 100,
  maxRetentionYears: 100,
  maxDaysPerYear: 366,
  maxPriors: 50,
  maxTargetSeconds: 86_400,
} as const;

export const DEFAULT_LOSSLESS_RATIO = '2.5';
export const DEFAULT_LOSSY_RATIO = '10';

/** Element ids for each input, shared by the form, the error summary and the tests. */
export const fieldIds = {
  name: (rowId: string) => `modality-name-${rowId}`,
  studies: (rowId: string) => `modality-studies-${rowId}`,
  size: (rowId: string) => `modality-size-${rowId}`,
  rows: 'add-modality',
  ratio: (mode: 'lossless' | 'lossy') => `${mode}-ratio`,
  retentionYears: 'retention-years',
  daysPerYear: 'days-per-year',
  priorsPerStudy: 'priors-per-study',
  targetSeconds: 'target-seconds',
} as const;

/** The results heading, which Calculate moves focus to. */
export const RESULTS_HEADING_ID = 'results-heading';

/** A default row: the page's cited figures, from content/imaging-sizing.json. */
export interface ModalityDefault {
  name: string;
  studiesPerDay: number;
  studySizeMb: number;
}

export const DEFAULT_SETTINGS = {
  compression: 'lossless' as CompressionMode,
  retentionYears: '10',
  daysPerYear: '365',
  priorsPerStudy: '2',
  targetSeconds: '30',
};

/** The form as it first appears, and after Reset. */
export function defaultInput(defaults: readonly ModalityDefault[]): SizingInput {
  return {
    rows: defaults.map((row, index) => ({
      id: `m${index + 1}`,
      name: row.name,
      studiesPerDay: String(row.studiesPerDay),
      studySizeMb: String(row.studySizeMb),
    })),
    losslessRatio: DEFAULT_LOSSLESS_RATIO,
    lossyRatio: DEFAULT_LOSSY_RATIO,
    ...DEFAULT_SETTINGS,
  };
}

const ROW_ID = /^[a-z0-9-]{1,40}$/;
const MAX_STORED_TEXT = 200;

const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_STORED_TEXT;

/**
 * Reads inputs saved by an earlier visit. Anything that is not exactly the saved shape
 * (edited by hand, written by another version, truncated) gives `null`, and the caller
 * starts again from the defaults rather than half-trusting it.
 */
export function decodeStoredInput(raw: string): SizingInput | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const value = data as Record<string, unknown>;
  const rows = value['rows'];
  if (!Array.isArray(rows) || rows.length > LIMITS.maxRows) return null;
  const decodedRows: ModalityRowInput[] = [];
  const seen = new Set<string>();
  for (const row of rows as unknown[]) {
    if (typeof row !== 'object' || row === null) return null;
    const { id, name, studiesPerDay, studySizeMb } = row as Record<string, unknown>;
    if (typeof id !== 'string' || !ROW_ID.test(id) || seen.has(id)) return null;
    if (!isText(name) || !isText(studiesPerDay) || !isText(studySizeMb)) return null;
    seen.add(id);
    decodedRows.push({ id, name, studiesPerDay, studySizeMb });
  }
  const compression = value['compression'];
  if (compression !== 'none' && compression !== 'lossless' && compression !== 'lossy') return null;
  const texts = ['losslessRatio', 'lossyRatio', 'retentionYears', 'daysPerYear', 'priorsPerStudy', 'targetSeconds'] as const;
  if (!texts.every((key) => isText(value[key]))) return null;
  return {
    rows: decodedRows,
    compression,
    losslessRatio: value['losslessRatio'] as string,
    lossyRatio: value['lossyRatio'] as string,
    retentionYears: value['retentionYears'] as string,
    daysPerYear: value['daysPerYear'] as string,
    priorsPerStudy: value['priorsPerStudy'] as string,
    targetSeconds: value['targetSeconds'] as string,
  };
}

/** A row id not used by any row yet. */
export function nextRowId(rows: readonly ModalityRowInput[]): string {
  const used = new Set(rows.map((row) => row.id));
  let index = rows.length + 1;
  while (used.has(`m${index}`)) index += 1;
  return `m${index}`;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: 'empty' | 'not-a-number' | 'too-large' };

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a number as people type it: spaces and thousands commas are ignored ("1,000" and
 * "1 000" are 1000); anything else that is not a plain decimal number is rejected rather
 * than guessed at. Numbers too large for a double ("1e400") are reported as too large.
 */
export function parseNumber(raw: string): ParsedNumber {
  const text = raw.trim().replace(/[\s\u00a0\u202f]+/g, '').replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
  if (text === '') return { ok: false, reason: 'empty' };
  if (!NUMBER_PATTERN.test(text)) return { ok: false, reason: 'not-a-number' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, reason: 'too-large' };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

const grouped = (value: number) => formatNumber(value, 2);

interface NumberRule {
  field: string;
  /** What the field is, for messages: "CT studies per day". */
  label: string;
  /** Message when empty: "Enter the number of CT studies per day". */
  empty: string;
  example: string;
  min: number;
  /** Whether the minimum itself is allowed. */
  minInclusive: boolean;
  max: number;
  maxText?: string;
  minText?: string;
  whole?: boolean;
  unit?: string;
}

function checkNumber(raw: string, rule: NumberRule, errors: FieldError[]): number {
  const parsed = parseNumber(raw);
  const fail = (message: string) => {
    errors.push({ field: rule.field, message });
    return Number.NaN;
  };
  const unit = rule.unit ? ` ${rule.unit}` : '';
  const maxText = rule.maxText ?? `${grouped(rule.max)}${unit}`;
  if (!parsed.ok) {
    if (parsed.reason === 'empty') return fail(rule.empty);
    if (parsed.reason === 'too-large') return fail(`${rule.label} must be ${maxText} or less`);
    return fail(`${rule.label} must be a number, like ${rule.example}`);
  }
  const { value } = parsed;
  if (rule.whole && !Number.isInteger(value)) return fail(`${rule.label} must be a whole number, like ${rule.example}`);
  if (rule.minInclusive ? value < rule.min : value <= rule.min) {
    const minText = rule.minText ?? `${grouped(rule.min)}${unit}`;
    return fail(rule.minInclusive ? `${rule.label} must be ${minText} or more` : `${rule.label} must be more than ${minText}`);
  }
  if (value > rule.max) return fail(`${rule.label} must be ${maxText} or less`);
  return value;
}

function rowLabel(row: ModalityRowInput, index: number): string {
  const name = row.name.trim().replace(/\s+/g, ' ');
  return name === '' || name.length > LIMITS.maxNameLength ? `Row ${index + 1}` : name;
}

function ratioFor(input: SizingInput, errors: FieldError[]): number {
  if (input.compression === 'none') return 1;
  if (input.compression === 'lossless') {
    return checkNumber(
      input.losslessRatio,
      {
        field: fieldIds.ratio('lossless'),
        label: 'Lossless compression ratio',
        empty: 'Enter the lossless compression ratio, like 2.5 for 2.5:1',
        example: '2.5',
        min: 1,
        minInclusive: true,
        max: LIMITS.maxLosslessRatio,
      },
      errors,
    );
  }
  return checkNumber(
    input.lossyRatio,
    {
      field: fieldIds.ratio('lossy'),
      label: 'Lossy compression ratio',
      empty: 'Enter the lossy compression ratio, like 10 for 10:1',
      example: '10',
      min: 1,
      minInclusive: true,
      max: LIMITS.maxLossyRatio,
    },
    errors,
  );
}

/** Validates every input and, when all are valid, works out the results. */
export function calculate(input: SizingInput): SizingOutcome {
  const errors: FieldError[] = [];
  if (input.rows.length === 0) errors.push({ field: fieldIds.rows, message: 'Add at least one modality' });
  if (input.rows.length > LIMITS.maxRows) errors.push({ field: fieldIds.rows, message: `Remove modalities until there are ${LIMITS.maxRows} or fewer` });

  const rows = input.rows.map((row, index) => {
    const name = row.name.trim().replace(/\s+/g, ' ');
    const label = rowLabel(row, index);
    if (name === '') errors.push({ field: fieldIds.name(row.id), message: `Enter a name for row ${index + 1}, like CT` });
    else if (name.length > LIMITS.maxNameLength) {
      errors.push({ field: fieldIds.name(row.id), message: `The name in row ${index + 1} must be ${LIMITS.maxNameLength} characters or fewer` });
    }
    const studiesPerDay = checkNumber(
      row.studiesPerDay,
      {
        field: fieldIds.studies(row.id),
        label: `${label} studies per day`,
        empty: `Enter the number of ${label} studies per day`,
        example: '120',
        min: 0,
        minInclusive: true,
        max: LIMITS.maxStudiesPerDay,
      },
      errors,
    );
    const studySizeMb = checkNumber(
      row.studySizeMb,
      {
        field: fieldIds.size(row.id),
        label: `Average ${label} study size`,
        empty: `Enter the average ${label} study size in MB`,
        example: '250',
        min: 0,
        minInclusive: false,
        max: LIMITS.maxStudySizeMb,
        unit: 'MB',
        maxText: '1,000,000 MB (1 TB)',
      },
      errors,
    );
    return { id: row.id, name, studiesPerDay, studySizeMb };
  });

  const ratio = ratioFor(input, errors);
  const retentionYears = checkNumber(
    input.retentionYears,
    {
      field: fieldIds.retentionYears,
      label: 'Retention',
      empty: 'Enter how many years images are kept',
      example: '10',
      min: 1,
      minInclusive: true,
      max: LIMITS.maxRetentionYears,
      whole: true,
      unit: 'years',
      minText: '1 year',
    },
    errors,
  );
  const daysPerYear = checkNumber(
    input.daysPerYear,
    {
      field: fieldIds.daysPerYear,
      label: 'Days of operation per year',
      empty: 'Enter how many days a year the department scans',
      example: '365',
      min: 1,
      minInclusive: true,
      max: LIMITS.maxDaysPerYear,
      whole: true,
    },
    errors,
  );
  const priorsPerStudy = checkNumber(
    input.priorsPerStudy,
    {
      field: fieldIds.priorsPerStudy,
      label: 'Priors fetched per study',
      empty: 'Enter how many prior studies are fetched with each study, or 0',
      example: '2',
      min: 0,
      minInclusive: true,
      max: LIMITS.maxPriors,
      whole: true,
    },
    errors,
  );
  const targetSeconds = checkNumber(
    input.targetSeconds,
    {
      field: fieldIds.targetSeconds,
      label: 'Target time',
      empty: 'Enter the target time in seconds to move a study and its priors',
      example: '30',
      min: 0,
      minInclusive: false,
      max: LIMITS.maxTargetSeconds,
      unit: 'seconds',
      maxText: '86,400 seconds (one day)',
    },
    errors,
  );

  if (errors.length > 0) return { ok: false, errors };

  const rowResults: RowResult[] = rows.map((row) => {
    const transferMb = row.studySizeMb * (1 + priorsPerStudy);
    const mbitPerSecond = (transferMb * 8) / targetSeconds;
    return {
      ...row,
      dailyMb: row.studiesPerDay * row.studySizeMb,
      transferMb,
      mbitPerSecond,
      mbitPerSecondCompressed: mbitPerSecond / ratio,
    };
  });
  const dailyMb = rowResults.reduce((sum, row) => sum + row.dailyMb, 0);
  const yearlyMb = dailyMb * daysPerYear;
  const retentionMb = yearlyMb * retentionYears;
  return {
    ok: true,
    result: {
      rows: rowResults,
      ratio,
      compression: input.compression,
      retentionYears,
      daysPerYear,
      priorsPerStudy,
      targetSeconds,
      studiesPerDay: rowResults.reduce((sum, row) => sum + row.studiesPerDay, 0),
      dailyMb,
      yearlyMb,
      retentionMb,
      dailyMbCompressed: dailyMb / ratio,
      yearlyMbCompressed: yearlyMb / ratio,
      retentionMbCompressed: retentionMb / ratio,
    },
  };
}

const UNITS = [
  { unit: 'PB', size: 1e9 },
  { unit: 'TB', size: 1e6 },
  { unit: 'GB', size: 1e3 },
  { unit: 'MB', size: 1 },
] as const;

/** A size in MB in the largest decimal unit that keeps it at 1 or more: "9.86 TB". */
export function formatSize(mb: number): string {
  const unit = UNITS.find((candidate) => Math.abs(mb) >= candidate.size) ?? UNITS[UNITS.length - 1]!;
  return `${grouped(mb / unit.size)} ${unit.unit}`;
}

/** A size in MB as MB, grouped: "9,855,000 MB". */
export function formatMb(mb: number): string {
  return `${grouped(mb)} MB`;
}

/** A rate in Mbit/s: two decimals below 10, one above. */
export function formatMbit(value: number): string {
  return `${formatNumber(value, value < 10 ? 2 : 1)} Mbit/s`;
}

export function compressionLabel(result: Pick<SizingResult, 'compression' | 'ratio'>): string {
  if (result.compression === 'none') return 'none';
  return `${result.compression}, ${grouped(result.ratio)}:1`;
}

/** The bandwidth formula with this result's numbers, for one row. */
export function bandwidthFormula(result: SizingResult, row: RowResult): string {
  const base = `${grouped(row.studySizeMb)} MB × (1 + ${result.priorsPerStudy}) × 8 bits ÷ ${grouped(result.targetSeconds)} s = ${formatMbit(row.mbitPerSecond)}`;
  if (result.compression === 'none') return base;
  return `${base}; ÷ ${grouped(result.ratio)} = ${formatMbit(row.mbitPerSecondCompressed)} compressed`;
}

const cell = (text: string) => escapeInline(text);

/** The results as Markdown. Modality names are escaped, so they cannot change the document. */
export function resultsMarkdown(result: SizingResult): string {
  const compressed = result.compression !== 'none';
  const years = `${result.retentionYears} ${result.retentionYears === 1 ? 'year' : 'years'}`;
  const lines = [
    '# Imaging storage and bandwidth estimate',
    '',
    'Decimal units: 1 MB = 1,000,000 bytes, 1 GB = 1,000 MB, 1 TB = 1,000 GB, 1 Mbit/s = 1,000,000 bits per second. Study sizes are typical figures that vary widely; measure your own.',
    '',
    '## Inputs',
    '',
    '| Modality | Studies per day | Average study size | Daily volume |',
    '| --- | ---: | ---: | ---: |',
    ...result.rows.map((row) => `| ${cell(row.name)} | ${grouped(row.studiesPerDay)} | ${formatMb(row.studySizeMb)} | ${formatMb(row.dailyMb)} |`),
    '',
    `- Compression: ${compressionLabel(result)}`,
    `- Days of operation per year: ${result.daysPerYear}`,
    `- Retention: ${years}`,
    `- Priors fetched per study: ${result.priorsPerStudy}`,
    `- Target time to move a study and its priors: ${grouped(result.targetSeconds)} seconds`,
    '',
    '## Storage',
    '',
    compressed ? `| Period | Uncompressed | Compressed (${grouped(result.ratio)}:1) |` : '| Period | Uncompressed |',
    compressed ? '| --- | ---: | ---: |' : '| --- | ---: |',
    ...[
      ['Per day', result.dailyMb, result.dailyMbCompressed],
      ['Per year', result.yearlyMb, result.yearlyMbCompressed],
      [`Over ${years}`, result.retentionMb, result.retentionMbCompressed],
    ].map(([label, plain, packed]) =>
      compressed ? `| ${label} | ${formatSize(plain as number)} | ${formatSize(packed as number)} |` : `| ${label} | ${formatSize(plain as number)} |`,
    ),
    '',
    `## Bandwidth to move one study and ${result.priorsPerStudy} ${result.priorsPerStudy === 1 ? 'prior' : 'priors'} within ${grouped(result.targetSeconds)} seconds`,
    '',
    compressed ? '| Modality | Data moved | Uncompressed | Compressed |' : '| Modality | Data moved | Uncompressed |',
    compressed ? '| --- | ---: | ---: | ---: |' : '| --- | ---: | ---: |',
    ...result.rows.map((row) =>
      compressed
        ? `| ${cell(row.name)} | ${formatMb(row.transferMb)} | ${formatMbit(row.mbitPerSecond)} | ${formatMbit(row.mbitPerSecondCompressed)} |`
        : `| ${cell(row.name)} | ${formatMb(row.transferMb)} | ${formatMbit(row.mbitPerSecond)} |`,
    ),
    '',
    `Formula: Mbit/s = study size in MB × (1 + priors) × 8 ÷ target seconds${compressed ? ' ÷ compression ratio' : ''}. Add headroom for protocol overhead and for several people opening studies at once.`,
    '',
  ];
  return lines.join('\n');
}
