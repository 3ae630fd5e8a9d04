import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { guideSchema } from '../../src/schemas/guide.ts';

const valid = {
  title: 'What each standard addresses',
  description: 'HL7 v2, FHIR and DICOM in one table: what each carries and what it asks of a product team.',
  section: 'Foundations',
  order: 1,
  lastReviewed: '2026-11-29',
  sources: [{ title: 'FHIR R4', url: 'https://hl7.org/fhir/R4/', publisher: 'HL7 International' }],
};

describe('guide front matter schema', () => {
  it('accepts a complete page', () => {
    assert.ok(guideSchema.safeParse(valid).success);
  });

  for (const [field, value, pattern] of [
    ['section', undefined, /section/],
    ['order', 0, /order/],
    ['description', 'Too short.', /description/],
    ['sources', [], /sources/],
    ['lastReviewed', 'not a date', /lastReviewed/],
  ] as const) {
    it(`rejects a bad ${field} and names it`, () => {
      const result = guideSchema.safeParse({ ...valid, [field]: value });
      assert.equal(result.success, false);
      assert.match(JSON.stringify(result.error?.issues.map((issue) => issue.path)), pattern);
    });
  }

  it('rejects plain-http source links and unknown keys', () => {
    const http = guideSchema.safeParse({ ...valid, sources: [{ ...valid.sources[0], url: 'http://hl7.org/' }] });
    assert.equal(http.success, false);
    assert.equal(guideSchema.safeParse({ ...valid, sectoin: 'typo' }).success, false);
  });
});

describe('a build with bad front matter', () => {
  it('fails and names the file and the field', () => {
    const root = fileURLToPath(new URL('../fixtures/bad-frontmatter/', import.meta.url));
    const astro = fileURLToPath(new URL('../../node_modules/astro/astro.js', import.meta.url));
    const run = spawnSync(process.execPath, [astro, 'sync', '--root', root], {
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      timeout: 60_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    assert.notEqual(run.status, 0, 'astro sync should fail');
    assert.match(output, /content\/guide\/missing-section\.mdx/);
    assert.match(output, /section/i);
    assert.match(output, /Required/);
  });
});
