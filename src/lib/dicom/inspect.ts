/**
 * Reads a DICOM file's bytes into a plain model the inspector renders: the preamble and
 * "DICM" prefix, the transfer syntax, the SOP class, and every data element with its tag,
 * VR, name and a display value, nested through sequences. Parsing is dicom-parser's; this
 * module decides what the bytes are, explains what went wrong in plain words, and keeps
 * values small (long text is cut, binary and pixel data are summarised by length).
 *
 * Pure TypeScript: no DOM. The page passes the dictionary it fetched.
 */
import * as dicomParserModule from 'dicom-parser';
import type { DataSet, Element } from 'dicom-parser';
import { formatNumber } from '../number-format';
import { deidentificationRule, type ActionCode, type DeidentificationRule } from './deidentification';
import { lookupTag, sopClassName, type DicomDictionary } from './dictionary';
import { describeUnknownTransferSyntax, transferSyntax } from './transfer-syntaxes';

// dicom-parser is a UMD bundle: Node's ESM loader sees only its default export, Vite sees both.
const dicomParser = (dicomParserModule as unknown as { default?: typeof dicomParserModule }).default ?? dicomParserModule;
const { parseDicom, readPart10Header } = dicomParser;

const IMPLICIT_LE = '1.2.840.10008.1.2';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const DEFLATED = '1.2.840.10008.1.2.1.99';
const PIXEL_DATA = '7FE00010';
/** Text values longer than this are cut, so one huge element cannot stall the page. */
export const MAX_TEXT_CHARACTERS = 10_000;
/** Numeric values beyond this count are summarised. */
const MAX_NUMBERS = 64;

const STRING_VRS = new Set(['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM', 'UC', 'UI', 'UR', 'UT']);
/** VRs whose text follows Specific Character Set (0008,0005); the others are always ASCII. */
const CHARSET_VRS = new Set(['LO', 'LT', 'PN', 'SH', 'ST', 'UC', 'UT']);
const NUMBER_READERS: Record<string, { size: number; read: (view: DataView, offset: number, little: boolean) => number | bigint }> = {
  US: { size: 2, read: (view, offset, little) => view.getUint16(offset, little) },
  SS: { size: 2, read: (view, offset, little) => view.getInt16(offset, little) },
  UL: { size: 4, read: (view, offset, little) => view.getUint32(offset, little) },
  SL: { size: 4, read: (view, offset, little) => view.getInt32(offset, little) },
  FL: { size: 4, read: (view, offset, little) => view.getFloat32(offset, little) },
  FD: { size: 8, read: (view, offset, little) => view.getFloat64(offset, little) },
  UV: { size: 8, read: (view, offset, little) => view.getBigUint64(offset, little) },
  SV: { size: 8, read: (view, offset, little) => view.getBigInt64(offset, little) },
};

export type ValueView =
  | { kind: 'empty' }
  | { kind: 'text'; text: string; /** the value was longer than MAX_TEXT_CHARACTERS */ cut: boolean }
  | { kind: 'binary'; summary: string }
  | { kind: 'pixels'; summary: string }
  | { kind: 'sequence'; summary: string };

export interface ElementView {
  /** ggggeeee, upper case. */
  tag: string;
  /** (gggg,eeee) as the standard writes it. */
  display: string;
  vr: string;
  /** Where the VR came from: written in the file, or looked up because the file is implicit VR. */
  vrSource: 'file' | 'dictionary' | 'unknown';
  name: string;
  keyword?: string;
  /** Value length in bytes. */
  length: number;
  value: ValueView;
  /** Sequence items, each a list of elements. */
  items?: ElementView[][];
  private: boolean;
  /** The Basic Application Level Confidentiality Profile's rule, if it lists this element. */
  deidentify?: DeidentificationRule;
  /** Names of the sequences and items above this element, for the identifying list. */
  path: string[];
}

export interface IdentifyingHit {
  element: ElementView;
  code: ActionCode;
}

