import { parseMessage } from './parse';
import { splitField } from './structure';

/** A synthetic ORU^R01 of about `bytes` characters: one header and patient, then repeated OBR and OBX groups. */
export function makeLargeMessage(bytes = 1_048_576): string {
  const lines = [
    'MSH|^~\\&|EXAMPLE_LIS|EXAMPLE_HOSP|ACME_APP|ACME|20261128161500-0500||ORU^R01^ORU_R01|BENCH000001|P|2.5.1',
    'PID|1||MRN0000123^^^EXAMPLE_HOSP^MR||Rivera^Alex^Marie^^^^L||19870412|F',
  ];
  let size = lines.join('\r').length;
  for (let order = 1; size < bytes; order++) {
    const group = [
      `OBR|${order}|ORD${String(order).padStart(6, '0')}^EXAMPLE_EHR|FIL${String(order).padStart(6, '0')}^EXAMPLE_LIS|24323-8^Comprehensive metabolic 2000 panel - Serum or Plasma^LN|||20261128150000-0500|||||||||D0042^Example^Jordan^^^Dr||||||20261128161200-0500||CH|F`,
      `OBX|1|NM|2345-7^Glucose [Mass/volume] in Serum or Plasma^LN||${90 + (order % 60)}|mg/dL^mg/dL^UCUM|70-99|${order % 3 === 0 ? 'H' : 'N'}|||F|||20261128150000-0500`,
      `OBX|2|NM|2951-2^Sodium [Moles/volume] in Serum or Plasma^LN||${135 + (order % 8)}|mmol/L^mmol/L^UCUM|135-145|N|||F|||20261128150000-0500`,
      `NTE|1||Specimen slightly haemolysed \\T\\ rechecked~Second line`,
    ];
    for (const line of group) {
      lines.push(line);
      size += line.length + 1;
    }
  }
  return lines.join('\r') + '\r';
}

export interface ParseTiming {
  /** Characters parsed. */
  characters: number;
  segments: number;
  fields: number;
  /** Time to read segments and fields (what the explorer does before it shows anything), in ms. */
  parseMs: number;
  /** Time to also split every field into repetitions, components and subcomponents and unescape them, in ms. */
  fullMs: number;
}

/**
 * Times parsing a large message (1 MB by default) with this explorer's parser, for the benchmark.
 * Runs in Node or a browser (uses performance.now()).
 */
export function timeParse(text: string = makeLargeMessage()): ParseTiming {
  const start = performance.now();
  const result = parseMessage(text);
  const parsed = performance.now();
  if (result.ok !== true) throw new Error(`The benchmark message did not parse: ${result.ok === false ? result.error.message : 'empty'}`);
  let fields = 0;
  for (const segment of result.message.segments) {
    segment.fields.forEach((raw, index) => {
      fields++;
      splitField(segment.id, index + 1, raw, result.message.separators);
    });
  }
  const full = performance.now();
  return { characters: text.length, segments: result.message.segments.length, fields, parseMs: parsed - start, fullMs: full - start };
}
