// The explorer's samples must be valid FHIR R4 according to an independent validator
// (the `fhir` package, with unknown elements as errors), and must be synthetic.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkFhirExample } from '../content/fhir.ts';

const folder = 'content/examples/fhir';
const files = readdirSync(folder).filter((file) => file.endsWith('.json'));

describe('FHIR explorer samples', () => {
  it('are the four the explorer offers', () => {
    assert.deepEqual(files.sort(), ['diagnostic-report.json', 'observation.json', 'patient.json', 'search-bundle.json']);
  });

  for (const file of files) {
    it(`${file} is valid FHIR R4 (fhir 4.12.0 validator)`, () => {
      const result = checkFhirExample(readFileSync(`${folder}/${file}`, 'utf8'));
      assert.equal(result.isFhir, true);
      assert.deepEqual(result.errors, []);
    });

    it(`${file} uses only example domains and the fictional patient`, () => {
      const text = readFileSync(`${folder}/${file}`, 'utf8');
      const hosts = [...text.matchAll(/https?:\/\/([^/"|?&]+)/g)].map((match) => match[1]);
      const allowed = /(^|\.)example\.(org|com)$|^hl7\.org$|^terminology\.hl7\.org$|^loinc\.org$|^unitsofmeasure\.org$|^www\.w3\.org$/;
      assert.deepEqual(hosts.filter((host) => !allowed.test(host ?? '')), []);
      for (const family of text.matchAll(/"family": "([^"]+)"/g)) assert.equal(family[1], 'Rivera');
    });
  }

  it('include a searchset Bundle with a total, links and entries in both search modes', () => {
    const bundle = JSON.parse(readFileSync(`${folder}/search-bundle.json`, 'utf8'));
    assert.equal(bundle.type, 'searchset');
    assert.equal(typeof bundle.total, 'number');
    assert.deepEqual(bundle.link.map((link: { relation: string }) => link.relation), ['self', 'next']);
    assert.deepEqual(bundle.entry.map((entry: { search: { mode: string } }) => entry.search.mode), ['match', 'include']);
  });

  it('the validator used here does reject a broken sample (so the checks above can fail)', () => {
    const broken = readFileSync(`${folder}/patient.json`, 'utf8').replace('"gender": "female"', '"gender": "female", "flavour": "x"');
    assert.deepEqual(checkFhirExample(broken).errors, ['Patient.flavour: Unexpected property']);
  });
});
