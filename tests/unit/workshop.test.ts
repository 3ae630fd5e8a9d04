import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BRIEF_SECTIONS } from '../../src/lib/brief/fields.ts';
import { agendaMinutes, buildAgenda, formatOffset } from '../../src/lib/workshop.ts';

describe('workshop agenda', () => {
  it('expands the brief into the worksheet sections with their own time boxes', () => {
    const rows = buildAgenda(['brief'], BRIEF_SECTIONS);
    assert.equal(rows.length, BRIEF_SECTIONS.length);
    assert.deepEqual(rows.map((row) => row.title), BRIEF_SECTIONS.map((section) => section.title));
    assert.deepEqual(rows.map((row) => row.minutes), BRIEF_SECTIONS.map((section) => section.minutes));
    assert.deepEqual(rows[1], { title: BRIEF_SECTIONS[1]!.title, minutes: BRIEF_SECTIONS[1]!.minutes, start: BRIEF_SECTIONS[0]!.minutes, end: BRIEF_SECTIONS[0]!.minutes + BRIEF_SECTIONS[1]!.minutes, section: { id: BRIEF_SECTIONS[1]!.id, number: 2 } });
    assert.equal(agendaMinutes(rows), 30);
  });

  it('places blocks before and after the brief on one clock', () => {
    const rows = buildAgenda([{ title: 'Welcome', minutes: 10, what: 'Why a brief' }, 'brief', { title: 'Debrief', minutes: 20, what: 'Compare' }], BRIEF_SECTIONS);
    assert.equal(rows[0]!.start, 0);
    assert.equal(rows[1]!.start, 10);
    assert.equal(rows.at(-1)!.start, 40);
    assert.equal(agendaMinutes(rows), 60);
    assert.equal(agendaMinutes([]), 0);
  });

  it('refuses a block without a positive time box', () => {
    assert.throws(() => buildAgenda([{ title: 'Broken', minutes: 0, what: '' }], BRIEF_SECTIONS), /Broken/);
    assert.throws(() => buildAgenda([{ title: 'NaN', minutes: Number.NaN, what: '' }], BRIEF_SECTIONS), /NaN/);
  });

  it('formats offsets from the start', () => {
    assert.equal(formatOffset(0), '0:00');
    assert.equal(formatOffset(25), '0:25');
    assert.equal(formatOffset(75), '1:15');
    assert.equal(formatOffset(-3), '0:00');
  });
});
