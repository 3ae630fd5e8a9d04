import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BRIEF_SECTIONS } from '../../src/lib/brief/fields.ts';
import { elapsed, formatClock, pause, position, readTimerState, RESET_TIMER, skipToNext, start, totalMs } from '../../src/lib/timer.ts';

const minute = 60_000;

describe('section timer', () => {
  it('runs for the 30 minutes of the brief', () => {
    assert.equal(totalMs(BRIEF_SECTIONS), 30 * minute);
  });

  it('starts, pauses and resumes without losing time', () => {
    let state = start(RESET_TIMER, 1000);
    assert.equal(elapsed(state, 61_000), minute);
    state = pause(state, 61_000);
    assert.equal(elapsed(state, 999_999), minute, 'paused time does not run');
    state = start(state, 100_000);
    assert.equal(elapsed(state, 130_000), 90_000);
    assert.equal(start(state, 200_000), state, 'starting a running timer changes nothing');
  });

  it('knows the current section and the time left in it', () => {
    assert.deepEqual(position(BRIEF_SECTIONS, 0), { index: 0, sectionRemainingMs: 3 * minute, totalRemainingMs: 30 * minute, finished: false });
    assert.equal(position(BRIEF_SECTIONS, 3 * minute).index, 1, 'the boundary belongs to the next section');
    assert.equal(position(BRIEF_SECTIONS, 15 * minute + 1).index, 3);
    assert.equal(position(BRIEF_SECTIONS, 30 * minute).finished, true);
  });

  it('skips to the start of the next section, running or paused', () => {
    const paused = skipToNext(BRIEF_SECTIONS, { startedAt: null, elapsedMs: minute }, 0);
    assert.deepEqual(paused, { startedAt: null, elapsedMs: 3 * minute });
    const running = skipToNext(BRIEF_SECTIONS, { startedAt: 0, elapsedMs: 0 }, 4 * minute);
    assert.deepEqual(running, { startedAt: 4 * minute, elapsedMs: 8 * minute });
    assert.equal(skipToNext(BRIEF_SECTIONS, { startedAt: null, elapsedMs: 29 * minute }, 0).elapsedMs, 30 * minute);
  });

  it('formats clocks for a room', () => {
    assert.equal(formatClock(0), '0:00');
    assert.equal(formatClock(1), '0:01');
    assert.equal(formatClock(3 * minute), '3:00');
    assert.equal(formatClock(65 * minute + 2000), '1:05:02');
  });

  it('reads saved timer state defensively', () => {
    assert.deepEqual(readTimerState(null), RESET_TIMER);
    assert.deepEqual(readTimerState({ startedAt: 'x', elapsedMs: -5 }), RESET_TIMER);
    assert.deepEqual(readTimerState({ startedAt: 5, elapsedMs: 10 }), { startedAt: 5, elapsedMs: 10 });
  });
});

describe('presenter timer additions', () => {
  it('steps back to the start of the previous section, running or paused', async () => {
    const { skipToPrevious, sectionStartMs, overtimeMs, crossedSectionEnd } = await import('../../src/lib/timer.ts');
    assert.equal(sectionStartMs(BRIEF_SECTIONS, 0), 0);
    assert.equal(sectionStartMs(BRIEF_SECTIONS, 2), 8 * minute);
    assert.deepEqual(skipToPrevious(BRIEF_SECTIONS, { startedAt: null, elapsedMs: 9 * minute }, 0), { startedAt: null, elapsedMs: 3 * minute });
    assert.deepEqual(skipToPrevious(BRIEF_SECTIONS, { startedAt: 0, elapsedMs: 0 }, minute), { startedAt: minute, elapsedMs: 0 }, 'from the first section, back to its start');
    assert.deepEqual(skipToPrevious(BRIEF_SECTIONS, { startedAt: null, elapsedMs: 31 * minute }, 0), { startedAt: null, elapsedMs: 28 * minute }, 'after time is up, to the last section');
    assert.equal(overtimeMs(BRIEF_SECTIONS, 29 * minute), 0);
    assert.equal(overtimeMs(BRIEF_SECTIONS, 31 * minute), minute);
    assert.equal(crossedSectionEnd(BRIEF_SECTIONS, 2 * minute, 3 * minute), true);
    assert.equal(crossedSectionEnd(BRIEF_SECTIONS, 3 * minute, 4 * minute), false);
    assert.equal(crossedSectionEnd(BRIEF_SECTIONS, 29 * minute, 30 * minute), true, 'time up is a section end');
    assert.equal(crossedSectionEnd(BRIEF_SECTIONS, 31 * minute, 32 * minute), false);
    assert.equal(crossedSectionEnd(BRIEF_SECTIONS, 4 * minute, 2 * minute), false, 'going back is not an end');
  });

  it('maps keys to commands, never while typing, with modifiers or on the search keys', async () => {
    const { timerShortcut } = await import('../../src/lib/shortcuts.ts');
    const key = (k: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; defaultPrevented: boolean }> = {}) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      ...extra,
    });
    const body = { tagName: 'BODY' };
    const input = { tagName: 'INPUT', getAttribute: () => 'text' };
    const button = { tagName: 'BUTTON' };
    const checkbox = { tagName: 'INPUT', getAttribute: () => 'checkbox' };
    assert.equal(timerShortcut(key(' '), body), 'toggle');
    assert.equal(timerShortcut(key('n'), body), 'next');
    assert.equal(timerShortcut(key('N', { shiftKey: true }), body), 'next');
    assert.equal(timerShortcut(key('ArrowRight'), body), 'next');
    assert.equal(timerShortcut(key('p'), body), 'previous');
    assert.equal(timerShortcut(key('ArrowLeft'), body), 'previous');
    assert.equal(timerShortcut(key('r'), body), 'reset');
    assert.equal(timerShortcut(key('f'), body), 'fullscreen');
    assert.equal(timerShortcut(key('m'), body), 'sound');
    assert.equal(timerShortcut(key('n'), null), 'next');
    assert.equal(timerShortcut(key('n'), input), null, 'typing in a field');
    assert.equal(timerShortcut(key(' '), button), null, 'Space presses the focused button');
    assert.equal(timerShortcut(key(' '), checkbox), null, 'Space ticks the focused checkbox');
    assert.equal(timerShortcut(key('n'), button), 'next', 'letters still work with a button focused');
    const radio = { tagName: 'INPUT', getAttribute: () => 'radio' };
    assert.equal(timerShortcut(key('ArrowRight'), radio), null, 'arrows move between radio buttons');
    assert.equal(timerShortcut(key('ArrowLeft'), radio), null);
    assert.equal(timerShortcut(key('ArrowRight'), button), 'next');
    assert.equal(timerShortcut(key('k', { ctrlKey: true }), body), null, 'Ctrl+K is search');
    assert.equal(timerShortcut(key('k', { metaKey: true }), body), null, 'Cmd+K is search');
    assert.equal(timerShortcut(key('/'), body), null, '/ is search');
    assert.equal(timerShortcut(key('r', { ctrlKey: true }), body), null, 'Ctrl+R reloads');
    assert.equal(timerShortcut(key('f', { altKey: true }), body), null);
    assert.equal(timerShortcut(key('n', { defaultPrevented: true }), body), null);
    assert.equal(timerShortcut(key('x'), body), null);
  });
});