export interface Inspection {
  byteLength: number;
  /** What came before the data: a 128-byte preamble and "DICM", or not. */
  start: {
    form: 'part10' | 'prefix-only' | 'meta-only' | 'raw';
    /** The first bytes of the preamble in hex, when there is one. */
    preambleHex?: string;
    preambleAllZero?: boolean;
  };
  transferSyntax: {
    uid: string;
    name?: string;
    note?: string;
    /** Not written in the file: guessed from the first element. */
    guessed: boolean;
    explicitVR: boolean;
    littleEndian: boolean;
    encapsulated: boolean;
    retired: boolean;
  };
  sopClass: { uid?: string; name?: string };
  elements: ElementView[];
  identifying: IdentifyingHit[];
  counts: { elements: number; private: number; sequences: number };
  pixelData?: { summary: string; bytes: number };
  warnings: string[];
}

export type InspectError =
  | { kind: 'empty'; message: string }
  | { kind: 'not-dicom'; message: string }
  | { kind: 'truncated'; message: string; partial?: Inspection }
  | { kind: 'unreadable'; message: string }
  | { kind: 'needs-inflate'; message: string; offset: number };

export type InspectResult = { ok: true; inspection: Inspection } | { ok: false; error: InspectError };

export interface InspectOptions {
  /** For Deflated Explicit VR Little Endian: the inflated data set that follows the File Meta Information. */
  inflated?: Uint8Array;
}

const decoder = (label: string) => {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('windows-1252');
  }
};

/** Specific Character Set terms to TextDecoder labels (PS3.3 C.12.1.1.2, single-byte and UTF-8 only). */
const CHARSETS: Record<string, string> = {
  '': 'windows-1252',
  ISO_IR_6: 'windows-1252',
  'ISO_IR 100': 'iso-8859-1',
  'ISO_IR 101': 'iso-8859-2',
  'ISO_IR 109': 'iso-8859-3',
  'ISO_IR 110': 'iso-8859-4',
  'ISO_IR 144': 'iso-8859-5',
  'ISO_IR 127': 'iso-8859-6',
  'ISO_IR 126': 'iso-8859-7',
  'ISO_IR 138': 'iso-8859-8',
  'ISO_IR 148': 'iso-8859-9',
  'ISO_IR 203': 'iso-8859-15',
  'ISO_IR 13': 'shift_jis',
  'ISO_IR 166': 'windows-874',
  'ISO_IR 192': 'utf-8',
  GB18030: 'gb18030',
  GBK: 'gbk',
};

/** What a file that is not DICOM most likely is, from its first bytes. */
export function sniffOtherFormat(bytes: Uint8Array): string | undefined {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'a PNG image';
  if (starts(0xff, 0xd8, 0xff)) return 'a JPEG image';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'a GIF image';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF document';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a ZIP archive (a DICOM study is often shipped zipped: unzip it and open one file)';
  if (starts(0x1f, 0x8b)) return 'a gzip-compressed file';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'a TIFF image';
  const head = bytes.subarray(0, 512);
  if (head.length > 0 && head.every((byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte !== 0x7f))) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.length < 512 ? head : head.subarray(0, 500));
      return 'a text file';
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
const isVR = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && a >= 0x41 && a <= 0x5a && b >= 0x41 && b <= 0x5a;

