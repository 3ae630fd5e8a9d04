/**
 * A strict JSON parser (RFC 8259, the same language as JSON.parse) that remembers where each
 * value starts and explains syntax errors with a line and column. Browsers word JSON.parse
 * errors differently and some give no position at all, so the explorer does not rely on them.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A place in the text: 1-based line and column (in characters), and the 0-based offset. */
export interface TextPosition {
  line: number;
  column: number;
  offset: number;
}

export interface JsonSyntaxError {
  message: string;
  position: TextPosition;
}

/** Where each member or item sits: JSON Pointer → offset of its key (members) or value (items, root). */
export interface JsonLocations {
  /** The position recorded for a JSON Pointer ("" is the root), or undefined if there is none. */
  at(pointer: string): TextPosition | undefined;
}

export interface DuplicateKey {
  /** Pointer of the member that appears more than once (the later copy is the one kept). */
  pointer: string;
  position: TextPosition;
}

export type JsonParseResult =
  | { ok: true; value: JsonValue; locations: JsonLocations; duplicates: DuplicateKey[] }
  | { ok: false; error: JsonSyntaxError };

/** Turns offsets into line and column; lines end at \n, \r\n or a lone \r. */
export function lineIndex(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return (offset: number) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    const lineStart = starts[low] ?? 0;
    // Columns count characters as people see them: an emoji written as a surrogate pair is one.
    const column = [...text.slice(lineStart, clamped)].length + 1;
    return { line: low + 1, column, offset: clamped };
  };
}

/** Escapes one JSON Pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Appends a key or index to a JSON Pointer. */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${pointerSegment(key)}`;
}

class Failure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const CONTROL_NAMES: Record<number, string> = { 9: 'a tab', 10: 'a line break', 13: 'a line break' };

/** Describes a character for a message: "x", a tab, the end of the text. */
function describe(char: string | undefined): string {
  if (char === undefined) return 'the end of the text';
  const code = char.codePointAt(0) ?? 0;
  if (CONTROL_NAMES[code]) return CONTROL_NAMES[code];
  if (code < 32 || (code >= 0x7f && code < 0xa0) || code === 0xfeff) return `the invisible character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${char}"`;
}

