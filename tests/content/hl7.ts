// Checks HL7 v2 examples: the hl7v2 parser (which honours the separators that MSH declares)
// must read the message without error in strict mode, and the header must carry what every
// receiver needs: MSH-1 and MSH-2, MSH-9 (type^event), MSH-10 and MSH-12.
import { dictionaries, HL7Message, type HL7DataTypeDefinition, type HL7Dictionary } from 'hl7v2';

/** An HL7 v2 date/time (DTM, and TS component 1): YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]. */
const HL7_DATE_TIME =
  /^\d{4}(?:(?:0[1-9]|1[0-2])(?:(?:0[1-9]|[12]\d|3[01])(?:(?:[01]\d|2[0-3])(?:[0-5]\d(?:[0-5]\d(?:\.\d{1,4})?)?)?)?)?)?(?:[+-](?:[01]\d|2[0-3])[0-5]\d)?$/;

/** Checks a date/time value and keeps it as written; throws (and so fails a strict parse) if it is malformed. */
export function checkHl7DateTime(value: unknown): unknown {
  if (typeof value === 'string' && !HL7_DATE_TIME.test(value)) {
    throw new Error(`Value "${value}" is not an HL7 date/time (YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ])`);
  }
  return value;
}

/**
 * hl7v2 1.8.0's own date/time decoder drops the minus sign of a negative time-zone offset and
 * then rejects the value it made ("20261128161500-0500" becomes "202611281615000500"), so
 * strict parsing fails on valid times west of UTC. These copies of its dictionaries check
 * DTM and TS.1 with the grammar above instead; every other type keeps the library's checks.
 */
const checkedDictionaries: Record<string, HL7Dictionary> = Object.fromEntries(
  Object.entries(dictionaries).map(([version, original]) => {
    const copy = original.extend({});
    const dtm = copy.types['DTM'];
    if (dtm) copy.types['DTM'] = { ...dtm, decode: checkHl7DateTime };
    const ts: HL7DataTypeDefinition | undefined = copy.types['TS'];
    const first = ts?.fields?.['1'];
    if (ts && first) copy.types['TS'] = { ...ts, fields: { ...ts.fields, '1': { ...first, decode: checkHl7DateTime } } };
    return [version, copy];
  }),
);

/** The messages in one ```hl7 block: a new message starts at every line that begins with MSH. */
export function splitHl7Messages(block: string): string[] {
  const messages: string[][] = [];
  for (const line of block.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    const current = messages[messages.length - 1];
    if (line.startsWith('MSH') || !current) messages.push([line]);
    else current.push(line);
  }
  return messages.map((lines) => lines.join('\n'));
}

const ALNUM = /[A-Za-z0-9]/;

/** MSH-1 is the character after "MSH"; MSH-2 the encoding characters up to the next field separator. */
function separatorProblems(header: string): string[] {
  const fieldSeparator = header.charAt(3);
  if (fieldSeparator === '' || ALNUM.test(fieldSeparator) || /\s/.test(fieldSeparator)) {
    return [`MSH-1 (field separator) is missing: expected a character such as "|" right after "MSH"`];
  }
  const encoding = header.slice(4).split(fieldSeparator)[0] ?? '';
  const characters = [...encoding];
  if (
    characters.length < 4 ||
    characters.length > 5 ||
    new Set(characters).size !== characters.length ||
    characters.some((c) => ALNUM.test(c) || /\s/.test(c) || c === fieldSeparator)
  ) {
    return [`MSH-2 (encoding characters) is "${encoding}": expected four distinct separator characters such as "^~\\&"`];
  }
  return [];
}

/** A field component of the parsed header as a string ('' when absent). */
function headerValue(message: HL7Message, field: number, component = 1): string {
  const value: unknown = message.header.field(field).getValue(component);
  return value === undefined || value === null ? '' : String(value).trim();
}

/**
 * Everything wrong with one HL7 v2 message (segments separated by line breaks), or [] if it is
 * well formed. Each problem is a short sentence naming the field or line.
 */
export function hl7MessageProblems(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  const header = lines[0] ?? '';
  if (!header.startsWith('MSH')) return [`the first segment is "${header.slice(0, 3)}", not MSH`];
  const problems = separatorProblems(header);
  if (problems.length > 0) return problems;

  const fieldSeparator = header.charAt(3);
  lines.forEach((line, index) => {
    const id = line.split(fieldSeparator)[0] ?? '';
    if (!/^[A-Z0-9]{3}$/.test(id)) {
      problems.push(`line ${index + 1}: segment ID "${id.slice(0, 12)}" is not three upper-case letters or digits`);
    }
  });

  let message: HL7Message;
  try {
    message = HL7Message.parse(lines.join('\r'), { strict: true, dictionaries: checkedDictionaries });
  } catch (error) {
    const where = (error as { line?: number }).line;
    problems.push(`the parser rejected it${where ? ` at line ${where}` : ''}: ${(error as Error).message}`);
    return problems;
  }

  const type = headerValue(message, 9, 1);
  const event = headerValue(message, 9, 2);
  const structure = headerValue(message, 9, 3);
  if (!/^[A-Z0-9]{3}$/.test(type) || !/^[A-Z0-9]{3}$/.test(event)) {
    problems.push(`MSH-9 (message type) is "${type}^${event}": expected type^event such as ORU^R01`);
  } else if (structure !== '' && !/^[A-Z0-9]{3}(_[A-Z0-9]{3})?$/.test(structure)) {
    problems.push(`MSH-9.3 (message structure) is "${structure}": expected a structure ID such as ORU_R01`);
  }
  if (headerValue(message, 10) === '') problems.push('MSH-10 (message control ID) is empty');
  const version = headerValue(message, 12);
  if (version === '') problems.push('MSH-12 (version ID) is empty');
  else if (!/^2\.\d+(\.\d+)?$/.test(version)) problems.push(`MSH-12 (version ID) is "${version}": expected a v2 version such as 2.5.1`);
  return problems;
}
