import { BRIEF_SECTIONS, choiceLabel, type FieldDefinition, type SectionDefinition } from './fields.ts';
import { escapeAnswer, escapeInline, importMarkdown, MAX_IMPORT_BYTES } from './markdown.ts';

/**
 * Several participants' Markdown briefs, side by side. Every file goes through the
 * worksheet's own importer (one parser), so a file compares exactly when it would import.
 * Nothing here touches the DOM or the network: the page hands in text it read locally.
 */

/** A file as the page read it: its text, or why it could not be read as text. */
export type BriefFile = { name: string; text: string } | { name: string; unreadable: string };

export interface ComparedBrief {
  /** The file name as selected. */
  fileName: string;
  /** The name shown for this brief: its title, with the file name when two titles clash. */
  label: string;
  values: Record<string, string>;
}

export interface SkippedFile {
  name: string;
  reason: string;
}

export interface FieldComparison {
  field: FieldDefinition;
  answered: number;
  total: number;
  /** Labels of the briefs that leave this field empty. */
  missing: string[];
}

export interface SectionComparison {
  section: SectionDefinition;
  fields: FieldComparison[];
}

export interface Comparison {
  briefs: ComparedBrief[];
  skipped: SkippedFile[];
  sections: SectionComparison[];
}

/** The same limit the worksheet's import uses. */
export const MAX_BRIEF_BYTES = MAX_IMPORT_BYTES;

/** Checks a file's size before its bytes are read, so a huge file is never loaded. */
export function sizeProblem(size: number): string | null {
  return size > MAX_BRIEF_BYTES ? 'It is larger than 1 MB, so it is not a brief exported from this site.' : null;
}

/** Decodes a file's bytes as UTF-8, or says why it is not text. */
export function decodeBriefBytes(name: string, bytes: Uint8Array): BriefFile {
  try {
    return { name, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { name, unreadable: 'It is not a text file (it looks binary), so it cannot be a brief.' };
  }
}

/** An answer counts when it has text, or, for a choice, a known option. */
export function isAnsweredValue(field: FieldDefinition, value: string | undefined): boolean {
  const trimmed = (value ?? '').trim();
  if (field.kind === 'choice') return (field.options ?? []).some((option) => option.value === trimmed);
  return trimmed.length > 0;
}

/** The answer as a reader should see it (a choice's label rather than its stored value). */
export function displayValue(field: FieldDefinition, value: string | undefined): string {
  const text = value ?? '';
  return field.kind === 'choice' && text ? choiceLabel(field, text) : text;
}

function disambiguate(briefs: { fileName: string; title: string }[]): string[] {
  const count = new Map<string, number>();
  for (const { title } of briefs) count.set(title, (count.get(title) ?? 0) + 1);
  const labels = briefs.map(({ fileName, title }) => ((count.get(title) ?? 0) > 1 ? `${title} (${fileName})` : title));
  // Two files with the same name and the same title still need telling apart.
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n > 1 ? `${label} [${n}]` : label;
  });
}

/** Reads every file, keeps the briefs, names the rest with a reason, and counts the gaps field by field. */
export function compareBriefs(files: readonly BriefFile[]): Comparison {
  const skipped: SkippedFile[] = [];
  const read: { fileName: string; text: string; values: Record<string, string> }[] = [];
  for (const file of files) {
    if ('unreadable' in file) {
      skipped.push({ name: file.name, reason: file.unreadable });
      continue;
    }
    if (read.some((brief) => brief.fileName === file.name && brief.text === file.text)) {
      skipped.push({ name: file.name, reason: 'It is the same file as one already selected, so it is compared once.' });
      continue;
    }
    const result = importMarkdown(file.text);
    if (!result.ok) {
      skipped.push({ name: file.name, reason: result.error });
      continue;
    }
    read.push({ fileName: file.name, text: file.text, values: result.values });
  }

  const titled = read.map((brief) => ({ fileName: brief.fileName, title: brief.values['title']?.trim() || 'Untitled brief' }));
  const labels = disambiguate(titled);
  const briefs: ComparedBrief[] = read.map((brief, index) => ({ fileName: brief.fileName, label: labels[index]!, values: brief.values }));

  const sections = BRIEF_SECTIONS.map((section) => ({
    section,
    fields: section.fields.map((field) => {
      const missing = briefs.filter((brief) => !isAnsweredValue(field, brief.values[field.id])).map((brief) => brief.label);
      return { field, answered: briefs.length - missing.length, total: briefs.length, missing };
    }),
  }));
  return { briefs, skipped, sections };
}

/** "Test environment: 2 of 3 answered" */
export function gapSummary(entry: FieldComparison): string {
  return `${entry.field.label}: ${entry.answered} of ${entry.total} answered`;
}

/** Fields that at least one brief leaves empty, in worksheet order. */
export function fieldsWithGaps(comparison: Comparison): FieldComparison[] {
  return comparison.sections.flatMap((section) => section.fields).filter((entry) => entry.answered < entry.total);
}

function formatDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** An escaped answer as the body of a list item: continuation lines indented under it. */
function listItem(label: string, field: FieldDefinition, value: string | undefined): string[] {
  const answered = isAnsweredValue(field, value);
  const lines = answered ? escapeAnswer(displayValue(field, value)) : ['_Not answered_'];
  const [first, ...rest] = lines;
  return [`- **${escapeInline(label)}:** ${first ?? ''}`, ...rest.map((line) => `  ${line}`)];
}

/**
 * The comparison as one Markdown document: the briefs compared, the files skipped, the gaps,
 * then every field with each brief's answer. Everything a participant typed is escaped with
 * the brief export's own escaping, so no answer can add a heading, link or HTML.
 */
export function comparisonMarkdown(comparison: Comparison, exportedAt: Date): string {
  const { briefs, skipped } = comparison;
  const out: string[] = [
    '# Integration brief comparison',
    '',
    `Compared ${briefs.length} ${briefs.length === 1 ? 'brief' : 'briefs'} on ${formatDate(exportedAt)} (${exportedAt.toISOString().slice(0, 10)}).`,
    '',
    '## Briefs compared',
    '',
    ...briefs.map((brief) => `- ${escapeInline(brief.label)} (file: ${escapeInline(brief.fileName)})`),
  ];
  if (briefs.length === 0) out.push('None.');
  out.push('');
  if (skipped.length > 0) {
    out.push('## Files skipped', '');
    for (const file of skipped) out.push(`- ${escapeInline(file.name)}: ${escapeInline(file.reason)}`);
    out.push('');
  }
  const gaps = fieldsWithGaps(comparison);
  out.push('## Gaps', '');
  if (briefs.length === 0) out.push('No briefs to compare.', '');
  else if (gaps.length === 0) out.push(`Every field is answered in all ${briefs.length} briefs.`, '');
  else {
    for (const entry of gaps) out.push(`- ${escapeInline(gapSummary(entry))}. Not answered in: ${entry.missing.map(escapeInline).join('; ')}.`);
    out.push('');
  }
  comparison.sections.forEach(({ section, fields }, index) => {
    out.push(`## ${index + 1}. ${escapeInline(section.title)}`, '');
    for (const entry of fields) {
      out.push(`### ${escapeInline(entry.field.label)}`, '', `${entry.answered} of ${entry.total} answered.`, '');
      for (const brief of briefs) out.push(...listItem(brief.label, entry.field, brief.values[entry.field.id]));
      if (briefs.length > 0) out.push('');
    }
  });
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

export function comparisonFileName(date: Date): string {
  return `integration-brief-comparison-${date.toISOString().slice(0, 10)}.md`;
}
