import { unescapeValue, type Unescaped } from './escape';
import type { Separators } from './types';

export interface SubcomponentValue {
  raw: string;
  value: Unescaped;
}
export interface ComponentValue {
  raw: string;
  subcomponents: SubcomponentValue[];
}
export interface RepetitionValue {
  raw: string;
  components: ComponentValue[];
}

/** Whether a field is MSH-1 or MSH-2, whose text is the separators themselves and is never split or unescaped. */
export function isSeparatorField(segmentId: string, position: number): boolean {
  return segmentId === 'MSH' && (position === 1 || position === 2);
}

/** Splits one field's raw text into repetitions, components and subcomponents, each unescaped. */
export function splitField(segmentId: string, position: number, raw: string, separators: Separators): RepetitionValue[] {
  if (isSeparatorField(segmentId, position)) {
    const literal: Unescaped = { text: raw, parts: [{ kind: 'text', text: raw }], problems: [], escaped: false };
    return [{ raw, components: [{ raw, subcomponents: [{ raw, value: literal }] }] }];
  }
  return raw.split(separators.repetition).map((repetition) => ({
    raw: repetition,
    components: repetition.split(separators.component).map((component) => ({
      raw: component,
      subcomponents: component.split(separators.subcomponent).map((sub) => ({ raw: sub, value: unescapeValue(sub, separators) })),
    })),
  }));
}

/** HL7's explicit null: a field holding exactly two double quotes tells the receiver to delete its value. */
export function isExplicitNull(raw: string): boolean {
  return raw === '""';
}
