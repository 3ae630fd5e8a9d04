import type { ParsedMessage, ParseResult, Segment } from './types';

/**
 * A parse result packed for postMessage. Copying a megabyte message as one object per field
 * (about 150,000 strings) costs the receiving main thread hundreds of milliseconds; one joined
 * string per segment costs a fraction, and splitting it again is quick.
 */
export type PackedResult =
  | { ok: true; message: Omit<ParsedMessage, 'segments'>; header: Segment; ids: string[]; lines: number[]; valid: boolean[]; counts: number[]; joined: string[] }
  | Exclude<ParseResult, { ok: true }>;

export function packResult(result: ParseResult): PackedResult {
  if (result.ok !== true) return result;
  const { segments, ...message } = result.message;
  const separator = message.separators.field;
  const body = segments.slice(1);
  return {
    ok: true,
    message,
    header: segments[0]!,
    ids: body.map((segment) => segment.id),
    lines: body.map((segment) => segment.line),
    valid: body.map((segment) => segment.validId),
    counts: body.map((segment) => segment.fields.length),
    joined: body.map((segment) => segment.fields.join(separator)),
  };
}

export function unpackResult(packed: PackedResult): ParseResult {
  if (packed.ok !== true) return packed;
  const separator = packed.message.separators.field;
  const segments: Segment[] = [packed.header];
  packed.joined.forEach((joined, index) => {
    segments.push({ id: packed.ids[index]!, line: packed.lines[index]!, validId: packed.valid[index]!, fields: packed.counts[index] === 0 ? [] : joined.split(separator) });
  });
  return { ok: true, message: { ...packed.message, segments } };
}
