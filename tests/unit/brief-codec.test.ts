import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeBackup, decodeStoredBrief, encodeBackup, encodeStoredBrief } from '../../src/lib/brief/codec.ts';
import { createBrief } from '../../src/lib/brief/model.ts';

const brief = createBrief('brief-1', 1000, { title: 'ADT feed', workflow: 'line 1\nline 2' });

describe('stored briefs', () => {
  it('round-trip through storage', () => {
    const result = decodeStoredBrief(encodeStoredBrief(brief));
    assert.ok(result.ok);
    if (result.ok) assert.deepEqual(result.value, brief);
  });

  it('report corrupted or unknown data instead of throwing', () => {
    for (const [raw, reason] of [
      ['{"format":1,"brief":', /not valid JSON/],
      ['[1,2]', /not an object/],
      ['"text"', /not an object/],
      ['{"format":7,"brief":{}}', /format 7/],
      ['{"format":1,"brief":{"id":"x"}}', /no answers/],
      ['{"format":1,"brief":{"id":"../../etc","answers":{}}}', /no valid id/],
    ] as const) {
      const result = decodeStoredBrief(raw);
      assert.equal(result.ok, false, raw);
      if (!result.ok) assert.match(result.error, reason);
    }
  });

  it('migrate a brief saved without the format wrapper or timestamps, with a note', () => {
    const result = decodeStoredBrief(JSON.stringify({ id: 'old', answers: { title: 'Old one', colour: 'blue', workflow: 3 } }));
    assert.ok(result.ok);
    if (!result.ok) return;
    assert.equal(result.value.answers['title']?.value, 'Old one');
    assert.equal(result.value.answers['colour'], undefined);
    assert.deepEqual(result.notes, ['moved from the earlier storage format', 'dropped an unknown field "colour"', 'dropped an unreadable answer for "workflow"']);
  });
});

describe('JSON backups', () => {
  it('restore every brief exactly', () => {
    const other = createBrief('brief-2', 2000, { title: 'Orders' });
    const result = decodeBackup(encodeBackup([brief, other], new Date('2026-11-29T00:00:00Z')));
    assert.ok(result.ok);
    if (result.ok) assert.deepEqual(result.value, [brief, other]);
  });

  it('refuse other files with a clear message', () => {
    for (const [text, reason] of [
      ['not json', /not valid JSON/],
      ['{"briefs":[]}', /not an Interop Workbook backup/],
      ['{"format":"interop-workbook-backup","version":3,"briefs":[]}', /version 3/],
      ['{"format":"interop-workbook-backup","version":1,"briefs":[{"id":"a"}]}', /Brief 1 in this backup has no answers/],
      [' '.repeat(5 * 1024 * 1024 + 1), /larger than 5 MB/],
    ] as const) {
      const result = decodeBackup(text);
      assert.equal(result.ok, false, text.slice(0, 30));
      if (!result.ok) assert.match(result.error, reason);
    }
  });
});
