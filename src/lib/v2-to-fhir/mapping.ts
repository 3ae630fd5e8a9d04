/**
 * The v2-to-FHIR example as data: the FHIR resources built from the guide's ORU^R01 message
 * and the mapping rows that pair a v2 position with a FHIR path. Every row names how the v2
 * value becomes the FHIR value (its transform), so a test can check that the resources really
 * hold what the message says, row by row.
 */
import { valueAt, type Json, type Resource } from './fhir-json';
import { locate, parsePosition, separatorsOf, unescapeText } from './locate';

/** How a v2 value becomes the FHIR value. */
export type Transform =
  | 'text'
  | 'number'
  | 'date'
  | 'dateTime'
  | 'codingSystem'
  | 'valueType'
  | `vocabulary:${VocabularyName}`
  | `reference:${string}`;

export interface MappingRow {
  /** Position in the message: "PID-5.1", or a segment ID for a whole segment. */
  v2: string;
  /** The field's name in HL7 v2 (and the component's, where one is meant). */
  name: string;
  /** Path in the resources: "Patient.name[0].family". */
  fhir: string;
  transform: Transform;
  /** Key of the IG map this row follows (see `maps`). */
  map: string;
  /** Our own words: conditions, extensions and local decisions. */
  note: string;
}

export interface MapSource {
  title: string;
  url: string;
}

export interface CodingSystem {
  uri: string;
  /** True when no standard URI exists and this one is a local decision. */
  decidedLocally: boolean;
}

export interface MappingExample {
  title: string;
  guidePage: string;
  messageType: string;
  maps: Record<string, MapSource>;
  codingSystems: Record<string, CodingSystem>;
  resources: Resource[];
  mappings: MappingRow[];
}

/**
 * Excerpts of the IG's vocabulary maps, holding the codes this example can meet. Each
 * comes from the ConceptMap of the same v2 table in the HL7 v2-to-FHIR IG.
 */
export const VOCABULARIES = {
  /** v2 table 0001 to FHIR administrative-gender. */
  administrativeSex: { F: 'female', M: 'male', O: 'other', U: 'unknown', A: 'other', N: 'other' },
  /** v2 table 0200 to FHIR name-use (codes with a mapping). */
  nameType: { L: 'official', R: 'official', D: 'usual', M: 'maiden', N: 'nickname', TEMP: 'temp', MSK: 'anonymous', BAD: 'old' },
  /** v2 table 0123 to FHIR diagnostic-report-status (codes with a mapping). */
  resultStatus: { O: 'registered', I: 'registered', S: 'registered', P: 'preliminary', C: 'corrected', R: 'partial', F: 'final', X: 'cancelled' },
  /** v2 table 0085 to FHIR observation-status (codes with a mapping). */
  observationResultStatus: { A: 'amended', C: 'corrected', D: 'entered-in-error', F: 'final', P: 'preliminary', W: 'entered-in-error', X: 'cancelled' },
  /** v2 table 0078 to the HL7 v3 ObservationInterpretation codes (common ones). */
  interpretation: { N: 'N', A: 'A', AA: 'AA', H: 'H', HH: 'HH', L: 'L', LL: 'LL', POS: 'POS', NEG: 'NEG' },
  /** v2 table 0074: the code is kept, in the v2-0074 code system (common sections). */
  diagnosticServiceSection: { CH: 'CH', HM: 'HM', MB: 'MB', LAB: 'LAB', RAD: 'RAD', SR: 'SR' },
  /** OBX-2 value type to the Observation.value[x] element it selects (common types). */
  valueType: {
    NM: 'valueQuantity',
    ST: 'valueString',
    TX: 'valueString',
    FT: 'valueString',
    CWE: 'valueCodeableConcept',
    CE: 'valueCodeableConcept',
    DR: 'valuePeriod',
    DTM: 'valueDateTime',
    NR: 'valueRange',
    TM: 'valueTime',
  },
} as const satisfies Record<string, Record<string, string>>;

export type VocabularyName = keyof typeof VOCABULARIES;

export class MappingError extends Error {
  override name = 'MappingError';
}

/** Looks a code up in one of the vocabulary excerpts; throws for a code the map does not cover. */
export function translate(vocabulary: VocabularyName, code: string): string {
  const table: Record<string, string> = VOCABULARIES[vocabulary];
  const target = table[code];
  if (target === undefined) throw new MappingError(`${vocabulary} has no mapping for the code "${code}"`);
  return target;
}

const DTM = /^(\d{4})(\d{2})?(\d{2})?(?:(\d{2})(\d{2})?(\d{2})?(\.\d{1,4})?)?([+-]\d{4})?$/;

/** An HL7 v2 date (YYYY[MM[DD]]) as a FHIR date; throws on a value that carries a time or is malformed. */
export function v2DateToFhir(value: string): string {
  const match = DTM.exec(value);
  if (!match || match[4] !== undefined || match[8] !== undefined) throw new MappingError(`"${value}" is not an HL7 v2 date (YYYY[MM[DD]])`);
  const [, year, month, day] = match;
  return [year, month, day].filter((part) => part !== undefined).join('-');
}

/**
 * An HL7 v2 DTM as a FHIR dateTime. A value with hours must carry its UTC offset, because FHIR
 * requires a time zone whenever a time is given; inventing one is a local decision, not a mapping.
 */
