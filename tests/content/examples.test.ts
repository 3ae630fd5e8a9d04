// Every example on the built guide pages, checked by independent tools: HL7 v2 messages by the
// hl7v2 parser, FHIR JSON by the fhir package's R4 validator, DICOM tags against the PS3.6
// data dictionary. Run after the build: SITE_DIST=<out dir> node --import tsx --test tests/content/*.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Element } from 'hast';
import { DICTIONARY_REVISION, lookupDicomTag, pageDicomProblems } from './dicom.ts';
import { checkFhirExample } from './fhir.ts';
import { hl7MessageProblems, splitHl7Messages } from './hl7.ts';
import {
  builtPageOrSkip,
  codeBlocks,
  excerpt,
  guideSlugs,
  parsePage,
  unbuiltMessage,
  unbuiltSlugs,
  type BuiltPage,
} from './site.ts';

/** Wraps code as Astro's Prism output does: <pre data-language> with a <code> inside. */
const pre = (language: string, html: string) =>
  `<pre class="language-${language}" data-language="${language}" tabindex="0"><code class="language-${language}">${html}</code></pre>`;
/** A page whose main content is `body`. */
const page = (body: string) => parsePage(`<!doctype html><main><article data-pagefind-body>${body}</article></main>`, '/test/').main;

/** One line per problem in the page's ```hl7 blocks, naming the example and its first line. */
function hl7Problems(main: Element): { messages: number; problems: string[] } {
  let messages = 0;
  const problems: string[] = [];
  codeBlocks(main, 'hl7').forEach((block, blockIndex) => {
    const inBlock = splitHl7Messages(block);
    if (inBlock.length === 0) problems.push(`hl7 example ${blockIndex + 1} is empty`);
    inBlock.forEach((message, messageIndex) => {
      messages += 1;
      const label = `hl7 example ${blockIndex + 1}${inBlock.length > 1 ? `, message ${messageIndex + 1}` : ''}`;
      for (const problem of hl7MessageProblems(message)) {
        problems.push(`${label} (${excerpt(message.split('\n')[0] ?? '', 70)}): ${problem}`);
      }
    });
  });
  return { messages, problems };
}

/** One line per error in the page's ```json blocks that hold FHIR resources; warnings separately. */
function fhirProblems(main: Element): { resources: number; problems: string[]; warnings: string[] } {
  let resources = 0;
  const problems: string[] = [];
  const warnings: string[] = [];
  codeBlocks(main, 'json').forEach((block, index) => {
    const result = checkFhirExample(block);
    if (!result.isFhir) return;
    resources += 1;
    const type = /"resourceType"\s*:\s*"([^"]*)"/.exec(block)?.[1] ?? 'resource';
    const label = `json example ${index + 1} (${type})`;
    for (const error of result.errors) problems.push(`${label}: ${error}`);
    for (const warning of result.warnings) warnings.push(`${label}: ${warning}`);
  });
  return { resources, problems, warnings };
}

/** The failure message for a page: the page, then one indented line per offending example. */
function report(page: BuiltPage, what: string, problems: string[]): string {
  return `${page.url}: ${problems.length} ${what}:\n  ${problems.join('\n  ')}`;
}

const ORU = [
  'MSH|^~\\&amp;|<span class="token">LAB</span>|EXAMPLE_HOSP|ACME_APP|ACME|20261128143000||ORU^R01^ORU_R01|MSG000200|P|2.5.1',
  'PID|1||MRN0000123^^^EXAMPLE_HOSP^MR||Rivera^Alex||19870412|F',
  'OBX|1|NM|2345-7^Glucose [Mass/volume] in Serum or Plasma^LN||95|mg/dL^^UCUM|70-99|N|||F',
].join('\n');

