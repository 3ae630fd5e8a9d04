import { unescapeValue } from './escape';
import type { Hl7Error, Hl7Warning, LineEnding, ParsedMessage, ParseResult, Segment, Separators } from './types';

/** MLLP framing (HL7 MLLP Release 2): start block VT (0x0B), end block FS (0x1C) then CR (0x0D). */
const MLLP_START = '\x0B';
const MLLP_END = '\x1C';

const SEGMENT_ID = /^[A-Z][A-Z0-9]{2}$/;

/** Characters that cannot be separators: letters, digits, white space and control characters. */
const NOT_A_SEPARATOR = /[A-Za-z0-9\s\x00-\x1F\x7F]/;

/**
 * Reads an HL7 v2 message in the traditional pipe-and-hat encoding (ER7), using the separators
 * the message declares in MSH-1 and MSH-2. It is forgiving where real interfaces are (LF or CRLF
 * for CR, MLLP bytes, blank lines, text before MSH, trailing separators, empty fields) and says
 * what it worked around; it fails only when the text cannot be read as v2 at all.
 */
export function parseMessage(input: string): ParseResult {
  if (input.trim() === '') return { ok: 'empty' };
  const warnings: Hl7Warning[] = [];
  const { text, mllp } = removeFraming(input, warnings);

  const rawLines = text.split(/\r\n|\r|\n/);
  const lineEnding = detectLineEnding(text);
  const lines = rawLines.filter((line) => line.trim() !== '');
  const headerIndex = lines.findIndex((line) => line.startsWith('MSH'));
  if (headerIndex === -1) return fail('no-msh', notHl7Message(text));
  if (headerIndex > 0) {
    warnings.push({
      code: 'lines-before-msh',
      message: `${plural(headerIndex, 'line')} before the MSH segment ${headerIndex === 1 ? 'was' : 'were'} left out (for example batch headers FHS or BHS, or copied text): a message starts with MSH.`,
      line: 1,
    });
  }
  const messageLines = lines.slice(headerIndex);
  const header = messageLines[0]!;
  const separators = readSeparators(header);
  if ('code' in separators) return { ok: false, error: separators };

  const segments: Segment[] = [];
  for (let index = 0; index < messageLines.length; index++) {
    const line = messageLines[index]!;
    const lineNumber = index + 1;
    if (index > 0 && line.startsWith('MSH')) {
      warnings.push({
        code: 'second-message',
        message: `Line ${lineNumber} starts a second message (another MSH). Only the first message is shown; paste one message at a time.`,
        line: lineNumber,
      });
      break;
    }
    segments.push(index === 0 ? headerSegment(line, separators) : bodySegment(line, lineNumber, separators, warnings));
  }

  const msh = segments[0]!;
  if (msh.fields.length < 9) {
    return fail(
      'truncated-header',
      `The MSH segment stops after MSH-${msh.fields.length}, so the message looks cut off: a header carries at least MSH-9 (message type), MSH-10 (message control ID) and MSH-12 (version ID).`,
      1,
    );
  }
  if (/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(text)) {
    warnings.push({
      code: 'control-characters',
      message: 'The message contains control characters (other than segment endings); a value with binary data should be escaped or Base64-encoded.',
    });
  }
  const component = (raw: string | undefined, position: number) =>
    unescapeValue((raw ?? '').split(separators.repetition)[0]!.split(separators.component)[position - 1] ?? '', separators).text;
  const messageType = { code: component(msh.fields[8], 1), event: component(msh.fields[8], 2), structure: component(msh.fields[8], 3) };
  const controlId = component(msh.fields[9], 1);
  const version = component(msh.fields[11], 1);
  if (messageType.code === '') {
    warnings.push({ code: 'msh9-missing', message: 'MSH-9 (message type) is empty: a receiver cannot tell what kind of message this is.', line: 1 });
  } else if (messageType.code !== 'ACK' && messageType.event === '') {
    warnings.push({
      code: 'msh9-form',
      message: `MSH-9 (message type) is "${messageType.code}" without a trigger event: expected the form type${separators.component}event${separators.component}structure, such as ADT${separators.component}A01${separators.component}ADT_A01.`,
      line: 1,
    });
  }
  if (controlId === '') {
    warnings.push({ code: 'msh10-missing', message: 'MSH-10 (message control ID) is empty: the acknowledgment cannot refer to this message and duplicates cannot be detected.', line: 1 });
  }
  if (version === '') {
    warnings.push({ code: 'msh12-missing', message: 'MSH-12 (version ID) is empty: field names below follow v2.5.1.', line: 1 });
  }
  const message: ParsedMessage = { separators, segments, warnings, lineEnding, mllp, messageType, controlId, version, length: text.length };
  return { ok: true, message };
}

