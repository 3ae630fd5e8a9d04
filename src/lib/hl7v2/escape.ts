import type { Separators } from './types';

/**
 * A piece of an unescaped value. Formatting commands (\.br\ and the like, HL7 v2.5.1 chapter 2,
 * section 2.7) and character-set escapes are kept as parts so a view can show them for what they are.
 */
export type ValuePart =
  | { kind: 'text'; text: string }
  /** An escaped separator: \F\ \S\ \T\ \R\ \E\ (and \P\, the truncation character, in v2.7+). */
  | { kind: 'separator'; code: string; text: string }
  /** \Xhh...\ hexadecimal data, decoded. */
  | { kind: 'hex'; hex: string; text: string }
  /** \.br\ line break. */
  | { kind: 'break' }
  /** Other formatting commands (FT data): \.sp n\, \.in n\, \.ti n\, \.sk n\, \.ce\, \.fi\, \.nf\, and \H\ / \N\ highlighting. */
  | { kind: 'format'; code: string; label: string }
  /** \Cxxyy\ and \Mxxyyzz\ character-set switches, \Zxx...\ locally defined escapes. */
  | { kind: 'other'; code: string; label: string };

export interface Unescaped {
  /** Plain text: separators restored, hex decoded, \.br\ and \.sp\ as a line break, other formatting left out. */
  text: string;
  parts: ValuePart[];
  /** Malformed or unknown escape sequences, kept literally in the text. */
  problems: string[];
  /** Whether the raw value contained any escape sequence. */
  escaped: boolean;
}

const FORMAT_LABELS: Record<string, string> = {
  H: 'start highlighting',
  N: 'normal text (end highlighting)',
  '.sp': 'skip lines (new line)',
  '.fi': 'start word wrap (fill mode)',
  '.nf': 'stop word wrap (no-fill mode)',
  '.in': 'indent',
  '.ti': 'temporary indent',
  '.sk': 'skip spaces to the right',
  '.ce': 'centre the next line',
};

/** Decodes bytes given as hex: UTF-8 when they are valid UTF-8, otherwise ISO 8859-1. */
export function decodeHex(hex: string): string | undefined {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9A-Fa-f]+$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index++) bytes[index] = parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return String.fromCharCode(...bytes);
  }
}

/** Turns the raw text of one component or subcomponent into its value, following the message's own escape character. */
export function unescapeValue(raw: string, separators: Separators): Unescaped {
  const escape = separators.escape;
  const parts: ValuePart[] = [];
  const problems: string[] = [];
  let text = '';
  let escaped = false;
  const pushText = (value: string) => {
    if (value === '') return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'text') last.text += value;
    else parts.push({ kind: 'text', text: value });
    text += value;
  };

  let index = 0;
  while (index < raw.length) {
    const start = escape === '' ? -1 : raw.indexOf(escape, index);
    if (start === -1) {
      pushText(raw.slice(index));
      break;
    }
    pushText(raw.slice(index, start));
    const end = raw.indexOf(escape, start + 1);
    if (end === -1) {
      problems.push(`An escape sequence starting "${raw.slice(start, start + 8)}" is never closed by a second ${escape}; it is shown as written.`);
      pushText(raw.slice(start));
      break;
    }
    escaped = true;
    const code = raw.slice(start + 1, end);
    const written = raw.slice(start, end + 1);
    index = end + 1;
    const separator = separatorFor(code, separators);
    if (separator !== undefined) {
      parts.push({ kind: 'separator', code, text: separator });
      text += separator;
    } else if (code === '.br') {
      parts.push({ kind: 'break' });
      text += '\n';
    } else if (/^X/.test(code)) {
      const decoded = decodeHex(code.slice(1));
      if (decoded === undefined) {
        problems.push(`${written} is not valid hexadecimal data (it needs an even number of hex digits); it is shown as written.`);
        pushText(written);
      } else {
        parts.push({ kind: 'hex', hex: code.slice(1), text: decoded });
        text += decoded;
      }
    } else if (code === 'H' || code === 'N' || /^\.(sp|in|ti|sk)( ?[+-]?\d+)?$/.test(code) || /^\.(fi|nf|ce)$/.test(code)) {
      const key = code.startsWith('.') ? code.slice(0, 3) : code;
      parts.push({ kind: 'format', code, label: FORMAT_LABELS[key] ?? code });
      if (key === '.sp') text += '\n';
    } else if (/^C[0-9A-Fa-f]{4}$/.test(code) || /^M[0-9A-Fa-f]{4}([0-9A-Fa-f]{2})?$/.test(code)) {
      parts.push({ kind: 'other', code, label: 'character set switch (ISO 2022)' });
    } else if (/^Z/.test(code)) {
      parts.push({ kind: 'other', code, label: 'locally defined escape' });
    } else {
      problems.push(`${written} is not an HL7 escape sequence; it is shown as written.`);
      pushText(written);
    }
  }
  return { text, parts, problems, escaped };
}

function separatorFor(code: string, separators: Separators): string | undefined {
  switch (code) {
    case 'F':
      return separators.field;
    case 'S':
      return separators.component;
    case 'T':
      return separators.subcomponent;
    case 'R':
      return separators.repetition;
    case 'E':
      return separators.escape;
    case 'P':
      return separators.truncation === '' ? undefined : separators.truncation;
    default:
      return undefined;
  }
}