describe('the HL7 v2 check', () => {
  it('accepts a well-formed message as Prism renders it (spans, &amp;)', () => {
    assert.deepEqual(hl7Problems(page(pre('hl7', ORU))), { messages: 1, problems: [] });
  });

  it('catches a missing MSH-10 and names the example', () => {
    const noControlId = ORU.replace('|MSG000200|', '||');
    const { problems } = hl7Problems(page(pre('hl7', noControlId)));
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0] ?? '', /^hl7 example 1 \(MSH\|\^~\\&\|LAB\|.*\): MSH-10 \(message control ID\) is empty$/);
  });

  it('catches a missing MSH-9 event, MSH-12 and undeclared separators', () => {
    assert.deepEqual(hl7MessageProblems('MSH|^~\\&|A|B|C|D|20261128||ORU|1|P|2.5.1'), [
      'MSH-9 (message type) is "ORU^": expected type^event such as ORU^R01',
    ]);
    assert.deepEqual(hl7MessageProblems('MSH|^~\\&|A|B|C|D|20261128||ORU^R01|1|P'), ['MSH-12 (version ID) is empty']);
    assert.match(hl7MessageProblems('MSH|A|B|C|D|20261128||ORU^R01|1|P|2.5.1').join(), /MSH-2/);
    assert.match(hl7MessageProblems('MSHX^~\\&X').join(), /MSH-1/);
  });

  it('catches a message that does not start with MSH, a bad segment ID and a value the parser rejects', () => {
    assert.match(hl7MessageProblems('PID|1||MRN0000123').join(), /not MSH/);
    assert.match(hl7MessageProblems(`${ORU.replace('&amp;', '&')}\npid|2`).join(), /line 4: segment ID "pid"/);
    assert.match(hl7MessageProblems('MSH|^~\\&|A|B|C|D|yesterday||ORU^R01|1|P|2.5.1').join(), /parser rejected it at line 1: .*MSH\.7.*"yesterday"/);
  });

  it('accepts times with a time-zone offset either side of UTC, and rejects dates not in HL7 form', () => {
    for (const time of ['20261128161500-0500', '20261128161500+0100', '202611281615', '20261128161500.1234']) {
      assert.deepEqual(hl7MessageProblems(`MSH|^~\\&|A|B|C|D|${time}||ORU^R01|1|P|2.5.1`), [], time);
    }
    for (const time of ['2026-11-28', '20261328', '20261128161500-05']) {
      assert.match(hl7MessageProblems(`MSH|^~\\&|A|B|C|D|${time}||ORU^R01|1|P|2.5.1`).join(), /MSH\.7.*not an HL7 date\/time/, time);
    }
  });

  it('honours the separators MSH declares', () => {
    assert.deepEqual(hl7MessageProblems('MSH*:~\\&*A*B*C*D*20261128**ADT:A01:ADT_A01*7*P*2.5.1\nPID*1**MRN1'), []);
  });

  it('checks each message in a block that shows a message and its acknowledgement', () => {
    const block = `${ORU.replace('&amp;', '&')}\n\nMSH|^~\\&|ACME_APP|ACME|LAB|EXAMPLE_HOSP|20261128143001||ACK^R01^ACK||P|2.5.1\nMSA|AA|MSG000200`;
    assert.equal(splitHl7Messages(block).length, 2);
    const { problems } = hl7Problems(page(pre('hl7', block.replaceAll('&', '&amp;'))));
    assert.deepEqual(problems.map((p) => p.replace(/ \(MSH.*?\):/, ':')), ['hl7 example 1, message 2: MSH-10 (message control ID) is empty']);
  });
});

