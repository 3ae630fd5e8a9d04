/**
 * The data dictionary the inspector reads names and VRs from. It is built at build time
 * (src/pages/explore/dicom/dictionary.json.ts) from dcmjs's DicomMetaDictionary (tags,
 * keywords, VRs and SOP class keywords) and fetched by the page as static JSON, so
 * neither package is bundled into the page.
 */

/** [keyword, VR, name]; the name is left out when it is the keyword split into words. */
export type DictionaryEntry = [keyword: string, vr: string, name?: string];

export interface DicomDictionary {
  /** Keyed by ggggeeee in upper-case hex. */
  tags: Record<string, DictionaryEntry>;
  /** Repeating-group patterns such as 60xx3000, with x for any hex digit. */
  repeating: [pattern: string, entry: DictionaryEntry][];
  /** SOP Class UID to the SOP class name. */
  sopClasses: Record<string, string>;
}

export const EMPTY_DICTIONARY: DicomDictionary = { tags: {}, repeating: [], sopClasses: {} };

/** dcmjs writes a few VRs as lower-case shorthands; these are what PS3.6 prints. */
const VR_SHORTHANDS: Record<string, string> = {
  ox: 'OB or OW',
  xs: 'US or SS',
  lt: 'US or SS or OW',
  up: 'UL',
  na: '',
};

/** "SOPInstanceUID" → "SOP Instance UID", "Rows" → "Rows", "Bits8Allocated" → "Bits 8 Allocated". */
export function keywordToWords(keyword: string): string {
  return keyword
    .replace(/^RETIRED_/, '')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .replace(/ (Of|The|In|For|And|To|On|By|With|At|From|Per|Or|An?) /g, (word) => word.toLowerCase())
    .replace(/ (Of|The|In|For|And|To|On|By|With|At|From|Per|Or|An?) /g, (word) => word.toLowerCase())
    .trim();
}

export interface TagSource {
  tag: string;
  keyword: string;
  vr: string;
}

/**
 * Builds the dictionary. `names` maps "(gggg,eeee)" to the PS3.6 display name where one
 * is known ("Patient's Name"); otherwise the keyword's words stand in for it.
 */
export function buildDictionary(
  tags: Iterable<TagSource>,
  names: Record<string, string>,
  sopClassKeywords: Record<string, string>,
  extraSopClassNames: Record<string, string> = {},
): DicomDictionary {
  const dictionary: DicomDictionary = { tags: {}, repeating: [], sopClasses: {} };
  for (const source of tags) {
    const match = /^\(([0-9A-Fa-fx]{4}),([0-9A-Fa-fx]{4})\)$/.exec(source.tag);
    if (!match) continue;
    const key = `${match[1]}${match[2]}`.toUpperCase().replace(/X/g, 'x');
    const vr = VR_SHORTHANDS[source.vr] ?? source.vr;
    const name = names[source.tag.toUpperCase().replace(/X/g, 'x')];
    const entry: DictionaryEntry = name && name !== keywordToWords(source.keyword) ? [source.keyword, vr, name] : [source.keyword, vr];
    if (key.includes('x')) dictionary.repeating.push([key, entry]);
    else dictionary.tags[key] = entry;
  }
  for (const [uid, keyword] of Object.entries(sopClassKeywords)) {
    const words = keywordToWords(keyword);
    dictionary.sopClasses[uid] = /Storage$/.test(words) ? words : `${words} Storage`;
  }
  Object.assign(dictionary.sopClasses, extraSopClassNames);
  return dictionary;
}

export interface TagInfo {
  keyword?: string;
  /** PS3.6 name, or a description for private and group-length elements. */
  name: string;
  /** The dictionary VR ('' when unknown). */
  vr: string;
  known: boolean;
}

/** Looks up a tag written as ggggeeee (any case). */
export function lookupTag(dictionary: DicomDictionary, tag: string): TagInfo {
  const key = tag.toUpperCase();
  const entry = dictionary.tags[key] ?? dictionary.repeating.find(([pattern]) => matchesPattern(pattern, key))?.[1];
  if (entry) return { keyword: entry[0], name: entry[2] ?? keywordToWords(entry[0]), vr: entry[1], known: true };
  const group = parseInt(key.slice(0, 4), 16);
  const element = parseInt(key.slice(4), 16);
  if (element === 0) return { name: 'Group Length', vr: 'UL', known: true };
  if (group % 2 === 1) {
    if (element >= 0x10 && element <= 0xff) return { name: 'Private Creator', vr: 'LO', known: true };
    return { name: 'Private element (meaning set by its creator)', vr: '', known: false };
  }
  return { name: 'Not in the data dictionary', vr: '', known: false };
}

function matchesPattern(pattern: string, key: string): boolean {
  for (let index = 0; index < 8; index++) {
    if (pattern[index] !== 'x' && pattern[index] !== key[index]) return false;
  }
  return true;
}

/** The SOP class name for a UID, if the dictionary knows it. */
export function sopClassName(dictionary: DicomDictionary, uid: string): string | undefined {
  return dictionary.sopClasses[uid.replace(/[\0 ]+$/, '')];
}

/** Whether a fetched value has the dictionary's shape (the file could be stale or damaged). */
export function isDictionary(value: unknown): value is DicomDictionary {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<DicomDictionary>;
  return (
    typeof candidate.tags === 'object' && candidate.tags !== null && Array.isArray(candidate.repeating) && typeof candidate.sopClasses === 'object' && candidate.sopClasses !== null
  );
}
