import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { makeLargeMessage, timeParse } from '../../src/lib/hl7v2/bench.ts';
import { compactDictionary, fieldInfo, isZSegment, type SourceDefinition } from '../../src/lib/hl7v2/dictionary.ts';
import { parseMessage } from '../../src/lib/hl7v2/parse.ts';
import type { ParsedMessage } from '../../src/lib/hl7v2/types.ts';
import { hl7MessageProblems } from '../content/hl7.ts';

const FOLDER = new URL('../../content/examples/hl7v2/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('samples.json', FOLDER), 'utf8')) as { file: string; label: string; summary: string }[];
const files = readdirSync(FOLDER).filter((file) => file.endsWith('.hl7'));
const dictionary = compactDictionary('2.5.1', createRequire(import.meta.url)('hl7-dictionary/lib/2.5.1/index.js') as SourceDefinition);

function sample(file: string): ParsedMessage {
  const result = parseMessage(readFileSync(new URL(file, FOLDER), 'utf8'));
  if (result.ok !== true) assert.fail(`${file} did not parse`);
  return result.message;
}

describe('HL7 v2 explorer samples', () => {
  it('are listed once each in samples.json, with a label and a summary', () => {
    assert.deepEqual(index.map((entry) => entry.file).sort(), [...files].sort());
    for (const entry of index) {
      assert.ok(entry.label.length > 3 && entry.summary.length > 20, entry.file);
    }
  });

  it('cover ADT^A01, ADT^A08, ORU^R01, OML^O21, SIU^S12, an ACK and a Z-segment', () => {
    const types = files.map((file) => {
      const { messageType } = sample(file);
      return `${messageType.code}^${messageType.event}`;
    });
    for (const wanted of ['ADT^A01', 'ADT^A08', 'ORU^R01', 'OML^O21', 'SIU^S12']) assert.ok(types.includes(wanted), wanted);
    assert.ok(types.some((type) => type.startsWith('ACK^')));
    assert.ok(files.some((file) => sample(file).segments.some((segment) => isZSegment(segment.id))));
  });

  for (const file of files) {
    it(`${file} is valid v2.5.1: strict hl7v2 parse, header filled, every segment and field known`, () => {
      assert.deepEqual(hl7MessageProblems(readFileSync(new URL(file, FOLDER), 'utf8')), []);
      const message = sample(file);
      assert.equal(message.version, '2.5.1');
      assert.deepEqual(message.warnings, []);
      for (const segment of message.segments) {
        if (isZSegment(segment.id)) continue;
        assert.ok(dictionary.segments[segment.id], `${file}: ${segment.id} is a v2.5.1 segment`);
        segment.fields.forEach((_raw, index) => assert.equal(fieldInfo(dictionary, segment.id, index + 1).source === 'beyond-definition', false, `${file}: ${segment.id}-${index + 1} exists in v2.5.1`));
      }
    });
  }

  it('use no real people: only the site\'s synthetic names and example identifiers', () => {
    for (const file of files) {
      const text = readFileSync(new URL(file, FOLDER), 'utf8');
      assert.match(text, /EXAMPLE_/, file);
      assert.doesNotMatch(text, /\b\d{3}-\d{2}-\d{4}\b/, `${file} has no social-security-like number`);
    }
  });
});

describe('HL7 v2 parse benchmark', () => {
  it('makes a message of about 1 MB and times parsing it', () => {
    const text = makeLargeMessage();
    assert.ok(text.length >= 1_048_576 && text.length < 1_060_000, `length ${text.length}`);
    const timing = timeParse(text);
    assert.equal(timing.characters, text.length);
    assert.ok(timing.segments > 8000);
    assert.ok(timing.fields > timing.segments * 10);
    assert.ok(timing.parseMs > 0 && timing.fullMs >= timing.parseMs);
  });

  it('refuses a benchmark message that does not parse', () => {
    assert.throws(() => timeParse('not a message'), /did not parse/);
  });
});
