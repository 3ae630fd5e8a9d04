import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMessage, readSeparators } from '../../src/lib/hl7v2/parse.ts';
import { isExplicitNull, isSeparatorField, splitField } from '../../src/lib/hl7v2/structure.ts';
import type { ParsedMessage, Separators } from '../../src/lib/hl7v2/types.ts';

const ADT = [
  'MSH|^~\\&|EHR|HOSP|APP|ACME|20261128143000||ADT^A01^ADT_A01|MSG1|P|2.5.1',
  'EVN||20261128143000',
  'PID|1||MRN1^^^HOSP^MR~NHS9^^^REG^JHN||Rivera^Alex^Marie^^^^L||19870412|F',
].join('\r');

function parsed(text: string): ParsedMessage {
  const result = parseMessage(text);
  if (result.ok !== true) assert.fail(`expected a message, got ${JSON.stringify(result)}`);
  return result.message;
}

function fail(text: string) {
  const result = parseMessage(text);
  if (result.ok !== false) assert.fail(`expected an error, got ${JSON.stringify(result).slice(0, 200)}`);
  return result.error;
}

/** Field text by HL7 position: field(message, 'PID', 5). */
function field(message: ParsedMessage, id: string, position: number): string | undefined {
  return message.segments.find((segment) => segment.id === id)?.fields[position - 1];
}

describe('HL7 v2 parser: positions', () => {
  it('counts MSH from the field separator: MSH-1 is "|", MSH-2 the encoding characters, MSH-9 the type', () => {
    const message = parsed(ADT);
    assert.equal(field(message, 'MSH', 1), '|');
    assert.equal(field(message, 'MSH', 2), '^~\\&');
    assert.equal(field(message, 'MSH', 3), 'EHR');
    assert.equal(field(message, 'MSH', 7), '20261128143000');
    assert.equal(field(message, 'MSH', 9), 'ADT^A01^ADT_A01');
    assert.equal(field(message, 'MSH', 10), 'MSG1');
    assert.equal(field(message, 'MSH', 12), '2.5.1');
    assert.deepEqual(message.messageType, { code: 'ADT', event: 'A01', structure: 'ADT_A01' });
    assert.equal(message.controlId, 'MSG1');
    assert.equal(message.version, '2.5.1');
    assert.deepEqual(message.warnings, []);
  });

  it('counts other segments from the first field after the ID: PID-5.1 is the family name', () => {
    const message = parsed(ADT);
    const pid = message.segments[2]!;
    assert.equal(pid.fields[4], 'Rivera^Alex^Marie^^^^L');
    const [name] = splitField('PID', 5, pid.fields[4]!, message.separators);
    assert.equal(name!.components[0]!.raw, 'Rivera');
    assert.equal(name!.components[1]!.raw, 'Alex');
    assert.equal(name!.components[6]!.raw, 'L');
  });

  it('splits repetitions, components and subcomponents', () => {
    const message = parsed(ADT.replace('MRN1^^^HOSP^MR', 'MRN1^^^HOSP&2.16.840.1.113883.19.5&ISO^MR'));
    const repetitions = splitField('PID', 3, field(message, 'PID', 3)!, message.separators);
    assert.equal(repetitions.length, 2);
    assert.deepEqual(
      repetitions[0]!.components[3]!.subcomponents.map((sub) => sub.raw),
      ['HOSP', '2.16.840.1.113883.19.5', 'ISO'],
    );
    assert.equal(repetitions[1]!.components[0]!.raw, 'NHS9');
  });

  it('never splits MSH-1 or MSH-2, which hold the separators themselves', () => {
    const message = parsed(ADT);
    const [encoding] = splitField('MSH', 2, '^~\\&', message.separators);
    assert.equal(encoding!.components.length, 1);
    assert.equal(encoding!.components[0]!.subcomponents[0]!.value.text, '^~\\&');
    assert.equal(isSeparatorField('MSH', 1), true);
    assert.equal(isSeparatorField('PID', 1), false);
  });
});

