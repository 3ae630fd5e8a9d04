import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { glossaryProblems, groupByLetter, letterOf, searchAliases, sortEntries, type GlossaryEntryLike } from '../../src/lib/glossary.ts';

const entry = (id: string, term: string, related: string[] = [], aliases: string[] = [], expansion?: string): GlossaryEntryLike => ({
  id,
  data: { term, expansion, aliases, family: 'DICOM', related },
});

describe('glossary checks', () => {
  it('passes a consistent glossary', () => {
    assert.deepEqual(glossaryProblems([entry('c-store', 'C-STORE', ['pacs']), entry('pacs', 'PACS', ['c-store'])]), []);
  });

  it('names the file, the term and the problem', () => {
    const problems = glossaryProblems([
      entry('cstore', 'C-STORE', ['pacs']),
      entry('mllp', 'MLLP', ['ack', 'mllp']),
      entry('mllp-2', 'mllp', ['mllp']),
    ]);
    assert.deepEqual(problems, [
      'content/glossary/cstore.yaml: the term "C-STORE" needs the file name c-store.yaml',
      'content/glossary/cstore.yaml: related term "pacs" does not exist',
      'content/glossary/mllp.yaml: related term "ack" does not exist',
      'content/glossary/mllp.yaml: lists itself as related',
      'content/glossary/mllp-2.yaml: the term "mllp" needs the file name mllp.yaml',
      'content/glossary/mllp-2.yaml: "mllp" is already defined in mllp.yaml',
    ]);
  });
});

describe('glossary listing', () => {
  it('sorts without regard to case or leading symbols and groups A to Z, digits first', () => {
    const entries = [entry('xds-b', 'XDS.b'), entry('everything', '$everything'), entry('include', '_include'), entry('ack', 'ACK'), entry('3d', '3D')];
    assert.deepEqual(sortEntries(entries).map((e) => e.id), ['3d', 'ack', 'everything', 'include', 'xds-b']);
    assert.deepEqual(groupByLetter(entries).map((g) => g.letter), ['0–9', 'A', 'E', 'I', 'X']);
    assert.equal(letterOf('Évaluation'), 'E');
  });

  it('offers spaced and joined spellings and the expansion for search', () => {
    const aliases = searchAliases(entry('c-store', 'C-STORE', [], ['DICOM store'], 'Composite Store').data);
    for (const alias of ['C STORE', 'CSTORE', 'DICOM store', 'DICOMstore', 'Composite Store']) assert.ok(aliases.includes(alias), alias);
    assert.ok(!aliases.includes('C-STORE'));
  });
});

describe('glossary stylesheet', () => {
  it('has a filter rule for every family', async () => {
    const { readFileSync } = await import('node:fs');
    const { GLOSSARY_FAMILIES } = await import('../../src/schemas/glossary.ts');
    const { slugify } = await import('../../src/lib/slug.ts');
    const css = readFileSync(new URL('../../src/styles/glossary.css', import.meta.url), 'utf8');
    for (const family of GLOSSARY_FAMILIES) {
      const slug = slugify(family);
      assert.ok(css.includes(`#family-${slug}:checked) .glossary-entry:not([data-family='${slug}'])`), family);
      assert.ok(css.includes(`#family-${slug}:checked) .letter-group:not([data-families~='${slug}'])`), family);
    }
  });
});
