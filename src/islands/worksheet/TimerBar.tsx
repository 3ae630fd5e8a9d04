import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { BRIEF_SECTIONS } from '../../lib/brief/fields';
import { elapsed, formatClock, position, RESET_TIMER } from '../../lib/timer';
import { $timedSection, $timer, nextSection, pauseTimer, resetTimer, startTimer } from '../../stores/timer';

/** The 30-minute timer: the form highlights the section it is in through `$timedSection`. */
export function TimerBar({ ready }: { ready: boolean }) {
  const stored = useStore($timer);
  // The saved timer is only known in the browser: match the server's markup until hydrated.
  const state = ready ? stored : RESET_TIMER;
  const [now, setNow] = useState(Date.now());
  const running = state.startedAt !== null;

  useEffect(() => {
    if (!running) return;
    const tick = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(tick);
  }, [running]);

  const spent = elapsed(state, running ? now : Date.now());
  const where = position(BRIEF_SECTIONS, spent);
  const started = running || state.elapsedMs > 0;
  const current = BRIEF_SECTIONS[where.index];

  useEffect(() => $timedSection.set(started && !where.finished ? where.index : null), [started, where.index, where.finished]);

  return (
    <section class="timer-bar" aria-labelledby="timer-heading">
      <h2 id="timer-heading" class="timer-heading">
        30-minute timer
      </h2>
      <p class="timer-readout">
        {where.finished ? (
          <strong>Time is up: check your brief and download it.</strong>
        ) : started ? (
          <>
            <strong>
              {where.index + 1}. {current?.title}
            </strong>{' '}
            <span class="timer-clock">{formatClock(where.sectionRemainingMs)}</span> left in this section ·{' '}
            {formatClock(where.totalRemainingMs)} in all{running ? '' : ' (paused)'}
          </>
        ) : (
          <>Each section has a time box; start the timer to keep a workshop moving.</>
        )}
      </p>
      <div class="timer-actions">
        {running ? (
          <button type="button" class="button" onClick={pauseTimer}>
            Pause timer
          </button>
        ) : (
          <button type="button" class="button" onClick={startTimer} disabled={!ready || where.finished}>
            {started ? 'Resume timer' : 'Start timer'}
          </button>
        )}
        <button type="button" class="button" onClick={nextSection} disabled={!started || where.finished}>
          Next section
        </button>
        <button type="button" class="button" onClick={resetTimer} disabled={!started}>
          Reset timer
        </button>
      </div>
    </section>
  );
}
