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