describe('HL7 v2 parser: separators the message declares', () => {
  const custom = [
    'MSH#$*@!#EHR#HOSP#APP#ACME#20261128143000##ADT$A01$ADT_A01#MSG2#P#2.5.1',
    'PID#1##MRN1$$$HOSP!1.2.3!ISO$MR*NHS9$$$REG$JHN##Rivera$Alex##19870412#F',
    'NTE#1##Pipe | caret ^ and @F@ @S@ @T@ @R@ @E@',
  ].join('\r');

  it('reads MSH-1 and MSH-2 and uses them, not |^~\\&', () => {
    const message = parsed(custom);
    assert.deepEqual(message.separators, { field: '#', component: '$', repetition: '*', escape: '@', subcomponent: '!', truncation: '' });
    assert.equal(field(message, 'MSH', 9), 'ADT$A01$ADT_A01');
    assert.deepEqual(message.messageType, { code: 'ADT', event: 'A01', structure: 'ADT_A01' });
    const repetitions = splitField('PID', 3, field(message, 'PID', 3)!, message.separators);
    assert.equal(repetitions.length, 2);
    assert.deepEqual(repetitions[0]!.components[3]!.subcomponents.map((sub) => sub.raw), ['HOSP', '1.2.3', 'ISO']);
  });

  it('treats the default characters as plain text and unescapes with the declared escape character', () => {
    const message = parsed(custom);
    const [comment] = splitField('NTE', 3, field(message, 'NTE', 3)!, message.separators);
    assert.equal(comment!.components.length, 1);
    assert.equal(comment!.components[0]!.subcomponents[0]!.value.text, 'Pipe | caret ^ and # $ ! * @');
  });

  it('accepts a fifth encoding character (truncation, v2.7 and later)', () => {
    const message = parsed('MSH|^~\\&#|A|B|C|D|20260101||ADT^A01^ADT_A01|1|P|2.7\rPID|1');
    assert.equal(message.separators.truncation, '#');
    assert.equal(field(message, 'MSH', 2), '^~\\&#');
    assert.equal(field(message, 'MSH', 3), 'A');
  });
});

