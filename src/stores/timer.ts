import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { BRIEF_SECTIONS } from '../lib/brief/fields';
import { installSafeStorage } from './storage';
import { pause, readTimerState, RESET_TIMER, skipToNext, skipToPrevious, start, type TimerState } from '../lib/timer';

installSafeStorage();

/**
 * The 30-minute brief timer. It stores timestamps, not ticks, so it survives a reload. The
 * worksheet's timer bar and the presenter timer at /workshop/timer/ show this same clock.
 */
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
export const previousSection = () => $timer.set(skipToPrevious(BRIEF_SECTIONS, $timer.get(), Date.now()));

/** Whether the presenter timer beeps at the end of each section: off until the presenter turns it on. */
export const $timerSound = persistentAtom<boolean>('interop-workbook:timer-sound', false, {
  encode: (value) => (value ? 'on' : 'off'),
  decode: (raw) => raw === 'on',
});

/** The section the running timer is in, which the worksheet's form highlights; null when stopped. */
export const $timedSection = atom<number | null>(null);