/** Whether the bytes at `at` look like the start of a little-endian data element. */
function looksLikeElement(bytes: Uint8Array, at: number): 'explicit' | 'implicit' | undefined {
  if (bytes.length < at + 8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 8);
  const group = view.getUint16(0, true);
  const element = view.getUint16(2, true);
  if (group === 0 || group > 0x7fe0 || group % 2 === 1 || element > 0x9fff) return undefined;
  if (isVR(bytes[at + 4], bytes[at + 5])) return 'explicit';
  const length = view.getUint32(4, true);
  return length <= bytes.length - at - 8 || length === 0xffffffff ? 'implicit' : undefined;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

function formatBytes(count: number): string {
  if (count < 1024) return `${formatNumber(count)} byte${count === 1 ? '' : 's'}`;
  if (count < 1024 * 1024) return `${formatNumber(count / 1024, 1)} KB (${formatNumber(count)} bytes)`;
  return `${formatNumber(count / 1024 / 1024, 1)} MB (${formatNumber(count)} bytes)`;
}

export { formatBytes };

/** "x00100010" → "00100010". */
const bareTag = (tag: string) => tag.slice(1).toUpperCase();
const displayTag = (tag: string) => `(${tag.slice(0, 4)},${tag.slice(4)})`;

interface Context {
  dictionary: DicomDictionary;
  explicit: boolean;
  little: boolean;
  text: TextDecoder;
  counts: Inspection['counts'];
  identifying: IdentifyingHit[];
  pixelData?: Inspection['pixelData'];
  byteLength: number;
}

function readText(data: DataSet, element: Element, vr: string, context: Context): ValueView {
  const length = Math.min(element.length, data.byteArray.length - element.dataOffset);
  const raw = data.byteArray.subarray(element.dataOffset, element.dataOffset + Math.min(length, MAX_TEXT_CHARACTERS * 4));
  const decoded = (CHARSET_VRS.has(vr) ? context.text : decoder('windows-1252')).decode(raw);
  // Values are padded to an even length with a space (or NUL for UI); DICOM drops the padding.
  const text = decoded.replace(/[\0 ]+$/, '');
  if (text === '') return { kind: 'empty' };
  const cut = text.length > MAX_TEXT_CHARACTERS || length > raw.length;
  return { kind: 'text', text: text.slice(0, MAX_TEXT_CHARACTERS), cut };
}

function readNumbers(data: DataSet, element: Element, vr: string, little: boolean): ValueView {
  const reader = NUMBER_READERS[vr]!;
  const available = Math.min(element.length, data.byteArray.length - element.dataOffset);
  const count = Math.floor(available / reader.size);
  if (count === 0) return { kind: 'empty' };
  const view = new DataView(data.byteArray.buffer, data.byteArray.byteOffset + element.dataOffset, count * reader.size);
  const shown = Math.min(count, MAX_NUMBERS);
  const values = Array.from({ length: shown }, (_, index) => String(reader.read(view, index * reader.size, little)));
  const more = count > shown ? ` … (${formatNumber(count)} values)` : '';
  return { kind: 'text', text: values.join('\\') + more, cut: false };
}

function readAttributeTags(data: DataSet, element: Element, little: boolean): ValueView {
  const count = Math.floor(Math.min(element.length, data.byteArray.length - element.dataOffset) / 4);
  if (count === 0) return { kind: 'empty' };
  const view = new DataView(data.byteArray.buffer, data.byteArray.byteOffset + element.dataOffset, count * 4);
  const tags = Array.from({ length: Math.min(count, MAX_NUMBERS) }, (_, index) => {
    const group = view.getUint16(index * 4, little).toString(16).padStart(4, '0');
    const number = view.getUint16(index * 4 + 2, little).toString(16).padStart(4, '0');
    return `(${group},${number})`.toUpperCase();
  });
  return { kind: 'text', text: tags.join('\\'), cut: false };
}

function pixelSummary(element: Element): string {
  if (element.encapsulatedPixelData || element.fragments) {
    const fragments = element.fragments ?? [];
    const total = fragments.reduce((sum, fragment) => sum + fragment.length, 0);
    const table = element.basicOffsetTable?.length ? `, a basic offset table of ${element.basicOffsetTable.length} entries` : '';
    return `Compressed (encapsulated) pixel data: ${fragments.length} fragment${fragments.length === 1 ? '' : 's'}, ${formatBytes(total)}${table}. Not decoded here.`;
  }
  return `Native (uncompressed) pixel data: ${formatBytes(element.length)}. Not displayed.`;
}

/** The VR to read a value with: the file's own, else the dictionary's first choice. */
function effectiveVR(element: Element, dictionaryVR: string): { vr: string; source: ElementView['vrSource'] } {
  if (element.vr) return { vr: element.vr, source: 'file' };
  if (dictionaryVR) return { vr: dictionaryVR, source: 'dictionary' };
  return { vr: '', source: 'unknown' };
}

function readValue(data: DataSet, element: Element, tag: string, vr: string, context: Context, little: boolean): ValueView {
  if (element.items) {
    const count = element.items.length;
    return { kind: 'sequence', summary: count === 0 ? 'Empty sequence' : `${count} item${count === 1 ? '' : 's'}` };
  }
  if (tag === PIXEL_DATA) return { kind: 'pixels', summary: pixelSummary(element) };
  if (element.length === 0) return { kind: 'empty' };
  const first = vr.split(' ')[0] ?? '';
  if (STRING_VRS.has(first)) return readText(data, element, first, context);
  if (first in NUMBER_READERS) return readNumbers(data, element, first, little);
  if (first === 'AT') return readAttributeTags(data, element, little);
  const preview = data.byteArray.subarray(element.dataOffset, element.dataOffset + Math.min(element.length, 16));
  if (first === '' || first === 'UN') {
    // Private and unknown elements are often plain text: show it when every byte is printable.
    const head = data.byteArray.subarray(element.dataOffset, element.dataOffset + Math.min(element.length, 256));
    if (head.length > 0 && head.every((byte) => byte === 0 || (byte >= 0x20 && byte < 0x7f))) {
      const text = ascii(head, 0, head.length).replace(/[\0 ]+$/, '');
      return { kind: 'binary', summary: `Type not known, ${formatBytes(element.length)}; as text: “${text}${element.length > 256 ? '…' : ''}”` };
    }
  }
  const what = first ? `${first} value` : 'Value of unknown type';
  return { kind: 'binary', summary: `${what}, ${formatBytes(element.length)}: ${hex(preview)}${element.length > 16 ? ' …' : ''}` };
}

function sortedTags(data: DataSet): string[] {
  return Object.keys(data.elements).sort();
}

function viewElements(data: DataSet, context: Context, path: string[], metaParser?: boolean): ElementView[] {
  const views: ElementView[] = [];
  for (const key of sortedTags(data)) {
    const element = data.elements[key]!;
    const tag = bareTag(key);
    // Item and sequence delimiters (FFFE,E00D) and (FFFE,E0DD) are structure, not data.
    if (tag.startsWith('FFFE')) continue;
    const info = lookupTag(context.dictionary, tag);
    const isMeta = tag.startsWith('0002');
    const { vr, source } = effectiveVR(element, info.vr);
    const little = isMeta || metaParser ? true : context.little;
    const isPrivate = parseInt(tag.slice(0, 4), 16) % 2 === 1;
    const rule = deidentificationRule(tag);
    const view: ElementView = {
      tag,
      display: displayTag(tag),
      vr: vr || '??',
      vrSource: source,
      name: info.name,
      ...(info.keyword ? { keyword: info.keyword } : {}),
      length: element.length,
      value: readValue(data, element, tag, vr, context, little),
      private: isPrivate,
      ...(rule ? { deidentify: rule } : {}),
      path,
    };
    context.counts.elements += 1;
    if (isPrivate) context.counts.private += 1;
    if (rule) context.identifying.push({ element: view, code: rule.code });
    if (tag === PIXEL_DATA && path.length === 0) {
      context.pixelData = { summary: view.value.kind === 'pixels' ? view.value.summary : '', bytes: element.length };
    }
    if (element.items) {
      context.counts.sequences += 1;
      view.items = element.items.map((item, index) =>
        item.dataSet ? viewElements(item.dataSet, context, [...path, `${info.name} › item ${index + 1}`]) : [],
      );
    }
    views.push(view);
  }
  return views;
}

/** The first element whose value runs past the end of the bytes, searching depth first. */
function overrunning(data: DataSet, end: number): string | undefined {
  for (const key of sortedTags(data)) {
    const element = data.elements[key]!;
    if (element.items) {
      for (const item of element.items) {
        const inner = item.dataSet ? overrunning(item.dataSet, end) : undefined;
        if (inner) return inner;
      }
    }
    if (element.length !== 0xffffffff && element.dataOffset + element.length > end) return bareTag(key);
  }
  return undefined;
}

function stringValue(data: DataSet, tag: string): string | undefined {
  const element = data.elements[`x${tag.toLowerCase()}`];
  if (!element || element.length === 0) return undefined;
  if ('Value' in element && typeof (element as { Value?: unknown }).Value === 'string') return (element as unknown as { Value: string }).Value;
  const end = Math.min(element.dataOffset + element.length, data.byteArray.length);
  return ascii(data.byteArray, element.dataOffset, end - element.dataOffset).replace(/[\0 ]+$/, '');
}

function describeError(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object') {
    const inner = (error as { exception?: unknown }).exception;
    if (inner !== undefined) return describeError(inner);
    if (error instanceof Error) return error.message;
  }
  return String(error);
}

