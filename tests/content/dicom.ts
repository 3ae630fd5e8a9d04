// Checks DICOM tags in prose, tables and code: every "(gggg,eeee)" must have its exact PS3.6
// dictionary name in the same code line, the same table row or the same sentence.
import { createRequire } from 'node:module';
import type { Element } from 'hast';
import { BLOCK_TAGS, isElement, isIgnoredForSearch, normaliseSpace, textContent } from './site.ts';

// The dictionary package is CommonJS; load it with require so its exports are all there.
const require = createRequire(import.meta.url);
const dictionary = require('@iwharris/dicom-data-dictionary') as typeof import('@iwharris/dicom-data-dictionary');

/**
 * The package is generated from PS3.6 chapter 6 only, so it lacks the File Meta Elements of
 * group 0002 (PS3.6 table 7-1), which DICOM file examples show. Their names, as in PS3.6.
 */
const FILE_META_ELEMENTS: Record<string, string> = {
  '(0002,0000)': 'File Meta Information Group Length',
  '(0002,0001)': 'File Meta Information Version',
  '(0002,0002)': 'Media Storage SOP Class UID',
  '(0002,0003)': 'Media Storage SOP Instance UID',
  '(0002,0010)': 'Transfer Syntax UID',
  '(0002,0012)': 'Implementation Class UID',
  '(0002,0013)': 'Implementation Version Name',
  '(0002,0016)': 'Source Application Entity Title',
  '(0002,0017)': 'Sending Application Entity Title',
  '(0002,0018)': 'Receiving Application Entity Title',
  '(0002,0026)': 'Source Presentation Address',
  '(0002,0027)': 'Sending Presentation Address',
  '(0002,0028)': 'Receiving Presentation Address',
  '(0002,0031)': 'RTV Meta Information Version',
  '(0002,0032)': 'RTV Communication SOP Class UID',
  '(0002,0033)': 'RTV Communication SOP Instance UID',
  '(0002,0035)': 'RTV Source Identifier',
  '(0002,0036)': 'RTV Flow Identifier',
  '(0002,0037)': 'RTV Flow RTP Sampling Rate',
  '(0002,0038)': 'RTV Flow Actual Frame Duration',
  '(0002,0100)': 'Private Information Creator UID',
  '(0002,0102)': 'Private Information',
};

export const DICTIONARY_REVISION: string = dictionary.revision;

/** Decodes the few HTML entities the package leaves in names ("Patient&#x27;s Name"). */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return named[body.toLowerCase()] ?? entity;
  });
}

/** A name as a reader would type it: entities decoded, zero-width spaces dropped, spaces collapsed. */
export function normaliseName(name: string): string {
  return normaliseSpace(decodeEntities(name).replace(/[\u200b\u200c\u200d\ufeff]/g, ''));
}

/** Text as compared with names: typographic apostrophes made plain, spaces collapsed. */
function normaliseText(text: string): string {
  return normaliseSpace(text.replace(/[\u200b\u200c\u200d\ufeff]/g, '').replace(/[\u2018\u2019\u02bc]/g, "'"));
}

const exactNames = new Map<string, string>();
/** Repeating groups such as (60xx,3000): a pattern for concrete tags like (6000,3000). */
const repeatingGroups: { pattern: RegExp; tag: string; name: string }[] = [];
for (const [tag, element] of Object.entries(dictionary.elements)) {
  const name = normaliseName(element.name);
  exactNames.set(tag, name);
  if (tag.includes('x')) {
    repeatingGroups.push({ pattern: new RegExp(`^${tag.replace(/[()]/g, '\\$&').replace(/x/g, '[0-9A-F]')}$`), tag, name });
  }
}
for (const [tag, name] of Object.entries(FILE_META_ELEMENTS)) exactNames.set(tag, name);

/** The dictionary entry for a tag written "(GGGG,EEEE)" (upper-case hex; x for a repeating digit). */
export function lookupDicomTag(tag: string): { tag: string; name: string } | undefined {
  const exact = exactNames.get(tag);
  if (exact !== undefined) return { tag, name: exact };
  const repeating = repeatingGroups.find((entry) => entry.pattern.test(tag));
  return repeating ? { tag: repeating.tag, name: repeating.name } : undefined;
}