export function v2DateTimeToFhir(value: string): string {
  const match = DTM.exec(value);
  if (!match) throw new MappingError(`"${value}" is not an HL7 v2 date/time (YYYYMMDDHHMMSS+ZZZZ)`);
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  if (hour === undefined) return v2DateToFhir(value);
  if (offset === undefined) throw new MappingError(`"${value}" has a time but no UTC offset, so it cannot become a FHIR dateTime without a local decision`);
  if (month === undefined || day === undefined || minute === undefined) throw new MappingError(`"${value}" has an hour but no full date and minutes`);
  const time = `${hour}:${minute}:${second ?? '00'}${fraction ?? ''}`;
  return `${year}-${month}-${day}T${time}${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/** What the FHIR value at the row's path must be, computed from the message. */
export function expectedFhirValue(example: MappingExample, message: string, row: MappingRow): Json {
  const raw = locate(message, row.v2);
  const separators = separatorsOf(message);
  const { transform } = row;
  if (transform === 'text') return unescapeText(raw, separators);
  if (transform === 'number') {
    const number = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(number)) throw new MappingError(`${row.v2} is "${raw}", not a number`);
    return number;
  }
  if (transform === 'date') return v2DateToFhir(raw);
  if (transform === 'dateTime') return v2DateTimeToFhir(raw);
  if (transform === 'codingSystem') {
    const system = example.codingSystems[raw];
    if (!system) throw new MappingError(`no URI is recorded for the coding system "${raw}" (${row.v2})`);
    return system.uri;
  }
  if (transform === 'valueType') return translate('valueType', raw);
  if (transform.startsWith('vocabulary:')) return translate(transform.slice('vocabulary:'.length) as VocabularyName, raw);
  const resourceType = transform.slice('reference:'.length);
  const target = example.resources.find((resource) => resource.resourceType === resourceType);
  if (!target || typeof target['id'] !== 'string') throw new MappingError(`there is no ${resourceType} resource with an id to refer to`);
  return `${resourceType}/${target['id']}`;
}

/** The outcome of checking one row against the message and the resources. */
export interface RowCheck {
  row: MappingRow;
  v2Value: string;
  expected: Json | undefined;
  actual: Json | undefined;
  ok: boolean;
  problem?: string;
}

/** Checks that the resources hold, at the row's path, what the message says at the row's position. */
export function checkRow(example: MappingExample, message: string, row: MappingRow): RowCheck {
  let v2Value = '';
  try {
    v2Value = locate(message, row.v2);
    const expected = expectedFhirValue(example, message, row);
    const value = valueAt(example.resources, row.fhir);
    // For valueType the path names the element chosen; it must exist and end with the expected name.
    const actual = row.transform === 'valueType' ? (value === undefined ? undefined : (row.fhir.split('.').pop() ?? '')) : value;
    const ok = actual !== undefined && JSON.stringify(actual) === JSON.stringify(expected);
    return ok
      ? { row, v2Value, expected, actual, ok }
      : { row, v2Value, expected, actual, ok, problem: `${row.v2} "${v2Value}" should give ${JSON.stringify(expected)} at ${row.fhir}, which holds ${actual === undefined ? 'nothing' : JSON.stringify(actual)}` };
  } catch (error) {
    return { row, v2Value, expected: undefined, actual: undefined, ok: false, problem: (error as Error).message };
  }
}

const TRANSFORM = /^(text|number|date|dateTime|codingSystem|valueType|vocabulary:[A-Za-z]+|reference:[A-Z][A-Za-z]+)$/;

/**
 * Checks the example's shape and consistency, returning one sentence per problem ([] when
 * sound): unknown transforms or maps, malformed positions, duplicate positions or paths.
 */
export function exampleProblems(example: MappingExample): string[] {
  const problems: string[] = [];
  if (example.resources.length === 0) problems.push('the example has no resources');
  if (example.mappings.length === 0) problems.push('the example has no mapping rows');
  const seenV2 = new Set<string>();
  const seenFhir = new Set<string>();
  for (const row of example.mappings) {
    const label = `row ${row.v2 || '(no position)'}`;
    try {
      parsePosition(row.v2);
    } catch (error) {
      problems.push(`${label}: ${(error as Error).message}`);
    }
    if (!TRANSFORM.test(row.transform)) problems.push(`${label}: unknown transform "${row.transform}"`);
    else if (row.transform.startsWith('vocabulary:') && !(row.transform.slice(11) in VOCABULARIES)) {
      problems.push(`${label}: unknown vocabulary "${row.transform.slice(11)}"`);
    }
    if (!(row.map in example.maps)) problems.push(`${label}: unknown map "${row.map}"`);
    if (row.name.trim() === '' || row.note.trim() === '') problems.push(`${label}: needs a name and a note`);
    if (seenV2.has(row.v2)) problems.push(`${label}: the position appears twice`);
    if (seenFhir.has(row.fhir)) problems.push(`${label}: the FHIR path ${row.fhir} appears twice`);
    seenV2.add(row.v2);
    seenFhir.add(row.fhir);
  }
  return problems;
}

/** The sentence a screen reader hears for a pairing, e.g. "PID-5.1 Family name → Patient.name[0].family". */
export function pairingLabel(row: MappingRow): string {
  return `${row.v2} ${row.name} → ${row.fhir}`;
}

/** The live-region text for the current selection. */
export function pairingStatus(row: MappingRow | undefined, v2Value: string, fhirValue: Json | undefined): string {
  if (!row) return 'Nothing selected. Choose a marked v2 value or FHIR element to see its partner.';
  const becomes = fhirValue === undefined || typeof fhirValue === 'object' ? 'selects this element' : `becomes ${JSON.stringify(fhirValue)}`;
  return `${pairingLabel(row)}. The v2 value "${v2Value}" ${becomes}.`;
}
