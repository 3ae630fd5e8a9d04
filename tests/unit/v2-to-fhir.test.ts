import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parsePath, printResource, valueAt, PathError, type Resource } from '../../src/lib/v2-to-fhir/fhir-json.ts';
import {
  fieldsOf,
  findHl7Example,
  locate,
  LocateError,
  parsePosition,
  segmentsOf,
  separatorsOf,
  tokenizeSegment,
  unescapeText,
} from '../../src/lib/v2-to-fhir/locate.ts';
import {
  checkRow,
  exampleProblems,
  expectedFhirValue,
  MappingError,
  pairingLabel,
  pairingStatus,
  translate,
  v2DateTimeToFhir,
  v2DateToFhir,
  type MappingExample,
} from '../../src/lib/v2-to-fhir/mapping.ts';
import { exampleMessage, ORU_EXAMPLE } from '../../src/lib/v2-to-fhir/example.ts';

const require = createRequire(import.meta.url);
const { Fhir, ParseConformance, Versions } = require('fhir') as typeof import('fhir');

const guide = (slug: string) => readFileSync(new URL(`../../content/guide/${slug}.mdx`, import.meta.url), 'utf8');
const MESSAGE = exampleMessage(guide(ORU_EXAMPLE.guidePage));
const SEPARATORS = separatorsOf(MESSAGE);

describe('the example message', () => {
  it('is the ORU^R01 from the guide page, the same message as on HL7 v2 in practice', () => {
    assert.match(locate(MESSAGE, 'MSH-9'), /^ORU\^R01/);
    assert.equal(findHl7Example(guide('hl7-v2-in-practice'), 'ORU^R01'), MESSAGE);
  });

  it('is reported missing, with the page named, when the guide loses it', () => {
    assert.throws(() => exampleMessage('No message here.\n```hl7\nMSH|^~\\&|A|B|C|D|20261128||ADT^A01|1|P|2.5.1\n```\n'), /hl7-v2-versus-fhir\.mdx has no/);
  });
});

describe('the field locator', () => {
  it('finds fields, components and subcomponents by position', () => {
    assert.equal(locate(MESSAGE, 'PID-5'), 'Rivera^Alex^Marie^^^^L');
    assert.equal(locate(MESSAGE, 'PID-5.1'), 'Rivera');
    assert.equal(locate(MESSAGE, 'PID-3.4.2'), '2.16.840.1.113883.19.5');
    assert.equal(locate(MESSAGE, 'OBX-6.3'), 'UCUM');
    assert.equal(locate(MESSAGE, 'PID'), 'PID');
  });

  it('numbers MSH fields the HL7 way: the field separator is MSH-1', () => {
    assert.equal(locate(MESSAGE, 'MSH-1'), '|');
    assert.equal(locate(MESSAGE, 'MSH-2'), '^~\\&');
    assert.equal(locate(MESSAGE, 'MSH-3'), 'EXAMPLE_LIS');
    assert.equal(locate(MESSAGE, 'MSH-10'), 'LAB000456');
    assert.deepEqual(fieldsOf('MSH|^~\\&|A', SEPARATORS), ['MSH', '|', '^~\\&', 'A']);
  });

  it('returns an empty string for an absent field or component, and the first repetition of a repeating field', () => {
    assert.equal(locate(MESSAGE, 'PID-99'), '');
    assert.equal(locate(MESSAGE, 'PID-5.20'), '');
    assert.equal(locate('MSH|^~\\&|A\rPID|1||X~Y', 'PID-3'), 'X');
  });

  it('honours the separators the message declares', () => {
    const message = 'MSH#*!$%#APP\nPID#1##ID1*^*AUTH%OID';
    assert.equal(separatorsOf(message).component, '*');
    assert.equal(locate(message, 'PID-3.1'), 'ID1');
    assert.equal(locate(message, 'PID-3.3.2'), 'OID');
  });

  it('rejects malformed positions, missing segments and messages without a usable MSH', () => {
    assert.throws(() => parsePosition('pid-5'), LocateError);
    assert.throws(() => parsePosition('PID-0'), /start at 1/);
    assert.throws(() => parsePosition('PID-5.0'), /start at 1/);
    assert.throws(() => parsePosition('PID-5.1.0'), /start at 1/);
    assert.throws(() => locate(MESSAGE, 'ZZZ-1'), /no ZZZ segment/);
    assert.throws(() => locate('PID|1', 'PID-1'), /does not start with an MSH/);
    assert.throws(() => locate('MSHA^~\\&|X', 'MSH-3'), /do not declare the separators/);
    assert.throws(() => locate('MSH|^~|X', 'MSH-3'), /do not declare the separators/);
  });

  it('unescapes the standard escape sequences and leaves unknown ones alone', () => {
    assert.equal(unescapeText('Repeat \\T\\ HbA1c \\F\\ \\S\\ \\R\\ \\E\\', SEPARATORS), 'Repeat & HbA1c | ^ ~ \\');
    assert.equal(unescapeText('odd \\Q\\ and \\T', SEPARATORS), 'odd \\Q\\ and \\T');
  });

  it('splits segments into tokens that join back to the segment and mark every mapped position', () => {
    const mapped = new Set(ORU_EXAMPLE.mappings.map((row) => row.v2));
    const marked = new Set<string>();
    for (const segment of segmentsOf(MESSAGE)) {
      const tokens = tokenizeSegment(segment, SEPARATORS, mapped);
      assert.equal(tokens.map((token) => token.text).join(''), segment);
      for (const token of tokens) if (token.position && mapped.has(token.position)) marked.add(token.position);
    }
    assert.deepEqual([...mapped].filter((position) => !marked.has(position)), []);
  });

  it('keeps later repetitions as plain text', () => {
    const tokens = tokenizeSegment('PID|1||A^B~C^D', SEPARATORS, new Set(['PID-3.1']));
    assert.equal(tokens.map((token) => token.text).join(''), 'PID|1||A^B~C^D');
    assert.deepEqual(
      tokens.filter((token) => token.position?.startsWith('PID-3')).map((token) => [token.position, token.text]),
      [
        ['PID-3.1', 'A'],
        ['PID-3.2', 'B'],
      ],
    );
  });
});

