import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isExternal, withBase } from '../../src/lib/paths.ts';
import { slugify } from '../../src/lib/slug.ts';

describe('withBase', () => {
  it('leaves paths alone at the root base', () => {
    assert.equal(withBase('/', '/guide/'), '/guide/');
  });

  it('prefixes site-absolute paths with a sub-path base, with or without its trailing slash', () => {
    assert.equal(withBase('/interop/', '/guide/fhir/'), '/interop/guide/fhir/');
    assert.equal(withBase('/interop', '/guide/'), '/interop/guide/');
    assert.equal(withBase('/interop/', '/'), '/interop/');
  });

  it('does not prefix twice', () => {
    assert.equal(withBase('/interop/', '/interop/guide/'), '/interop/guide/');
  });

  it('leaves external, protocol-relative, relative and fragment links unchanged', () => {
    for (const href of ['https://hl7.org/fhir/', '//example.org/x', 'guide/', '#sources', 'mailto:a@b.c']) {
      assert.equal(withBase('/interop/', href), href);
    }
  });
});

describe('isExternal', () => {
  it('recognises http, https and protocol-relative links', () => {
    assert.ok(isExternal('https://dicomstandard.org/'));
    assert.ok(isExternal('HTTP://x.org'));
    assert.ok(isExternal('//cdn.example'));
    assert.ok(!isExternal('/guide/'));
    assert.ok(!isExternal('#top'));
  });
});

describe('slugify', () => {
  it('makes ids from labels', () => {
    assert.equal(slugify('Foundations'), 'foundations');
    assert.equal(slugify('HL7 v2 & FHIR: side by side'), 'hl7-v2-fhir-side-by-side');
    assert.equal(slugify('  Café  Résumé '), 'cafe-resume');
  });
});
