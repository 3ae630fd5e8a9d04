import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseExcerpt } from '../../src/lib/search-excerpt.ts';
import { searchStatus } from '../../src/lib/search-status.ts';
import { isEditableTarget, isSearchShortcut } from '../../src/lib/shortcuts.ts';

describe('parseExcerpt', () => {
  it('splits Pagefind excerpts into plain and matched text', () => {
    assert.deepEqual(parseExcerpt('Images travel as <mark>DICOM</mark> objects'), [
      { text: 'Images travel as ', match: false },
      { text: 'DICOM', match: true },
      { text: ' objects', match: false },
    ]);
  });

  it('decodes entities into text instead of markup', () => {
    const parts = parseExcerpt('&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>MSH</mark>|^~\\&amp;');
    assert.equal(parts.map((p) => p.text).join(''), '<script>alert(1)</script> & MSH|^~\\&');
    assert.equal(parts.filter((p) => p.match).length, 1);
  });

  it('drops any tag other than mark', () => {
    assert.deepEqual(parseExcerpt('<b>bold</b> <img src=x onerror=alert(1)>text'), [{ text: 'bold text', match: false }]);
  });

  it('decodes numeric entities', () => {
    assert.equal(parseExcerpt('caf&#233; &#x2014; ok')[0]?.text, 'café — ok');
  });

  it('returns nothing for an empty excerpt', () => {
    assert.deepEqual(parseExcerpt(''), []);
  });
});

describe('searchStatus', () => {
  it('counts results with singular and plural forms', () => {
    assert.equal(searchStatus('done', 'dicom', 1), '1 result for “dicom”.');
    assert.equal(searchStatus('done', 'dicom', 4), '4 results for “dicom”.');
  });

  it('names the filter and suggests a next step when nothing matches', () => {
    assert.match(searchStatus('done', 'zzz', 0, 'Glossary'), /^No results for “zzz” in Glossary\. Try/);
  });

  it('tells authors in dev mode that search needs a build', () => {
    assert.match(searchStatus('build-needed', 'x', 0), /npm start/);
  });
});

describe('search shortcuts', () => {
  const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });

  it('opens on Ctrl+K and Cmd+K, even while typing', () => {
    assert.ok(isSearchShortcut(key('k', { ctrlKey: true }), false));
    assert.ok(isSearchShortcut(key('K', { metaKey: true }), true));
  });

  it('opens on "/" only outside text fields', () => {
    assert.ok(isSearchShortcut(key('/'), false));
    assert.ok(!isSearchShortcut(key('/'), true));
  });

  it('ignores other combinations and handled events', () => {
    assert.ok(!isSearchShortcut(key('k'), false));
    assert.ok(!isSearchShortcut(key('k', { ctrlKey: true, shiftKey: true }), false));
    assert.ok(!isSearchShortcut({ ...key('/'), defaultPrevented: true }, false));
  });

  it('treats text inputs, textareas, selects and contenteditable as editable', () => {
    const el = (tagName: string, type?: string, isContentEditable = false) => ({
      tagName,
      isContentEditable,
      getAttribute: (name: string) => (name === 'type' ? (type ?? null) : null),
    });
    assert.ok(isEditableTarget(el('INPUT')));
    assert.ok(isEditableTarget(el('input', 'search')));
    assert.ok(!isEditableTarget(el('INPUT', 'checkbox')));
    assert.ok(isEditableTarget(el('TEXTAREA')));
    assert.ok(isEditableTarget(el('DIV', undefined, true)));
    assert.ok(!isEditableTarget(el('BUTTON')));
    assert.ok(!isEditableTarget(null));
  });
});
