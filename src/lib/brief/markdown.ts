import { BRIEF_FIELDS, BRIEF_SECTIONS, choiceLabel, type FieldDefinition } from './fields.ts';
import { answerValues, completeness, normaliseText, type Brief } from './model.ts';
import { slugify } from '../slug.ts';

/**
 * The Markdown brief: readable by people on GitHub, Teams or in any editor, and read back
 * by the worksheet without loss. User text is escaped so that it can never become
 * structure (a heading, list, table, link, code block or HTML): every character Markdown
 * could read as syntax is backslash-escaped, and whitespace that Markdown would eat is
 * written as a character reference.
 */

export const MARKDOWN_FORMAT_VERSION = 1;
const MARKER = (version: number) => `<!-- interop-workbook brief, format ${version} -->`;
const MARKER_PATTERN = /^<!-- interop-workbook brief, format (\d+) -->$/;
export const NOT_PROVIDED = '_Not provided_';
/** An empty line inside an answer, written as a zero-width space so the answer stays one paragraph. */
const EMPTY_LINE = '&#8203;';
export const MAX_IMPORT_BYTES = 1024 * 1024;

const ALWAYS_ESCAPED = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#', '@', '!', '$', '{', '}']);
const WHITESPACE_ENTITIES: Record<string, string> = { ' ': '&#32;', '\t': '&#9;' };
const ENTITY_CHARACTERS: Record<string, string> = { '&#32;': ' ', '&#9;': '\t' };

function escapeLine(line: string): string {
  if (line === '') return EMPTY_LINE;
  const leading = /^[ \t]*/.exec(line)?.[0] ?? '';
  const trailing = line.length > leading.length ? (/[ \t]*$/.exec(line)?.[0] ?? '') : '';
  const body = line.slice(leading.length, line.length - trailing.length);
  let escaped = '';
  for (const character of body) escaped += ALWAYS_ESCAPED.has(character) ? `\\${character}` : character;
  // Autolink literals: "https://", "www." and e-mail addresses must not turn into links.
  escaped = escaped.replace(/:\/\//g, '\\:\\/\\/').replace(/\b(www)\./gi, '$1\\.');
  // Block syntax that depends on the start of a line: list items, setext underlines, ordered lists.
  escaped = escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  const encode = (space: string) => [...space].map((character) => WHITESPACE_ENTITIES[character]).join('');
  return encode(leading) + escaped + encode(trailing);
}

function unescapeLine(line: string): string {
  if (line === EMPTY_LINE) return '';
  let result = '';
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index]!;
    if (character === '\\' && index + 1 < line.length) {
      result += line[index + 1];
      index += 1;
      continue;
    }
    if (character === '&') {
      const entity = /^&#(32|9);/.exec(line.slice(index))?.[0];
      if (entity) {
        result += ENTITY_CHARACTERS[entity];
        index += entity.length - 1;
        continue;
      }
    }
    result += character;
  }
  return result;
}

/** An answer as Markdown lines: one paragraph, each of the user's lines ending in a hard break. */
export function escapeAnswer(text: string): string[] {
  const lines = normaliseText(text).split('\n').map(escapeLine);
  return lines.map((line, index) => (index < lines.length - 1 ? `${line}\\` : line));
}

export function unescapeAnswer(lines: readonly string[]): string {
  return lines.map((line, index) => unescapeLine(index < lines.length - 1 ? line.replace(/\\$/, '') : line)).join('\n');
}

/** Escapes one line of text for use inside a heading. */
export function escapeInline(text: string): string {
  return escapeLine(normaliseText(text).replace(/\n+/g, ' '));
}

function formatDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function answerForExport(field: FieldDefinition, value: string): string[] {
  if (!value.trim() && field.kind !== 'choice') return value === '' ? [NOT_PROVIDED] : escapeAnswer(value);
  if (field.kind === 'choice') return value ? escapeAnswer(choiceLabel(field, value)) : [NOT_PROVIDED];
  return escapeAnswer(value);
}

