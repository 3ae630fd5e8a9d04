/**
 * A deliberately tiny HL7 v2 field locator for the v2-to-FHIR explorer: it finds one value
 * by position ("PID-5.1", "OBX-6.3", "PID-3.4.2") and splits segments into display tokens.
 * It is not a parser: no message structure, no repetitions beyond the first, no data types.
 * A full parser lives elsewhere in the project; this module can be swapped for it.
 */

/** The separators a message declares in MSH-1 and MSH-2. */
export interface Separators {
  field: string;
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
}

/** A parsed position: segment ID, field number and optional component and subcomponent. */
export interface Position {
  segment: string;
  /** 0 means the whole segment ("PID"). */
  field: number;
  component?: number;
  subcomponent?: number;
}

export class LocateError extends Error {
  override name = 'LocateError';
}

const POSITION = /^([A-Z][A-Z0-9]{2})(?:-(\d{1,3})(?:\.(\d{1,3})(?:\.(\d{1,3}))?)?)?$/;

/** Reads "PID", "PID-5", "PID-5.1" or "PID-3.4.2"; throws a LocateError on anything else. */
export function parsePosition(text: string): Position {
  const match = POSITION.exec(text);
  if (!match) throw new LocateError(`"${text}" is not a position such as PID-5 or PID-5.1`);
  const [, segment, field, component, subcomponent] = match;
  const position: Position = { segment: segment!, field: field ? Number(field) : 0 };
  if (field !== undefined && position.field < 1) throw new LocateError(`"${text}": field numbers start at 1`);
  if (component !== undefined) {
    position.component = Number(component);
    if (position.component < 1) throw new LocateError(`"${text}": component numbers start at 1`);
  }
  if (subcomponent !== undefined) {
    position.subcomponent = Number(subcomponent);
    if (position.subcomponent < 1) throw new LocateError(`"${text}": subcomponent numbers start at 1`);
  }
  return position;
}

/** The segments of a message, one string each, whatever line endings it uses. */
export function segmentsOf(message: string): string[] {
  return message.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

/** The separators declared by the MSH segment; throws if the message does not start with one. */
export function separatorsOf(message: string): Separators {
  const header = segmentsOf(message)[0] ?? '';
  if (!header.startsWith('MSH')) throw new LocateError('the message does not start with an MSH segment');
  const field = header.charAt(3);
  const encoding = header.slice(4, 8);
  if (field === '' || /[A-Za-z0-9\s]/.test(field) || encoding.length < 4 || encoding.includes(field)) {
    throw new LocateError('MSH-1 and MSH-2 do not declare the separators (expected something like |^~\\&)');
  }
  return { field, component: encoding[0]!, repetition: encoding[1]!, escape: encoding[2]!, subcomponent: encoding[3]! };
}

/**
 * The fields of one segment, numbered as HL7 numbers them: fields[1] is field 1. In MSH the
 * field separator itself is MSH-1 and the encoding characters are MSH-2.
 */
export function fieldsOf(segment: string, separators: Separators): string[] {
  const parts = segment.split(separators.field);
  if (parts[0] === 'MSH') return ['MSH', separators.field, ...parts.slice(1)];
  return parts;
}

/**
 * The raw (still escaped) text at a position in the first segment with that ID, or '' when
 * the segment has no such field or component. Throws a LocateError for a segment that is absent.
 */
export function locate(message: string, position: string | Position): string {
  const where = typeof position === 'string' ? parsePosition(position) : position;
  const separators = separatorsOf(message);
  const segment = segmentsOf(message).find((line) => line.split(separators.field)[0] === where.segment);
  if (segment === undefined) throw new LocateError(`the message has no ${where.segment} segment`);
  if (where.field === 0) return where.segment;
  const field = fieldsOf(segment, separators)[where.field] ?? '';
  if (where.segment === 'MSH' && where.field <= 2) return field;
  const firstRepetition = field.split(separators.repetition)[0] ?? '';
  if (where.component === undefined) return firstRepetition;
  const component = firstRepetition.split(separators.component)[where.component - 1] ?? '';
  if (where.subcomponent === undefined) return component;
  return component.split(separators.subcomponent)[where.subcomponent - 1] ?? '';
}

/** Replaces the standard escape sequences (\F\ \S\ \T\ \R\ \E\) with the characters they stand for. */
export function unescapeText(text: string, separators: Separators): string {
  const e = separators.escape;
  const replacements: Record<string, string> = {
    F: separators.field,
    S: separators.component,
    T: separators.subcomponent,
    R: separators.repetition,
    E: separators.escape,
  };
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === e) {
      const end = text.indexOf(e, i + 1);
      const code = end === -1 ? undefined : text.slice(i + 1, end);
      const replacement = code === undefined ? undefined : replacements[code];
      if (replacement !== undefined && end !== -1) {
        out += replacement;
        i = end;
        continue;
      }
    }
    out += char;
  }
  return out;
}

/** One run of text in a segment line: a separator, or the value at a position. */
export interface Token {
  text: string;
  /** The position of this value ("PID-5.1"), absent for separators. */
  position?: string;
}

/**
 * Splits one segment into tokens for display. A value is split down to the positions that
 * `interesting` names: "PID-5.1" splits PID-5 into components, "PID-3.4.2" splits PID-3.4 into
 * subcomponents; everything else stays whole. "PID" marks the segment ID itself. Joining the
 * texts gives back the segment exactly.
 */
export function tokenizeSegment(segment: string, separators: Separators, interesting: ReadonlySet<string>): Token[] {
  const fields = segment.split(separators.field);
  const id = fields[0] ?? '';
  const isHeader = id === 'MSH';
  const tokens: Token[] = [{ text: id, position: id }];
  const wants = (prefix: string) => [...interesting].some((p) => p.startsWith(`${prefix}.`));
  fields.slice(1).forEach((field, index) => {
    tokens.push({ text: separators.field });
    // In MSH the first separator is MSH-1, so the text after it is MSH-2.
    const number = isHeader ? index + 2 : index + 1;
    const name = `${id}-${number}`;
    if (isHeader && number === 2) {
      tokens.push({ text: field, position: name });
      return;
    }
    const repetitions = field.split(separators.repetition);
    const first = repetitions[0] ?? '';
    if (!wants(name)) tokens.push({ text: first, position: name });
    else {
      first.split(separators.component).forEach((component, c) => {
        if (c > 0) tokens.push({ text: separators.component });
        const componentName = `${name}.${c + 1}`;
        if (!wants(componentName)) tokens.push({ text: component, position: componentName });
        else {
          component.split(separators.subcomponent).forEach((sub, s) => {
            if (s > 0) tokens.push({ text: separators.subcomponent });
            tokens.push({ text: sub, position: `${componentName}.${s + 1}` });
          });
        }
      });
    }
    repetitions.slice(1).forEach((repetition) => {
      tokens.push({ text: separators.repetition });
      tokens.push({ text: repetition });
    });
  });
  return tokens.filter((token) => token.text !== '' || token.position === undefined);
}

/**
 * The first fenced ```hl7 block in a Markdown/MDX text whose MSH-9 starts with `messageType`
 * (for example "ORU^R01"), or undefined when there is none.
 */
export function findHl7Example(markdown: string, messageType: string): string | undefined {
  for (const match of markdown.matchAll(/^```hl7[^\n]*\n([\s\S]*?)^```/gm)) {
    const block = (match[1] ?? '').trim();
    try {
      if (locate(block, 'MSH-9').startsWith(messageType)) return block;
    } catch {
      // Not a message this explorer can read: keep looking.
    }
  }
  return undefined;
}