/** Parses JSON text, recording positions; never throws. */
export function parseJson(text: string): JsonParseResult {
  const toPosition = lineIndex(text);
  const offsets = new Map<string, number>();
  const duplicates: { pointer: string; offset: number }[] = [];
  let i = 0;

  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i++;
  };

  const fail = (message: string, offset = i): never => {
    throw new Failure(message, offset);
  };

  /** The error for a character where a value should start. */
  const notAValue = (): never => {
    const char = text[i];
    if (char === undefined) fail('The text ends where a value was expected.');
    if (char === "'") fail('Strings and property names need double quotes ("), not single quotes.');
    if (char === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) fail('JSON does not allow comments.');
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 40))?.[0];
    if (word) {
      const lower = word.toLowerCase();
      if (lower === 'true' || lower === 'false' || lower === 'null') fail(`"${word}" is not a JSON value: write ${lower} in lower case.`);
      fail(`"${word}" is not a JSON value: text must be in double quotes.`);
    }
    return fail(`Unexpected ${describe(char)}: expected a value (an object, array, string, number, true, false or null).`);
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let runStart = i;
    for (;;) {
      if (i >= text.length) {
        fail('This string has no closing double quote.', start);
      }
      const code = text.charCodeAt(i);
      if (code === 34) {
        out += text.slice(runStart, i);
        i++;
        return out;
      }
      if (code === 92) {
        out += text.slice(runStart, i);
        const escape = text[i + 1];
        if (escape === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('A \\u escape needs exactly four hexadecimal digits, as in \\u00e9.');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (escape !== undefined && ESCAPES[escape] !== undefined) {
          out += ESCAPES[escape];
          i += 2;
        } else {
          fail(escape === undefined ? 'This string has no closing double quote.' : `"\\${escape}" is not a JSON escape: write a backslash as \\\\.`, escape === undefined ? start : i);
        }
        runStart = i;
        continue;
      }
      if (code < 32) {
        // A line break inside a string nearly always means its closing quote is missing.
        if (code === 10 || code === 13) fail('This string has no closing double quote before the end of the line.', start);
        fail(`A string cannot contain ${describe(text[i])} as is: write it as an escape such as \\t.`);
      }
      i++;
    }
  };

  const parseNumber = (): number => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') {
      i++;
      if (/[0-9]/.test(text[i] ?? '')) fail('A number cannot start with 0 followed by more digits.', start);
    } else if (/[1-9]/.test(text[i] ?? '')) {
      while (/[0-9]/.test(text[i] ?? '')) i++;
    } else {
      fail('A minus sign must be followed by a digit.');
    }
    if (text[i] === '.') {
      i++;
      if (!/[0-9]/.test(text[i] ?? '')) fail('A decimal point must be followed by a digit.');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!/[0-9]/.test(text[i] ?? '')) fail('An exponent (e) must be followed by a digit.');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    return Number(text.slice(start, i));
  };

  const parseLiteral = (word: 'true' | 'false' | 'null', value: JsonValue): JsonValue => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return notAValue();
  };

  /** The error for text that stops inside an object or array opened at `open`. */
  const endsBeforeClose = (open: number, close: '}' | ']'): never => {
    const { line, column } = toPosition(open);
    return fail(`The text ends before the ${close === '}' ? 'object' : 'array'} opened at line ${line}, column ${column} is closed with "${close}".`);
  };

  /**
   * Reads what follows a member or an item: a comma (its offset is returned, for the
   * trailing-comma message) or the closing bracket (null). Anything else goes to `unexpected`.
   */
  const readSeparator = (open: number, close: '}' | ']', unexpected: (found: string) => never): number | null => {
    skipWhitespace();
    const next = text[i];
    if (next === ',' || next === close) {
      i++;
      return next === ',' ? i - 1 : null;
    }
    return next === undefined ? endsBeforeClose(open, close) : unexpected(next);
  };

  const parseValue = (pointer: string, depth: number): JsonValue => {
    if (depth > 512) fail('The JSON is nested more than 512 levels deep.');
    skipWhitespace();
    const char = text[i];
    if (char === '{') return parseObject(pointer, depth);
    if (char === '[') return parseArray(pointer, depth);
    if (char === '"') return parseString();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return parseNumber();
    if (char === 't') return parseLiteral('true', true);
    if (char === 'f') return parseLiteral('false', false);
    if (char === 'n') return parseLiteral('null', null);
    return notAValue();
  };

  const parseObject = (pointer: string, depth: number): JsonValue => {
    const open = i;
    const object: { [key: string]: JsonValue } = {};
    const seen = new Set<string>();
    i++;
    skipWhitespace();
    if (text[i] === '}') {
      i++;
      return object;
    }
    let lastComma = -1;
    for (;;) {
      skipWhitespace();
      const char = text[i];
      if (char !== '"') {
        if (char === '}' && lastComma >= 0) fail('Trailing comma: remove the comma before "}".', lastComma);
        if (char === undefined) endsBeforeClose(open, '}');
        if (char === "'") fail('Property names need double quotes ("), not single quotes.');
        if (char === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) fail('JSON does not allow comments.');
        if (/[A-Za-z_$]/.test(char ?? '')) fail('Property names must be in double quotes.');
        fail(`Unexpected ${describe(char)}: expected a property name in double quotes.`);
      }
      const keyAt = i;
      const key = parseString();
      const memberPointer = childPointer(pointer, key);
      if (seen.has(key)) duplicates.push({ pointer: memberPointer, offset: keyAt });
      seen.add(key);
      offsets.set(memberPointer, keyAt);
      skipWhitespace();
      if (text[i] !== ':') {
        if (text[i] === undefined) endsBeforeClose(open, '}');
        fail(`Expected ":" after the property name "${key}", found ${describe(text[i])}.`);
      }
      i++;
      const value = parseValue(memberPointer, depth + 1);
      // JSON.parse keeps the last copy of a repeated key, and so does this parser.
      if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      else object[key] = value;
      const comma = readSeparator(open, '}', (next) =>
        next === '"' ? fail(`Expected "," or "}" after the value of "${key}": is a comma missing?`) : fail(`Expected "," or "}" after the value of "${key}", found ${describe(next)}.`),
      );
      if (comma === null) return object;
      lastComma = comma;
    }
  };

  const parseArray = (pointer: string, depth: number): JsonValue => {
    const open = i;
    const array: JsonValue[] = [];
    i++;
    skipWhitespace();
    if (text[i] === ']') {
      i++;
      return array;
    }
    let lastComma = -1;
    for (;;) {
      skipWhitespace();
      if (text[i] === ']' && lastComma >= 0) fail('Trailing comma: remove the comma before "]".', lastComma);
      if (text[i] === undefined) endsBeforeClose(open, ']');
      const itemPointer = childPointer(pointer, array.length);
      offsets.set(itemPointer, i);
      array.push(parseValue(itemPointer, depth + 1));
      const comma = readSeparator(open, ']', (next) =>
        fail(`Expected "," or "]" after an array item, found ${describe(next)}${/["{[0-9tfn-]/.test(next) ? ': is a comma missing?' : '.'}`),
      );
      if (comma === null) return array;
      lastComma = comma;
    }
  };

  try {
    skipWhitespace();
    if (i >= text.length) fail('There is no JSON here: the text is empty.');
    offsets.set('', i);
    const value = parseValue('', 0);
    skipWhitespace();
    if (i < text.length) fail(`Unexpected ${describe(text[i])} after the end of the JSON value: only one value is allowed.`);
    return {
      ok: true,
      value,
      locations: {
        at: (pointer) => {
          const offset = offsets.get(pointer);
          return offset === undefined ? undefined : toPosition(offset);
        },
      },
      duplicates: duplicates.map(({ pointer, offset }) => ({ pointer, position: toPosition(offset) })),
    };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, error: { message: error.message, position: toPosition(error.offset) } };
    throw error;
  }
}
