import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeHex, unescapeValue } from '../../src/lib/hl7v2/escape.ts';
import type { Separators } from '../../src/lib/hl7v2/types.ts';

const DEFAULT: Separators = { field: '|', component: '^', repetition: '~', escape: '\\', subcomponent: '&', truncation: '' };
const CUSTOM: Separators = { field: '#', component: '$', repetition: '*', escape: '@', subcomponent: '!', truncation: '' };
const text = (raw: string, separators = DEFAULT) => unescapeValue(raw, separators).text;

describe('HL7 v2 escape sequences', () => {
  it('restores the five separators from \\F\\ \\S\\ \\T\\ \\R\\ \\E\\', () => {
    assert.equal(text('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f'), 'a|b^c&d~e\\f');
    const value = unescapeValue('x\\T\\y', DEFAULT);
    assert.equal(value.escaped, true);
    assert.deepEqual(value.parts, [{ kind: 'text', text: 'x' }, { kind: 'separator', code: 'T', text: '&' }, { kind: 'text', text: 'y' }]);
  });

  it('uses the escape character and separators the message declared', () => {
    assert.equal(text('a@F@b@S@c@T@d@R@e@E@f\\F\\', CUSTOM), 'a#b$c!d*e@f\\F\\');
  });

  it('restores the truncation character with \\P\\ only when one is declared', () => {
    assert.equal(text('a\\P\\b', { ...DEFAULT, truncation: '#' }), 'a#b');
    const undeclared = unescapeValue('a\\P\\b', DEFAULT);
    assert.equal(undeclared.text, 'a\\P\\b');
    assert.equal(undeclared.problems.length, 1);
  });

  it('decodes \\X..\\ hexadecimal data as UTF-8, or ISO 8859-1 when it is not UTF-8', () => {
    assert.equal(text('A\\X0D0A\\B'), 'A\r\nB');
    assert.equal(text('caf\\XC3A9\\'), 'café');
    assert.equal(text('caf\\XE9\\'), 'café');
    assert.equal(decodeHex('4'), undefined);
    assert.equal(decodeHex('ZZ'), undefined);
    assert.equal(decodeHex(''), undefined);
  });

  it('keeps malformed hex as written and says why', () => {
    const value = unescapeValue('\\X4\\', DEFAULT);
    assert.equal(value.text, '\\X4\\');
    assert.match(value.problems[0]!, /not valid hexadecimal data/);
  });

  it('turns \\.br\\ (and \\.sp\\) into a line break and marks other formatting commands', () => {
    const value = unescapeValue('one\\.br\\two\\H\\bold\\N\\\\.sp 2\\\\.in +4\\\\.ce\\x', DEFAULT);
    assert.equal(value.text, 'one\ntwobold\nx');
    assert.deepEqual(
      value.parts.filter((part) => part.kind === 'format').map((part) => part.kind === 'format' && part.code),
      ['H', 'N', '.sp 2', '.in +4', '.ce'],
    );
    assert.equal(value.parts.filter((part) => part.kind === 'break').length, 1);
  });

  it('marks character-set and locally defined escapes without changing the text', () => {
    const value = unescapeValue('\\C2842\\abc\\M2442\\\\Z99\\', DEFAULT);
    assert.equal(value.text, 'abc');
    assert.deepEqual(
      value.parts.map((part) => part.kind),
      ['other', 'text', 'other', 'other'],
    );
  });

  it('keeps an unknown escape and an unclosed escape as written, and explains each', () => {
    const unknown = unescapeValue('a\\Q\\b', DEFAULT);
    assert.equal(unknown.text, 'a\\Q\\b');
    assert.match(unknown.problems[0]!, /not an HL7 escape sequence/);
    const unclosed = unescapeValue('C:\\temp', DEFAULT);
    assert.equal(unclosed.text, 'C:\\temp');
    assert.match(unclosed.problems[0]!, /never closed/);
  });

  it('leaves plain text alone', () => {
    const value = unescapeValue('Plain text 123', DEFAULT);
    assert.deepEqual(value, { text: 'Plain text 123', parts: [{ kind: 'text', text: 'Plain text 123' }], problems: [], escaped: false });
    assert.deepEqual(unescapeValue('', DEFAULT).parts, []);
  });
});