export function exportMarkdown(brief: Brief, exportedAt: Date): string {
  const values = answerValues(brief);
  const progress = completeness(brief);
  const title = values['title']?.trim() ? escapeInline(values['title']) : 'Untitled integration brief';
  const out: string[] = [
    MARKER(MARKDOWN_FORMAT_VERSION),
    '',
    `# ${title}`,
    '',
    `Integration brief, exported ${formatDate(exportedAt)} (${isoDate(exportedAt)}). ${progress.answered} of ${progress.total} answers (${progress.percent}%).`,
  ];
  BRIEF_SECTIONS.forEach((section, index) => {
    out.push('', `## ${index + 1}. ${section.title}`);
    for (const field of section.fields) {
      out.push('', `**${field.label}**`, '', ...answerForExport(field, values[field.id] ?? ''));
    }
  });
  out.push('');
  return out.join('\n');
}

/** The file name for a download: `<brief-title-slug>-integration-brief-YYYY-MM-DD.md`. */
export function markdownFileName(brief: Brief, date: Date): string {
  const slug = slugify(answerValues(brief)['title'] ?? '').slice(0, 60).replace(/-+$/, '') || 'untitled';
  return `${slug}-integration-brief-${isoDate(date)}.md`;
}

export type ImportResult = { ok: true; values: Record<string, string> } | { ok: false; error: string };

const fail = (error: string): ImportResult => ({ ok: false, error });

/** Reads a Markdown brief exported by this site. Anything else is refused with a reason. */
export function importMarkdown(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return fail('This file is larger than 1 MB, so it is not a brief exported from this site.');
  if (/\u0000|\ufffd/.test(text)) return fail('This file is not text (it looks binary), so it cannot be a brief.');
  const lines = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  const firstLine = lines.findIndex((line) => line.trim() !== '');
  const marker = MARKER_PATTERN.exec(lines[firstLine]?.trim() ?? '');
  if (!marker) {
    return fail('This file is not an integration brief from this site: it does not start with the brief marker line. Export a brief with "Download Markdown" and import that file.');
  }
  const version = Number(marker[1]);
  if (version !== MARKDOWN_FORMAT_VERSION) {
    return fail(`This brief uses format ${version}, which this version of the site does not know (it reads format ${MARKDOWN_FORMAT_VERSION}). Nothing was changed.`);
  }

  const fieldsByLabel = new Map(BRIEF_FIELDS.map((field) => [field.label, field]));
  const values: Record<string, string> = {};
  let current: FieldDefinition | undefined;
  let block: string[] = [];
  const flush = (): string | undefined => {
    if (!current) return undefined;
    const answer = block.length === 1 && block[0] === NOT_PROVIDED ? '' : unescapeAnswer(block);
    if (current.kind === 'choice' && answer) {
      const option = current.options?.find((candidate) => candidate.label === answer || candidate.value === answer);
      if (!option) return `"${current.label}" must be one of: ${current.options?.map((o) => o.label).join(', ')}.`;
      values[current.id] = option.value;
    } else {
      values[current.id] = answer;
    }
    current = undefined;
    block = [];
    return undefined;
  };

  for (const line of lines.slice(firstLine + 1)) {
    const label = /^\*\*(.+)\*\*$/.exec(line)?.[1];
    if (label !== undefined || line.startsWith('## ') || line.startsWith('# ')) {
      const problem = flush();
      if (problem) return fail(problem);
      if (label !== undefined) {
        const field = fieldsByLabel.get(label);
        if (!field) return fail(`This brief has a field this site does not know: "${label}". Nothing was changed.`);
        if (field.id in values) return fail(`The field "${label}" appears twice in this file. Nothing was changed.`);
        current = field;
      }
      continue;
    }
    if (current && line !== '') block.push(line);
  }
  const problem = flush();
  if (problem) return fail(problem);
  if (Object.keys(values).length === 0) return fail('This file has the brief marker but no fields, so there is nothing to import.');
  return { ok: true, values };
}
