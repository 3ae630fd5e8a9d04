/**
 * Field, segment and data-type names for one HL7 v2 version, extracted at build time from the
 * hl7-dictionary package (published v2 definitions) into a compact JSON file the explorer fetches.
 */

/** Versions the hl7-dictionary 1.0.1 package defines. */
export const DICTIONARY_VERSIONS = ['2.1', '2.2', '2.3', '2.3.1', '2.4', '2.5', '2.5.1', '2.6', '2.7', '2.7.1'] as const;
export type DictionaryVersion = (typeof DICTIONARY_VERSIONS)[number];
export const DEFAULT_VERSION: DictionaryVersion = '2.5.1';

/** [name, data type, required (1) or not (0), repeats (0 = unlimited, 1 = no, n = up to n), HL7 table number or 0]. */
export type FieldDef = [name: string, type: string, required: 0 | 1, repeat: number, table: number];
/** [name, data type, HL7 table number or 0]. */
export type ComponentDef = [name: string, type: string, table: number];

export interface Hl7Dictionary {
  version: DictionaryVersion;
  /** Segment ID → [segment name, its fields in order: index 0 is field 1]. */
  segments: Record<string, [name: string, fields: FieldDef[]]>;
  /** Data type → [name, its components in order: index 0 is component 1; [] for primitive types]. */
  types: Record<string, [name: string, components: ComponentDef[]]>;
  /** Message structure (e.g. ADT_A01) → its description. */
  structures: Record<string, string>;
}

/** The shape of one version in the hl7-dictionary package (fields 0-indexed). */
export interface SourceDefinition {
  segments: Record<string, { desc: string; fields: SourceField[] }>;
  fields: Record<string, { desc: string; subfields: SourceField[] }>;
  messages: Record<string, { desc: string }>;
}
interface SourceField {
  datatype: string;
  desc: string;
  opt: number;
  rep: number;
  table?: number;
}

/** Builds the compact dictionary from the package's definition of one version. */
export function compactDictionary(version: DictionaryVersion, source: SourceDefinition): Hl7Dictionary {
  const segments: Hl7Dictionary['segments'] = {};
  for (const [id, segment] of Object.entries(source.segments)) {
    segments[id] = [segment.desc, segment.fields.map((field): FieldDef => [field.desc, field.datatype, field.opt === 2 ? 1 : 0, field.rep, field.table ?? 0])];
  }
  const types: Hl7Dictionary['types'] = {};
  for (const [id, type] of Object.entries(source.fields)) {
    types[id] = [type.desc, type.subfields.map((field): ComponentDef => [field.desc, field.datatype, field.table ?? 0])];
  }
  const structures: Hl7Dictionary['structures'] = {};
  for (const [id, message] of Object.entries(source.messages)) structures[id] = message.desc;
  return { version, segments, types, structures };
}

/** Which dictionary to use for a message's MSH-12, and why when it is not that version. */
export function chooseVersion(declared: string): { version: DictionaryVersion; note: string } {
  const trimmed = declared.trim();
  const match = DICTIONARY_VERSIONS.find((version) => version === trimmed);
  if (match) return { version: match, note: '' };
  if (trimmed === '') return { version: DEFAULT_VERSION, note: `MSH-12 gives no version, so names and data types are those of v${DEFAULT_VERSION}.` };
  return {
    version: DEFAULT_VERSION,
    note: `The dictionary has no v${trimmed} (MSH-12), so names and data types are those of v${DEFAULT_VERSION}; a few may differ in v${trimmed}.`,
  };
}

/** Site-defined segments: HL7 reserves segment IDs beginning with Z for local use. */
export function isZSegment(id: string): boolean {
  return /^Z[A-Z0-9]{2}$/.test(id);
}

export interface FieldInfo {
  name: string;
  /** Data type code such as XPN, or '' when unknown. */
  type: string;
  typeName: string;
  required: boolean | undefined;
  /** 0 unlimited, 1 does not repeat, n up to n times; undefined when unknown. */
  repeat: number | undefined;
  table: number;
  /** Where the description comes from. */
  source: 'standard' | 'site-defined' | 'beyond-definition' | 'unknown-segment' | 'separator';
}

/** Name and data type of a field (position 1-based), falling back to plain descriptions. */
export function fieldInfo(dictionary: Hl7Dictionary | undefined, segmentId: string, position: number): FieldInfo {
  const unknown = (name: string, source: FieldInfo['source']): FieldInfo => ({ name, type: '', typeName: '', required: undefined, repeat: undefined, table: 0, source });
  if (isZSegment(segmentId)) return unknown('Site-defined field', 'site-defined');
  const segment = dictionary?.segments[segmentId];
  if (!dictionary || !segment) return unknown(dictionary ? 'Field of a segment not in the dictionary' : 'Field', 'unknown-segment');
  const field = segment[1][position - 1];
  if (!field) return unknown(`Not in the v${dictionary.version} definition of ${segmentId}`, 'beyond-definition');
  const [name, type, required, repeat, table] = field;
  return {
    name,
    type,
    typeName: dictionary.types[type]?.[0] ?? '',
    required: required === 1,
    repeat,
    table,
    source: segmentId === 'MSH' && position <= 2 ? 'separator' : 'standard',
  };
}

/** The components of a data type, [] when it is primitive or unknown. */
export function componentsOf(dictionary: Hl7Dictionary | undefined, type: string): ComponentDef[] {
  return dictionary?.types[type]?.[1] ?? [];
}

/** Segment name, e.g. PID → Patient Identification. */
export function segmentName(dictionary: Hl7Dictionary | undefined, id: string): string {
  if (isZSegment(id)) return 'Site-defined segment';
  return dictionary?.segments[id]?.[0] ?? '';
}

/** "may repeat", "does not repeat", "up to 3 times". */
export function describeRepeat(repeat: number | undefined): string {
  if (repeat === undefined) return 'not known';
  if (repeat === 0) return 'may repeat';
  if (repeat === 1) return 'does not repeat';
  return `up to ${repeat} times`;
}