describe('FHIR paths and printing', () => {
  const resources = ORU_EXAMPLE.resources;

  it('reads values by path', () => {
    assert.equal(valueAt(resources, 'Patient.name[0].given[1]'), 'Marie');
    assert.equal(valueAt(resources, 'Observation.valueQuantity.value'), 142);
    assert.equal(valueAt(resources, 'Patient.name[3].family'), undefined);
    assert.equal(valueAt(resources, 'Patient.gender.coding'), undefined);
  });

  it('rejects paths it cannot read', () => {
    assert.throws(() => parsePath('name.family'), PathError);
    assert.throws(() => parsePath('Patient.name[x]'), /not an element name/);
    assert.throws(() => valueAt(resources, 'Encounter.status'), /no Encounter resource/);
  });

  it('prints exactly what JSON.stringify prints, with a path on every leaf and on every object key', () => {
    for (const resource of resources) {
      const lines = printResource(resource);
      const text = lines.map((line) => '  '.repeat(line.depth) + line.tokens.map((token) => token.text).join('')).join('\n');
      assert.equal(text, JSON.stringify(resource, null, 2));
    }
    const patient = printResource(resources[0]!).flatMap((line) => line.tokens);
    assert.ok(patient.some((token) => token.path === 'Patient.name[0].family' && token.text === '"Rivera"'));
    assert.ok(patient.some((token) => token.path === 'Patient.name' && token.kind === 'key'));
    const empty: Resource = { resourceType: 'Basic', extension: [], meta: {} };
    assert.match(
      printResource(empty)
        .map((line) => line.tokens.map((token) => token.text).join(''))
        .join('\n'),
      /"extension": \[\],\n"meta": \{\}/,
    );
  });
});