/**
 * Inspects a file's bytes. Never throws: every failure becomes an error with a message a
 * person can act on. `dictionary` may be empty; names then read "Not in the data dictionary".
 */
export function inspectDicom(input: Uint8Array, dictionary: DicomDictionary, options: InspectOptions = {}): InspectResult {
  if (input.length === 0) return { ok: false, error: { kind: 'empty', message: 'The file is empty (0 bytes), so there is nothing to inspect.' } };

  let bytes = input;
  let form: Inspection['start']['form'] = 'part10';
  let rawSyntax: string | undefined;
  const hasPrefixAt = (at: number) => bytes.length >= at + 4 && ascii(bytes, at, 4) === 'DICM';

  if (!hasPrefixAt(128)) {
    if (hasPrefixAt(0)) {
      // "DICM" without the 128-byte preamble: put a blank preamble in front so the reader finds it.
      form = 'prefix-only';
      bytes = withPrefix(input, 128);
    } else if (looksLikeElement(input, 0) === 'explicit' && input[0] === 0x02 && input[1] === 0x00) {
      form = 'meta-only';
      bytes = withPrefix(input, 128, true);
    } else {
      const shape = looksLikeElement(input, 0);
      const other = sniffOtherFormat(input);
      if (other || !shape) {
        const what = other ? `It looks like ${other}.` : 'Its first bytes are not a DICOM data element either.';
        const size = input.length < 132 ? ` It is only ${formatBytes(input.length)} long, shorter than a DICOM file header.` : '';
        return {
          ok: false,
          error: { kind: 'not-dicom', message: `There is no “DICM” marker after a 128-byte preamble. ${what}${size}` },
        };
      }
      form = 'raw';
      rawSyntax = shape === 'explicit' ? EXPLICIT_LE : IMPLICIT_LE;
    }
  }

  if (form !== 'raw' && bytes.length <= 132) {
    return { ok: false, error: { kind: 'truncated', message: 'The file stops right after the “DICM” marker: the File Meta Information and the data set are missing. It was probably cut short while being copied or downloaded.' } };
  }

  // Peek at the File Meta Information first: the transfer syntax decides how to read the rest.
  let declared: string | undefined = rawSyntax;
  let metaEnd = 0;
  if (form !== 'raw') {
    try {
      const meta = readPart10Header(bytes);
      declared = stringValue(meta, '00020010');
      metaEnd = (meta as { position?: number }).position ?? 0;
    } catch (error) {
      const reason = describeError(error);
      if (/beyond|overrun|end of buffer|eof/i.test(reason)) {
        return { ok: false, error: { kind: 'truncated', message: 'The file ends inside its File Meta Information (group 0002), so it was cut short before any image data.' } };
      }
      return { ok: false, error: { kind: 'unreadable', message: `The File Meta Information (group 0002) could not be read: ${reason}.` } };
    }
    if (!declared || metaEnd > bytes.length) {
      if (metaEnd >= bytes.length) {
        return { ok: false, error: { kind: 'truncated', message: 'The file ends inside its File Meta Information (group 0002), so it was cut short before any image data.' } };
      }
      return { ok: false, error: { kind: 'unreadable', message: 'The File Meta Information has no (0002,0010) Transfer Syntax UID, so there is no way to know how the rest of the file is encoded.' } };
    }
  }
  const uid = declared ?? IMPLICIT_LE;
  const known = transferSyntax(uid);
  const shape = known ?? describeUnknownTransferSyntax(uid);

  let parseInput = bytes;
  if (uid === DEFLATED) {
    if (!options.inflated) return { ok: false, error: { kind: 'needs-inflate', message: 'The data set is deflate-compressed.', offset: metaEnd } };
    parseInput = new Uint8Array(metaEnd + options.inflated.length);
    parseInput.set(bytes.subarray(0, metaEnd));
    parseInput.set(options.inflated, metaEnd);
  }

  let data: DataSet | undefined;
  let failure: string | undefined;
  try {
    data = parseDicom(parseInput, {
      ...(rawSyntax ? { TransferSyntaxUID: rawSyntax } : {}),
      ...(uid === DEFLATED ? { inflater: () => parseInput } : {}),
    } as Parameters<typeof parseDicom>[1]);
  } catch (error) {
    failure = describeError(error);
    const partial = (error as { dataSet?: DataSet } | undefined)?.dataSet;
    if (partial && typeof partial === 'object' && partial.elements) data = partial;
  }

  const charset = data ? (stringValue(data, '00080005') ?? '').split('\\').pop()!.trim() : '';
  const context: Context = {
    dictionary,
    explicit: shape.explicitVR,
    little: shape.littleEndian,
    text: decoder(CHARSETS[charset] ?? 'windows-1252'),
    counts: { elements: 0, private: 0, sequences: 0 },
    identifying: [],
    byteLength: input.length,
  };

  const build = (dataSet: DataSet, warnings: string[]): Inspection => {
    const sopUid = stringValue(dataSet, '00080016') ?? stringValue(dataSet, '00020002');
    const sopName = sopUid ? sopClassName(dictionary, sopUid) : undefined;
    const elements = viewElements(dataSet, context, []);
    const preamble = form === 'part10' ? input.subarray(0, 128) : undefined;
    return {
      byteLength: input.length,
      start: {
        form,
        ...(preamble ? { preambleHex: hex(preamble.subarray(0, 16)), preambleAllZero: preamble.every((byte) => byte === 0) } : {}),
      },
      transferSyntax: {
        uid,
        ...(known ? { name: known.name, note: known.note } : {}),
        guessed: form === 'raw',
        explicitVR: shape.explicitVR,
        littleEndian: shape.littleEndian,
        encapsulated: shape.encapsulated,
        retired: known?.retired ?? false,
      },
      sopClass: { ...(sopUid ? { uid: sopUid } : {}), ...(sopName ? { name: sopName } : {}) },
      elements,
      identifying: context.identifying,
      counts: context.counts,
      ...(context.pixelData ? { pixelData: context.pixelData } : {}),
      warnings,
    };
  };

  const end = parseInput.length;
  const cut = data ? overrunning(data, end) : undefined;
  const eofWarnings = (data?.warnings ?? []).filter((warning) => /eof|end of|beyond/i.test(warning));
  if (failure || cut || eofWarnings.length > 0) {
    const truncatedLike = cut || eofWarnings.length > 0 || /overrun|beyond|end of buffer|eof|cannot read|greater than or equal/i.test(failure ?? '');
    const partial = data && Object.keys(data.elements).length > 0 ? build(data, data.warnings ?? []) : undefined;
    if (truncatedLike) {
      const where = cut ? ` inside element ${displayTag(cut)} ${lookupTag(dictionary, cut).name}` : '';
      return {
        ok: false,
        error: {
          kind: 'truncated',
          message: `The file ends too early${where}: it is ${formatBytes(input.length)} long but its elements say there should be more. It was probably cut short while being copied or downloaded.`,
          ...(partial ? { partial } : {}),
        },
      };
    }
    return { ok: false, error: { kind: 'unreadable', message: `The data set could not be read: ${failure}.` } };
  }
  const inspection = build(data!, [...(data!.warnings ?? [])]);
  const pixelTags = ['x7fe00010', 'x7fe00008', 'x7fe00009'];
  if (/Image Storage/.test(inspection.sopClass.name ?? '') && !pixelTags.some((tag) => tag in data!.elements)) {
    // A cut that falls exactly between two elements leaves a readable file: only the missing pixels show it.
    inspection.warnings.push(
      `${inspection.sopClass.name} objects carry an image, but this file has no Pixel Data (7FE0,0010): it may have been cut short between two elements.`,
    );
  }
  return { ok: true, inspection };
}

function withPrefix(input: Uint8Array, preamble: number, addMarker = false): Uint8Array {
  const extra = preamble + (addMarker ? 4 : 0);
  const output = new Uint8Array(input.length + extra);
  if (addMarker) output.set([0x44, 0x49, 0x43, 0x4d], preamble);
  output.set(input, extra);
  return output;
}