describe('HL7 v2 parser: forgiving where real interfaces are', () => {
  for (const [name, ending] of [
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const) {
    it(`reads segments ending with ${name}`, () => {
      const message = parsed(ADT.replaceAll('\r', ending) + ending);
      assert.deepEqual(
        message.segments.map((segment) => segment.id),
        ['MSH', 'EVN', 'PID'],
      );
      assert.equal(message.lineEnding, name);
      assert.equal(field(message, 'PID', 8), 'F', 'no stray CR or LF is left in a value');
    });
  }

  it('reports mixed segment endings and a single segment', () => {
    assert.equal(parsed('MSH|^~\\&|A|B|C|D|1||ACK^A01^ACK|1|P|2.5.1\rMSA|AA|1\nERR|').lineEnding, 'mixed');
    assert.equal(parsed('MSH|^~\\&|A|B|C|D|1||ACK^A01^ACK|1|P|2.5.1').lineEnding, 'none');
  });

  it('strips MLLP framing: 0x0B before, 0x1C 0x0D after', () => {
    const message = parsed(`\x0B${ADT}\r\x1C\r`);
    assert.equal(message.mllp, true);
    assert.equal(message.segments.length, 3);
    assert.deepEqual(message.warnings, []);
    assert.equal(field(message, 'PID', 8), 'F');
  });

  it('warns when an MLLP frame is not closed, or when a second frame follows', () => {
    const open = parsed(`\x0B${ADT}`);
    assert.equal(open.mllp, true);
    assert.deepEqual(open.warnings.map((warning) => warning.code), ['mllp-unterminated']);
    const two = parsed(`\x0B${ADT}\x1C\r\x0B${ADT}\x1C\r`);
    assert.equal(two.segments.length, 3);
    assert.deepEqual(two.warnings.map((warning) => warning.code), ['mllp-trailing']);
  });

  it('keeps empty fields and trailing separators as empty fields, without complaint', () => {
    const message = parsed(`${ADT}|||\rPV1|1|I||||||||`);
    assert.equal(message.segments[2]!.fields.length, 11);
    assert.equal(field(message, 'PID', 11), '');
    assert.equal(message.segments[3]!.fields.length, 10);
    assert.deepEqual(message.warnings, []);
    const [empty] = splitField('PV1', 4, '', message.separators);
    assert.equal(empty!.components[0]!.subcomponents[0]!.value.text, '');
  });

  it('skips blank lines and says so when text comes before MSH', () => {
    const message = parsed(`\n\nFHS|^~\\&\nBHS|^~\\&\n${ADT}\n\n`);
    assert.equal(message.segments[0]!.id, 'MSH');
    assert.deepEqual(message.warnings.map((warning) => warning.code), ['lines-before-msh']);
    assert.match(message.warnings[0]!.message, /2 lines before the MSH segment were left out/);
  });

  it('flags a line that is not a segment, keeps it, and carries on', () => {
    const message = parsed(`${ADT}\rthis line was wrapped|by an email client\rPV1|1|I`);
    assert.deepEqual(message.segments.map((segment) => segment.validId), [true, true, true, false, true]);
    assert.equal(message.warnings[0]!.code, 'bad-segment-id');
    assert.equal(message.warnings[0]!.line, 4);
    assert.match(message.warnings[0]!.message, /Line 4 starts "this line wa"/);
  });

  it('shows only the first message when a second MSH follows', () => {
    const message = parsed(`${ADT}\r${ADT}`);
    assert.equal(message.segments.length, 3);
    assert.deepEqual(message.warnings.map((warning) => warning.code), ['second-message']);
  });

  it('warns about an empty MSH-9, MSH-10 or MSH-12, or a type without its event', () => {
    const codes = (text: string) => parsed(text).warnings.map((warning) => warning.code);
    assert.deepEqual(codes('MSH|^~\\&|A|B|C|D|1||'), ['msh9-missing', 'msh10-missing', 'msh12-missing']);
    assert.deepEqual(codes('MSH|^~\\&|A|B|C|D|1||ADT|1|P|2.5.1'), ['msh9-form']);
    assert.deepEqual(codes('MSH|^~\\&|A|B|C|D|1||ACK|1|P|2.5.1'), [], 'a bare ACK is allowed');
  });

  it('warns about control characters inside the message', () => {
    assert.deepEqual(parsed(`${ADT}\rNTE|1||bell\x07`).warnings.map((warning) => warning.code), ['control-characters']);
  });

  it('recognises the explicit null ""', () => {
    assert.equal(isExplicitNull('""'), true);
    assert.equal(isExplicitNull(''), false);
    assert.equal(isExplicitNull('"x"'), false);
  });

  it('treats empty or blank input as nothing to read, not an error', () => {
    assert.deepEqual(parseMessage(''), { ok: 'empty' });
    assert.deepEqual(parseMessage(' \r\n\t'), { ok: 'empty' });
  });
});

describe('HL7 v2 parser: input it cannot read says why', () => {
  it('no MSH at all', () => {
    const error = fail('Hello, this is an email about the interface.');
    assert.equal(error.code, 'no-msh');
    assert.match(error.message, /no line starts with MSH/);
  });

  it('recognises JSON, XML and a message whose header was not copied', () => {
    assert.match(fail('{"resourceType":"Patient"}').message, /looks like JSON/);
    assert.match(fail('<ClinicalDocument/>').message, /looks like XML/);
    assert.match(fail('PID|1||MRN1').message, /starts with a PID segment: the MSH header may be missing/);
  });

  it('MSH with nothing after it', () => {
    const error = fail('MSH');
    assert.equal(error.code, 'truncated-header');
    assert.match(error.message, /stops right after "MSH"/);
  });

  it('a field separator that is a letter, digit or space', () => {
    for (const text of ['MSHA^~\\&|', 'MSH1^~\\&', 'MSH ^~\\&']) {
      const error = fail(text);
      assert.equal(error.code, 'field-separator', text);
      assert.match(error.message, /MSH-1, the field separator/);
    }
  });

  it('encoding characters that are too few, too many, repeated, alphanumeric or the field separator', () => {
    const cases: [string, RegExp][] = [
      ['MSH||A|B', /has no characters/],
      ['MSH|^~|A|B', /only 2 characters/],
      ['MSH|^~\\&#!|A', /has 6 characters/],
      ['MSH|^~\\A|B', /letter, digit, space/],
      ['MSH|^^\\&|A', /same character twice/],
    ];
    for (const [text, pattern] of cases) {
      const error = fail(text);
      assert.equal(error.code, 'encoding-characters', text);
      assert.match(error.message, pattern, text);
    }
    const separators = readSeparators('MSH#^~#&');
    assert.ok('code' in separators);
  });

  it('a header cut off before MSH-9', () => {
    const error = fail('MSH|^~\\&|EHR|HOSP|APP|ACME|2026');
    assert.equal(error.code, 'truncated-header');
    assert.match(error.message, /stops after MSH-7/);
  });
});

describe('HL7 v2 parser: separators object', () => {
  it('names each character', () => {
    const separators = readSeparators('MSH|^~\\&|') as Separators;
    assert.deepEqual(separators, { field: '|', component: '^', repetition: '~', escape: '\\', subcomponent: '&', truncation: '' });
  });
});

describe('HL7 v2 parse results packed for the worker', () => {
  it('survive packing and unpacking unchanged, including segments with no fields and errors', async () => {
    const { packResult, unpackResult } = await import('../../src/lib/hl7v2/transfer.ts');
    for (const text of [ADT, `${ADT}\rPV1\rPV1|\rnot a segment|x|y\rNTE|1||a|b`, 'MSH#$*@!#A#B#C#D#1##ADT$A01#1#P#2.5.1\rPID#1##x', 'no header', '']) {
      const result = parseMessage(text);
      const unpacked = unpackResult(structuredClone(packResult(result)));
      const plain = (r: typeof result) =>
        r.ok === true ? { ...r.message, segments: r.message.segments.map((s) => ({ id: s.id, line: s.line, validId: s.validId, fields: s.fields })) } : r;
      assert.deepEqual(plain(unpacked), plain(result), text);
    }
  });
});
