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

/** A segment whose fields are split only when first read: a view shows a few dozen of thousands. */
class LazySegment implements Segment {
  private split: string[] | undefined;
  constructor(
    readonly id: string,
    readonly line: number,
    readonly validId: boolean,
    private readonly joined: string,
    private readonly count: number,
    private readonly separator: string,
  ) {}
  get fields(): string[] {
    this.split ??= this.count === 0 ? [] : this.joined.split(this.separator);
    return this.split;
  }
}

export function unpackResult(packed: PackedResult): ParseResult {
  if (packed.ok !== true) return packed;
  const separator = packed.message.separators.field;
  const segments: Segment[] = [packed.header];
  packed.joined.forEach((joined, index) => {
    segments.push(new LazySegment(packed.ids[index]!, packed.lines[index]!, packed.valid[index]!, joined, packed.counts[index]!, separator));
  });
  return { ok: true, message: { ...packed.message, segments } };
}
