/** A workshop timer over a list of time-boxed sections, as plain data and arithmetic. */

export interface TimedSection {
  id: string;
  title: string;
  minutes: number;
}

export interface TimerState {
  /** When the timer was last started (ms since 1970), or null while paused or reset. */
  startedAt: number | null;
  /** Time already run before the last start. */
  elapsedMs: number;
}

export const RESET_TIMER: TimerState = { startedAt: null, elapsedMs: 0 };

export function elapsed(state: TimerState, now: number): number {
  return state.elapsedMs + (state.startedAt === null ? 0 : Math.max(0, now - state.startedAt));
}

export function start(state: TimerState, now: number): TimerState {
  return state.startedAt === null ? { startedAt: now, elapsedMs: state.elapsedMs } : state;
}

export function pause(state: TimerState, now: number): TimerState {
  return state.startedAt === null ? state : { startedAt: null, elapsedMs: elapsed(state, now) };
}

export function totalMs(sections: readonly TimedSection[]): number {
  return sections.reduce((sum, section) => sum + section.minutes * 60_000, 0);
}

export interface TimerPosition {
  /** Index of the current section, or sections.length once time is up. */
  index: number;
  /** Time left in the current section. */
  sectionRemainingMs: number;
  totalRemainingMs: number;
  finished: boolean;
}

export function position(sections: readonly TimedSection[], elapsedMs: number): TimerPosition {
  const total = totalMs(sections);
  let boundary = 0;
  for (const [index, section] of sections.entries()) {
    boundary += section.minutes * 60_000;
    if (elapsedMs < boundary) {
      return { index, sectionRemainingMs: boundary - elapsedMs, totalRemainingMs: total - elapsedMs, finished: false };
    }
  }
  return { index: sections.length, sectionRemainingMs: 0, totalRemainingMs: 0, finished: true };
}

/** Jumps to the start of the next section (used by a facilitator running ahead). */
export function skipToNext(sections: readonly TimedSection[], state: TimerState, now: number): TimerState {
  const { index } = position(sections, elapsed(state, now));
  const nextStart = sections.slice(0, index + 1).reduce((sum, section) => sum + section.minutes * 60_000, 0);
  const elapsedMs = Math.min(nextStart, totalMs(sections));
  return state.startedAt === null ? { startedAt: null, elapsedMs } : { startedAt: now, elapsedMs };
}

/** "4:05" or "1:02:03"; rounds up so the display never shows 0:00 before time is up. */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export function readTimerState(raw: unknown): TimerState {
  if (typeof raw !== 'object' || raw === null) return RESET_TIMER;
  const { startedAt, elapsedMs } = raw as Record<string, unknown>;
  const validStart = typeof startedAt === 'number' && Number.isFinite(startedAt) ? startedAt : null;
  const validElapsed = typeof elapsedMs === 'number' && Number.isFinite(elapsedMs) && elapsedMs >= 0 ? elapsedMs : 0;
  return { startedAt: validStart, elapsedMs: validElapsed };
}

/** The elapsed time at which a section starts. */
export function sectionStartMs(sections: readonly TimedSection[], index: number): number {
  return sections.slice(0, Math.max(0, index)).reduce((sum, section) => sum + section.minutes * 60_000, 0);
}

/**
 * Jumps back to the start of the previous section (from the first section, to its start;
 * once time is up, to the start of the last section).
 */
export function skipToPrevious(sections: readonly TimedSection[], state: TimerState, now: number): TimerState {
  const { index } = position(sections, elapsed(state, now));
  const elapsedMs = sectionStartMs(sections, Math.max(0, index - 1));
  return state.startedAt === null ? { startedAt: null, elapsedMs } : { startedAt: now, elapsedMs };
}

/** How far past the last time box the clock has run (0 until time is up). */
export function overtimeMs(sections: readonly TimedSection[], elapsedMs: number): number {
  return Math.max(0, elapsedMs - totalMs(sections));
}

/**
 * Whether the clock running from `beforeMs` to `afterMs` passed the end of a section (the
 * moment for a section-end beep). Jumps made by hand are not passed through this.
 */
export function crossedSectionEnd(sections: readonly TimedSection[], beforeMs: number, afterMs: number): boolean {
  if (afterMs <= beforeMs) return false;
  return position(sections, afterMs).index > position(sections, beforeMs).index;
}
