import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timeOfDay } from '../../src/lib/time-of-day.ts';

const intl = (at: number) => new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

describe('timeOfDay', () => {
  it('writes what toLocaleTimeString writes in en-GB, across a year of times', () => {
    const start = Date.UTC(2026, 0, 1);
    for (let index = 0; index < 5000; index += 1) {
      const at = start + index * 6_311_117; // steps of about 1 h 45 min that drift through every second
      assert.equal(timeOfDay(at), intl(at), new Date(at).toISOString());
    }
  });

  it('pads midnight, single-digit hours and the last second of the day', () => {
    const midnight = new Date(2026, 10, 29, 0, 0, 0).getTime();
    assert.equal(timeOfDay(midnight), '00:00:00');
    assert.equal(timeOfDay(new Date(2026, 10, 29, 9, 5, 3).getTime()), '09:05:03');
    assert.equal(timeOfDay(new Date(2026, 10, 29, 23, 59, 59, 999).getTime()), '23:59:59');
  });
});
