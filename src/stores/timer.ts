import { persistentAtom } from '@nanostores/persistent';
import { BRIEF_SECTIONS } from '../lib/brief/fields';
import { pause, readTimerState, RESET_TIMER, skipToNext, start, type TimerState } from '../lib/timer';

/** The 30-minute brief timer. It stores timestamps, not ticks, so it survives a reload. */
export const $timer = persistentAtom<TimerState>('interop-workbook:timer', RESET_TIMER, {
  encode: JSON.stringify,
  decode(raw) {
    try {
      return readTimerState(JSON.parse(raw));
    } catch {
      return RESET_TIMER;
    }
  },
});

export const startTimer = () => $timer.set(start($timer.get(), Date.now()));
export const pauseTimer = () => $timer.set(pause($timer.get(), Date.now()));
export const resetTimer = () => $timer.set(RESET_TIMER);
export const nextSection = () => $timer.set(skipToNext(BRIEF_SECTIONS, $timer.get(), Date.now()));