/** A piece of text in which a tag and its name must appear together. */
export interface TextUnit {
  kind: 'code line' | 'table row' | 'sentence';
  text: string;
}

/** Splits prose into sentences: after . ! or ? and white space, unless a lower-case letter follows. */
export function sentences(text: string): string[] {
  return normaliseSpace(text)
    .split(/(?<=[.!?])["”’)]*\s+(?=[^\p{Ll}])/u)
    .filter((sentence) => sentence !== '');
}

/**
 * The main content cut into code lines (each line of a <pre>), table rows (the cells of a <tr>)
 * and sentences (prose between block boundaries, split at sentence ends). Parts marked
 * data-pagefind-ignore (the kicker, the mobile contents list) are left out.
 */
export function textUnits(main: Element): TextUnit[] {
  const units: TextUnit[] = [];
  let buffer = '';
  const flush = () => {
    for (const sentence of sentences(buffer)) units.push({ kind: 'sentence', text: sentence });
    buffer = '';
  };
  const visit = (node: Element['children'][number]): void => {
    if (node.type === 'text') {
      buffer += node.value;
      return;
    }
    if (!isElement(node) || isIgnoredForSearch(node) || ['script', 'style', 'template'].includes(node.tagName)) return;
    if (node.tagName === 'pre') {
      flush();
      for (const line of textContent(node).split(/\r\n|\r|\n/)) {
        if (line.trim() !== '') units.push({ kind: 'code line', text: line.trim() });
      }
      return;
    }
    if (node.tagName === 'tr') {
      flush();
      const cells = node.children.filter((cell) => isElement(cell, 'td') || isElement(cell, 'th'));
      units.push({ kind: 'table row', text: cells.map((cell) => normaliseSpace(textContent(cell))).join(' | ') });
      return;
    }
    const block = BLOCK_TAGS.has(node.tagName);
    if (block) flush();
    for (const child of node.children) visit(child);
    if (block) flush();
  };
  for (const child of main.children) visit(child);
  flush();
  return units;
}

/** Anything that looks like a DICOM tag: (gggg,eeee) in hex, with x for a repeating digit. */
const TAG = /\(([0-9A-Fa-fXx]{4}),([0-9A-Fa-fXx]{4})\)/g;

/** Whether `name` appears in `text` as a whole phrase (not inside a longer word). */
function containsName(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/** Up to about 140 characters of `text` around position `at`, for a failure message. */
function around(text: string, at: number): string {
  const start = Math.max(0, at - 50);
  const end = Math.min(text.length, at + 90);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** Every problem with the DICOM tags in one unit of text, as readable sentences. */
export function dicomTagProblems(unit: TextUnit): string[] {
  const problems: string[] = [];
  const text = normaliseText(unit.text);
  for (const match of text.matchAll(TAG)) {
    const written = match[0];
    const group = match[1] ?? '';
    const element = match[2] ?? '';
    const where = `${unit.kind} "${around(text, match.index)}"`;
    if (/[a-f]/.test(group + element) || /X/.test(group + element)) {
      problems.push(`${written} in ${where}: write the hex digits in upper case (x for a repeating digit)`);
      continue;
    }
    const entry = lookupDicomTag(written);
    if (!entry) {
      problems.push(`${written} in ${where}: not a tag in the DICOM data dictionary (PS3.6, revision ${DICTIONARY_REVISION})`);
      continue;
    }
    if (!containsName(text, entry.name)) {
      problems.push(`${written} in ${where}: its dictionary name "${entry.name}" is not in the same ${unit.kind}`);
    }
  }
  return problems;
}

/** All DICOM tag problems in a page's main content. */
export function pageDicomProblems(main: Element): { tags: number; problems: string[] } {
  let tags = 0;
  const problems: string[] = [];
  for (const unit of textUnits(main)) {
    tags += [...normaliseText(unit.text).matchAll(TAG)].length;
    problems.push(...dicomTagProblems(unit));
  }
  return { tags, problems };
}