describe('the mapping data', () => {
  it('is well formed: known maps and transforms, one row per position and per path', () => {
    assert.deepEqual(exampleProblems(ORU_EXAMPLE), []);
  });

  it('holds, at every FHIR path, the value the message has at the paired v2 position', () => {
    const failures = ORU_EXAMPLE.mappings.map((row) => checkRow(ORU_EXAMPLE, MESSAGE, row)).filter((check) => !check.ok);
    assert.deepEqual(
      failures.map((check) => check.problem),
      [],
    );
    assert.ok(ORU_EXAMPLE.mappings.length >= 30);
  });

  it('covers Patient, DiagnosticReport and Observation', () => {
    const types = new Set(ORU_EXAMPLE.mappings.map((row) => row.fhir.split('.')[0]));
    assert.deepEqual([...types].sort(), ['DiagnosticReport', 'Observation', 'Patient']);
  });

  it('catches a resource that disagrees with the message', () => {
    const broken: MappingExample = structuredClone(ORU_EXAMPLE);
    const patient = broken.resources.find((resource) => resource.resourceType === 'Patient')!;
    patient['gender'] = 'male';
    const row = broken.mappings.find((candidate) => candidate.v2 === 'PID-8')!;
    const check = checkRow(broken, MESSAGE, row);
    assert.equal(check.ok, false);
    assert.match(check.problem ?? '', /PID-8 "F" should give "female" at Patient.gender, which holds "male"/);
    const missing = checkRow(broken, MESSAGE, { ...row, fhir: 'Patient.name[0].prefix[0]', transform: 'text' });
    assert.match(missing.problem ?? '', /which holds nothing/);
  });

  it('reports broken rows in plain sentences', () => {
    const broken: MappingExample = structuredClone(ORU_EXAMPLE);
    broken.mappings.push(
      { ...broken.mappings[3]!, fhir: 'Patient.other' },
      { v2: 'pid', name: '', fhir: 'Patient.x', transform: 'shout' as never, map: 'nowhere', note: '' },
      { v2: 'OBX-99', name: 'n', fhir: 'Observation.y', transform: 'vocabulary:colours' as never, map: 'obx', note: 'n' },
    );
    const problems = exampleProblems(broken);
    assert.ok(problems.some((p) => /PID-5\.1: the position appears twice/.test(p)));
    assert.ok(problems.some((p) => /is not a position/.test(p)));
    assert.ok(problems.some((p) => /unknown transform "shout"/.test(p)));
    assert.ok(problems.some((p) => /unknown map "nowhere"/.test(p)));
    assert.ok(problems.some((p) => /needs a name and a note/.test(p)));
    assert.ok(problems.some((p) => /unknown vocabulary "colours"/.test(p)));
    assert.deepEqual(exampleProblems({ ...broken, resources: [], mappings: [] }), ['the example has no resources', 'the example has no mapping rows']);
    const dup: MappingExample = structuredClone(ORU_EXAMPLE);
    dup.mappings.push({ ...dup.mappings[3]!, v2: 'PID-9' });
    assert.ok(exampleProblems(dup).some((p) => /Patient\.name\[0\]\.family appears twice/.test(p)));
  });

  it('explains transforms that cannot run', () => {
    const row = ORU_EXAMPLE.mappings[0]!;
    assert.throws(() => expectedFhirValue(ORU_EXAMPLE, MESSAGE, { ...row, v2: 'PID-5.1', transform: 'number' }), /"Rivera", not a number/);
    assert.throws(() => expectedFhirValue(ORU_EXAMPLE, MESSAGE, { ...row, v2: 'PID-5.1', transform: 'codingSystem' }), /no URI is recorded/);
    assert.throws(() => expectedFhirValue(ORU_EXAMPLE, MESSAGE, { ...row, transform: 'reference:Encounter' }), /no Encounter resource/);
    assert.throws(() => translate('administrativeSex', 'Q'), MappingError);
    const check = checkRow(ORU_EXAMPLE, MESSAGE, { ...row, v2: 'ZZZ-1' });
    assert.equal(check.ok, false);
    assert.match(check.problem ?? '', /no ZZZ segment/);
  });

  it('converts v2 dates and date/times to FHIR, refusing a time without a zone', () => {
    assert.equal(v2DateToFhir('19870412'), '1987-04-12');
    assert.equal(v2DateToFhir('1987'), '1987');
    assert.throws(() => v2DateToFhir('198704121200'), /not an HL7 v2 date/);
    assert.equal(v2DateTimeToFhir('20261128150000-0500'), '2026-11-28T15:00:00-05:00');
    assert.equal(v2DateTimeToFhir('202611281500+0100'), '2026-11-28T15:00:00+01:00');
    assert.equal(v2DateTimeToFhir('20261128150000.25+0000'), '2026-11-28T15:00:00.25+00:00');
    assert.equal(v2DateTimeToFhir('20261128'), '2026-11-28');
    assert.throws(() => v2DateTimeToFhir('20261128150000'), /no UTC offset/);
    assert.throws(() => v2DateTimeToFhir('2026112815-0500'), /no full date and minutes/);
    assert.throws(() => v2DateTimeToFhir('28/11/2026'), /not an HL7 v2 date\/time/);
  });

  it('describes a pairing for the live region', () => {
    const row = ORU_EXAMPLE.mappings.find((candidate) => candidate.v2 === 'PID-5.1')!;
    assert.equal(pairingLabel(row), 'PID-5.1 Patient Name: Family Name (XPN.1) → Patient.name[0].family');
    assert.match(pairingStatus(row, 'Rivera', 'Rivera'), /→ Patient\.name\[0\]\.family\. The v2 value "Rivera" becomes "Rivera"\./);
    assert.match(pairingStatus(row, 'NM', { value: 1 }), /selects this element/);
    assert.match(pairingStatus(undefined, '', undefined), /Nothing selected/);
  });
});

describe('the FHIR resources', () => {
  it('validate as FHIR R4 (fhir 4.12.0), unknown elements counted as errors', () => {
    const validator = new Fhir(new ParseConformance(true, Versions.R4));
    for (const resource of ORU_EXAMPLE.resources) {
      const result = validator.validate(resource, { errorOnUnexpected: true });
      const errors = result.messages.filter((m) => m.severity === 'error' || m.severity === 'fatal');
      assert.deepEqual(errors, [], `${resource.resourceType}: ${JSON.stringify(errors)}`);
      assert.equal(result.valid, true, resource.resourceType);
    }
  });

  it('make the validator fail on a broken resource, so the check above can fail', () => {
    const validator = new Fhir(new ParseConformance(true, Versions.R4));
    const broken = { ...structuredClone(ORU_EXAMPLE.resources[2]!), valueBanana: 1 };
    assert.equal(validator.validate(broken, { errorOnUnexpected: true }).valid, false);
  });
});
