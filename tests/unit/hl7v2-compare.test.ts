// Our parser against an independent one: the hl7v2 1.8.0 package (Node only), which also reads
// the separators each message declares. For every sample and a set of edge cases, both must see
// the same segments, fields, repetitions, components, subcomponents and unescaped values.
// (hl7v2 unescapes only with a backslash as escape character and leaves \.br\ as written, so
// the edge case with other separators carries no escapes, and formatting escapes compare as written.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { dictionaries, HL7Message, type HL7Dictionary } from 'hl7v2';
import type { ValuePart } from '../../src/lib/hl7v2/escape.ts';
import { parseMessage } from '../../src/lib/hl7v2/parse.ts';
import { splitField } from '../../src/lib/hl7v2/structure.ts';

const SAMPLES = new URL('../../content/examples/hl7v2/', import.meta.url);

/**
 * hl7v2 converts values by data type (dates to Date, numbers to number). These copies of its
 * dictionaries drop every decode and encode function so that both parsers return text.
 */
function withoutConversions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutConversions);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'decode' && key !== 'encode')
        .map(([key, inner]) => [key, withoutConversions(inner)]),
    );
  }
  return value;
}
const textDictionaries: Record<string, HL7Dictionary> = Object.fromEntries(
  Object.entries(dictionaries).map(([version, dictionary]) => {
    const copy = dictionary.extend({});
    copy.types = withoutConversions(copy.types) as typeof copy.types;
    copy.segments = withoutConversions(copy.segments) as typeof copy.segments;
    return [version, copy];
  }),
);

type Shape = { id: string; fields: string[][][] }[];

/** Drops trailing empty entries, since a trailing separator adds nothing. */
function trimEnd<T>(items: T[], empty: (item: T) => boolean): T[] {
  const copy = [...items];
  while (copy.length > 0 && empty(copy[copy.length - 1]!)) copy.pop();
  return copy;
}

/** What hl7v2 decodes: separator escapes and hex. Formatting escapes it leaves as written, so we compare them as written. */
function asWritten(parts: ValuePart[], escape: string): string {
  return parts
    .map((part) => {
      if (part.kind === 'text' || part.kind === 'separator' || part.kind === 'hex') return part.text;
      if (part.kind === 'break') return `${escape}.br${escape}`;
      return `${escape}${part.code}${escape}`;
    })
    .join('');
}

function oursShape(text: string): { separators: string; shape: Shape } {
  const result = parseMessage(text);
  if (result.ok !== true) assert.fail(`our parser rejected it: ${JSON.stringify(result)}`);
  const { separators, segments } = result.message;
  const shape = segments.map((segment) => ({
    id: segment.id,
    fields: trimEnd(
      segment.fields.map((raw, index) => {
        if (segment.id === 'MSH' && index < 2) return [];
        const repetitions = splitField(segment.id, index + 1, raw, separators).map((repetition) =>
          trimEnd(
            repetition.components.map((component) => component.subcomponents.map((sub) => (sub.raw === '""' ? '""' : asWritten(sub.value.parts, separators.escape))).join(separators.subcomponent)),
            (value) => value === '',
          ),
        );
        return trimEnd(repetitions, (components) => components.length === 0);
      }),
      (repetitions) => repetitions.length === 0,
    ),
  }));
  const s = separators;
  return { separators: s.field + s.component + s.repetition + s.escape + s.subcomponent, shape };
}

function valueText(value: unknown): string {
  if (value === null) return '""';
  if (value === undefined) return '';
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return String(value);
}

function theirShape(text: string): { separators: string; shape: Shape } {
  const message = HL7Message.parse(text.replace(/\r?\n/g, '\r'), { dictionaries: textDictionaries });
  const sub = message.subComponentSeparator;
  const shape = message.segments.map((segment) => ({
    id: segment.segmentType,
    fields: trimEnd(
      segment.fields.map((field, index) => {
        if (!field || (segment.segmentType === 'MSH' && index < 2)) return [];
        const repetitions = field.repetitions.map((repetition) =>
          trimEnd(
            (repetition.components ?? []).map((component) =>
              component.subComponents?.length ? component.subComponents.map((part) => valueText(part.value)).join(sub) : valueText(component.getValue()),
            ),
            (value) => value === '',
          ),
        );
        return trimEnd(repetitions, (components) => components.length === 0);
      }),
      (repetitions) => repetitions.length === 0,
    ),
  }));
  const separators = message.fieldSeparator + message.componentSeparator + message.repetitionSeparator + message.escapeCharacter + message.subComponentSeparator;
  return { separators, shape };
}

const samples = readdirSync(SAMPLES)
  .filter((file) => file.endsWith('.hl7'))
  .map((file) => [file, readFileSync(new URL(file, SAMPLES), 'utf8')] as const);

const EDGE_CASES: [string, string][] = [
  [
    'non-default separators #$*@!',
    'MSH#$*@!#EHR#HOSP#APP#ACME#20261128143000##ADT$A01$ADT_A01#MSG2#P#2.5.1\rPID#1##MRN1$$$HOSP!1.2.3!ISO$MR*NHS9$$$REG$JHN##Rivera$Alex##19870412#F\rPV1#1#I#WARD4$401$A',
  ],
  ['CRLF endings, empty fields and trailing separators', 'MSH|^~\\&|A|B|C|D|20261128||ADT^A08^ADT_A01|X2|P|2.5.1|||\r\nPID|1||MRN1^^^HOSP^MR||Rivera^Alex^^^^^L||||||||||\r\nPV1|1|I||||||||\r\n'],
  ['escaped separators and hex data', 'MSH|^~\\&|A|B|C|D|20261128||ORU^R01^ORU_R01|X3|P|2.5.1\rNTE|1||Fish \\T\\ chips \\F\\ peas \\S\\ \\R\\ \\E\\ done\rNTE|2||line\\X0D0A\\next'],
  ['explicit nulls and repeated empty repetitions', 'MSH|^~\\&|A|B|C|D|20261128||ADT^A08^ADT_A01|X4|P|2.5.1\rPID|1||MRN1^^^HOSP^MR~~NHS9^^^REG^JHN||""||""'],
  ['a Z-segment with components and subcomponents', 'MSH|^~\\&|A|B|C|D|20261128||ADT^A04^ADT_A01|X5|P|2.5.1\rZPI|1|A^B&C&D^E~F|G'],
];

describe('our HL7 v2 parser agrees with hl7v2 1.8.0', () => {
  for (const [name, text] of [...samples, ...EDGE_CASES]) {
    it(name, () => {
      const ours = oursShape(text);
      const theirs = theirShape(text);
      assert.equal(ours.separators, theirs.separators);
      assert.deepEqual(ours.shape, theirs.shape);
    });
  }

  it('covers every sample', () => {
    assert.ok(samples.length >= 7, `expected the seven samples, found ${samples.length}`);
  });
});