function fail(code: Hl7Error['code'], message: string, line?: number): ParseResult {
  return { ok: false, error: line === undefined ? { code, message } : { code, message, line } };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Removes MLLP start and end bytes, keeping only the first frame. */
function removeFraming(input: string, warnings: Hl7Warning[]): { text: string; mllp: boolean } {
  let text = input;
  let mllp = false;
  const start = text.indexOf(MLLP_START);
  if (start !== -1 && text.slice(0, start).trim() === '') {
    text = text.slice(start + 1);
    mllp = true;
  }
  const end = text.indexOf(MLLP_END);
  if (end !== -1) {
    const after = text.slice(end + 1).replace(/^\r/, '');
    text = text.slice(0, end);
    mllp = true;
    if (after.trim() !== '') {
      warnings.push({ code: 'mllp-trailing', message: 'There is more after the MLLP end block (0x1C 0x0D), such as a second frame; only the first message is shown.' });
    }
  } else if (mllp) {
    warnings.push({ code: 'mllp-unterminated', message: 'The MLLP start byte (0x0B) is there but the end block (0x1C 0x0D) is not: the message may have been cut off in transit.' });
  }
  return { text, mllp };
}

function detectLineEnding(text: string): LineEnding {
  const body = text.replace(/[\r\n]+$/, '');
  const crlf = (body.match(/\r\n/g) ?? []).length;
  const cr = (body.match(/\r(?!\n)/g) ?? []).length;
  const lf = (body.match(/(?<!\r)\n/g) ?? []).length;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'CRLF' : cr > 0 ? 'CR' : 'LF';
}

/** A helpful message for text with no MSH segment, guessing what it is when that is easy. */
function notHl7Message(text: string): string {
  const start = text.trimStart();
  const base = 'This is not an HL7 v2 message: no line starts with MSH, the message header segment every v2 message begins with.';
  if (start.startsWith('{') || start.startsWith('[')) return `${base} It looks like JSON, perhaps a FHIR resource; this explorer reads v2 pipe-delimited text only.`;
  if (start.startsWith('<')) return `${base} It looks like XML (FHIR XML, CDA or the v2 XML encoding); this explorer reads v2 pipe-delimited text only.`;
  if (/^[A-Z][A-Z0-9]{2}[|^~\\&#]/.test(start)) return `${base} It starts with a ${start.slice(0, 3)} segment: the MSH header may be missing from the copy.`;
  return base;
}

/** Reads MSH-1 and MSH-2 from the header line. */
export function readSeparators(header: string): Separators | Hl7Error {
  const field = header.charAt(3);
  if (field === '' ) {
    return { code: 'truncated-header', message: 'The message stops right after "MSH": the header and everything after it are missing.', line: 1 };
  }
  if (NOT_A_SEPARATOR.test(field)) {
    return {
      code: 'field-separator',
      message: `MSH-1, the field separator, is the character right after "MSH", and here it is "${printable(field)}". It must be a punctuation character, usually "|".`,
      line: 1,
    };
  }
  const end = header.indexOf(field, 4);
  const encoding = end === -1 ? header.slice(4) : header.slice(4, end);
  const characters = [...encoding];
  const problem =
    characters.length < 4
      ? `has ${characters.length === 0 ? 'no characters' : `only ${plural(characters.length, 'character')}`}`
      : characters.length > 5
        ? `has ${characters.length} characters`
        : characters.some((c) => NOT_A_SEPARATOR.test(c))
          ? 'contains a letter, digit, space or control character'
          : characters.includes(field)
            ? 'repeats the field separator'
            : new Set(characters).size !== characters.length
              ? 'uses the same character twice'
              : '';
  if (problem !== '') {
    return {
      code: 'encoding-characters',
      message: `MSH-2, the encoding characters, is "${printable(encoding)}" and ${problem}. It must be four different punctuation characters (component, repetition, escape, subcomponent), usually "^~\\&", plus a fifth, truncation, from v2.7.`,
      line: 1,
    };
  }
  return {
    field,
    component: characters[0]!,
    repetition: characters[1]!,
    escape: characters[2]!,
    subcomponent: characters[3]!,
    truncation: characters[4] ?? '',
  };
}

/** Control characters as \xNN; with `showSpaces`, a space as ␠ (for single separator characters). */
function printable(text: string, showSpaces = true): string {
  const visible = text.replace(/[\x00-\x1F\x7F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return showSpaces ? visible.replace(/ /g, '␠') : visible;
}

/** MSH: the separator after "MSH" is MSH-1 itself, and MSH-2 runs up to the next separator. */
function headerSegment(line: string, separators: Separators): Segment {
  const afterEncoding = line.indexOf(separators.field, 4);
  const encoding = afterEncoding === -1 ? line.slice(4) : line.slice(4, afterEncoding);
  const rest = afterEncoding === -1 ? [] : line.slice(afterEncoding + 1).split(separators.field);
  return { id: 'MSH', line: 1, fields: [separators.field, encoding, ...rest], validId: true };
}

function bodySegment(line: string, lineNumber: number, separators: Separators, warnings: Hl7Warning[]): Segment {
  const [id = '', ...fields] = line.split(separators.field);
  const validId = SEGMENT_ID.test(id);
  if (!validId) {
    warnings.push({
      code: 'bad-segment-id',
      message: `Line ${lineNumber} starts "${printable(id.slice(0, 12), false)}", which is not a segment ID (three capital letters or digits followed by "${separators.field}"). It may be a wrapped line or a stray note.`,
      line: lineNumber,
    });
  }
  return { id: validId ? id : id.slice(0, 12), line: lineNumber, fields, validId };
}