const OBSERVATION = {
  resourceType: 'Observation',
  id: 'glucose-example',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma' }] },
  subject: { reference: 'Patient/example' },
  valueQuantity: { value: 95, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
};

describe('the FHIR R4 check', () => {
  it('accepts a valid Observation', () => {
    const result = checkFhirExample(JSON.stringify(OBSERVATION, null, 2));
    assert.equal(result.isFhir, true);
    assert.deepEqual(result.errors, []);
  });

  it('rejects an unknown element and names where it is', () => {
    const result = checkFhirExample(JSON.stringify({ ...OBSERVATION, flavour: 'sweet' }));
    assert.deepEqual(result.errors, ['Observation.flavour: Unexpected property']);
  });

  it('rejects a code outside a required binding, a missing required element and a wrong shape', () => {
    assert.match(checkFhirExample(JSON.stringify({ ...OBSERVATION, status: 'done' })).errors.join(), /Observation\.status: Code "done"/);
    const noStatus: Record<string, unknown> = { ...OBSERVATION };
    delete noStatus['status'];
    assert.match(checkFhirExample(JSON.stringify(noStatus)).errors.join(), /Observation\.status: Missing property/);
    assert.match(checkFhirExample(JSON.stringify({ ...OBSERVATION, identifier: { value: '1' } })).errors.join(), /not an array/);
    assert.match(checkFhirExample(JSON.stringify({ ...OBSERVATION, code: { coding: { code: 'x' } } })).errors.join(), /could not read it/);
  });

  it('checks resources inside a Bundle', () => {
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:1', resource: { ...OBSERVATION, bogus: 1 } }] };
    assert.deepEqual(checkFhirExample(JSON.stringify(bundle)).errors, ['Observation.bogus: Unexpected property']);
  });

  it('leaves plain JSON alone but rejects broken JSON and fragments that mention a resourceType', () => {
    assert.equal(checkFhirExample('{"access_token": "abc", "patient": "123"}').isFhir, false);
    assert.match(checkFhirExample('{"resourceType": "Patient",}').errors.join(), /not valid JSON/);
    assert.match(checkFhirExample('{"resource": {"resourceType": "Patient"}}').errors.join(), /not itself a resource/);
    assert.match(checkFhirExample('{"resourceType": "Pateint"}').errors.join(), /not a valid resource type/);
  });
});

describe('the DICOM tag check', () => {
  const good = page(
    pre('dicom', "(0010,0010) Patient's Name        PN  Rivera^Alex\n(0020,000D) Study Instance UID    UI  2.25.1") +
      '<table><tr><th>Tag</th><th>Name</th></tr><tr><td><code>(0008,0050)</code></td><td>Accession Number</td></tr></table>' +
      '<p>Keep the patient’s identity: Patient’s Name (0010,0010) and Patient ID (0010,0020) must match. ' +
      'Overlays such as (6000,3000) Overlay Data are rare, and (0002,0010) Transfer Syntax UID says how pixels are encoded.</p>',
  );

  it(`accepts tags with their names in the same line, row or sentence (dictionary ${DICTIONARY_REVISION})`, () => {
    assert.deepEqual(pageDicomProblems(good), { tags: 7, problems: [] });
  });

  it('rejects a wrong name in a code line and names the tag, the line and the right name', () => {
    const { problems } = pageDicomProblems(page(pre('dicom', '(0010,0010) Patient Name   PN  Rivera^Alex')));
    assert.deepEqual(problems, [
      `(0010,0010) in code line "(0010,0010) Patient Name PN Rivera^Alex": its dictionary name "Patient's Name" is not in the same code line`,
    ]);
  });

  it('rejects a name given in another sentence, another row or another cell-less row', () => {
    const otherSentence = pageDicomProblems(page('<p>The Accession Number matters. Keep (0008,0050) stable.</p>'));
    assert.match(otherSentence.problems.join(), /\(0008,0050\) in sentence "Keep \(0008,0050\) stable\.": its dictionary name "Accession Number"/);
    const otherRow = pageDicomProblems(page('<table><tr><td>Modality</td></tr><tr><td>(0008,0060)</td><td>Modaliti</td></tr></table>'));
    assert.match(otherRow.problems.join(), /\(0008,0060\) in table row .*"Modality" is not in the same table row/);
  });

  it('rejects tags that are not in the dictionary or are written in lower case', () => {
    assert.match(pageDicomProblems(page('<p>(0010,9999) Made Up Name.</p>')).problems.join(), /not a tag in the DICOM data dictionary/);
    assert.match(pageDicomProblems(page('<p>(0020,000d) Study Instance UID.</p>')).problems.join(), /upper case/);
  });

  it('knows repeating groups and the file meta group', () => {
    assert.deepEqual(lookupDicomTag('(6002,3000)'), { tag: '(60xx,3000)', name: 'Overlay Data' });
    assert.deepEqual(lookupDicomTag('(60xx,3000)'), { tag: '(60xx,3000)', name: 'Overlay Data' });
    assert.equal(lookupDicomTag('(0002,0010)')?.name, 'Transfer Syntax UID');
    assert.equal(lookupDicomTag('(0010,0010)')?.name, "Patient's Name");
    assert.equal(lookupDicomTag('(0008,0055)')?.name, 'Station AE Title');
  });
});

describe('examples on the built guide pages', () => {
  const slugs = guideSlugs();
  const totals = { hl7: 0, fhir: 0, dicom: 0 };

  it('every guide page is in the build', () => {
    assert.ok(slugs.length > 0, 'no guide pages in content/guide');
    const missing = unbuiltSlugs(slugs);
    assert.deepEqual(missing, [], unbuiltMessage(missing));
  });

  for (const slug of slugs) {
    it(`/guide/${slug}/: every HL7 v2 example is well formed`, (t) => {
      const built = builtPageOrSkip(t, slug);
      if (!built) return;
      const { messages, problems } = hl7Problems(built.main);
      totals.hl7 += messages;
      assert.deepEqual(problems, [], report(built, 'HL7 v2 problem(s)', problems));
    });

    it(`/guide/${slug}/: every FHIR JSON example is valid FHIR R4`, (t) => {
      const built = builtPageOrSkip(t, slug);
      if (!built) return;
      const { resources, problems, warnings } = fhirProblems(built.main);
      totals.fhir += resources;
      for (const warning of warnings) t.diagnostic(`${built.url}: warning: ${warning}`);
      assert.deepEqual(problems, [], report(built, 'FHIR R4 error(s)', problems));
    });

    it(`/guide/${slug}/: every DICOM tag has its exact dictionary name beside it`, (t) => {
      const built = builtPageOrSkip(t, slug);
      if (!built) return;
      const { tags, problems } = pageDicomProblems(built.main);
      totals.dicom += tags;
      assert.deepEqual(problems, [], report(built, 'DICOM tag problem(s)', problems));
    });
  }

  // Guards the extraction itself: if the build stopped marking code blocks the way these tests
  // read them, every page above would pass with nothing checked.
  it('found HL7 v2, FHIR and DICOM examples to check', () => {
    assert.ok(totals.hl7 > 0, `no HL7 v2 message found in any <pre data-language="hl7"> on ${slugs.length} built pages`);
    assert.ok(totals.fhir > 0, `no FHIR resource found in any <pre data-language="json"> on ${slugs.length} built pages`);
    assert.ok(totals.dicom > 0, `no DICOM tag found on ${slugs.length} built pages`);
  });
});
