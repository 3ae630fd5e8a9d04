import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countWords, readingMinutes } from '../../src/lib/reading-time.ts';

describe('countWords', () => {
  it('counts prose words', () => {
    assert.equal(countWords('HL7 v2 carries events between systems.'), 6);
  });

  it('ignores code blocks, imports, HTML tags and link targets', () => {
    const body = [
      "import Term from '../../src/components/Term.astro';",
      '',
      'Read the [FHIR specification](https://hl7.org/fhir/R4/index.html) first.',
      '',
      '```text',
      'MSH|^~\\&|LAB|HOSP|APP|CLINIC|20261129||ORU^R01^ORU_R01|1|P|2.5.1',
      '```',
      '',
      '<details><summary>Why?</summary>Because.</details>',
    ].join('\n');
    assert.equal(countWords(body), 7);
  });

  it('counts words in tables', () => {
    assert.equal(countWords('| Standard | Role |\n| --- | --- |\n| DICOM | Images and metadata |'), 6);
  });

  it('is zero for an empty body', () => {
    assert.equal(countWords(''), 0);
  });
});

describe('readingMinutes', () => {
  it('rounds to whole minutes at 200 words a minute, never below one', () => {
    assert.equal(readingMinutes(0), 1);
    assert.equal(readingMinutes(90), 1);
    assert.equal(readingMinutes(1400), 7);
    assert.equal(readingMinutes(1500), 8);
  });
});
