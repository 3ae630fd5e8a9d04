import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BRIEF_SECTIONS } from '../../lib/brief/fields';
import { timerShortcut, type TimerCommand } from '../../lib/shortcuts';
import { crossedSectionEnd, elapsed, formatClock, overtimeMs, position, RESET_TIMER, totalMs, type TimerState } from '../../lib/timer';
import { $timer, $timerSound, nextSection, pauseTimer, previousSection, resetTimer, startTimer } from '../../stores/timer';
import { Beeper } from './beep';

const TOTAL = BRIEF_SECTIONS.length;
const TOTAL_MS = totalMs(BRIEF_SECTIONS);

function describeSection(index: number): string {
  const section = BRIEF_SECTIONS[index];
  return section ? `Section ${index + 1} of ${TOTAL}: ${section.title}, ${section.minutes} minutes.` : '';
}

/**
 * The presenter's view of the worksheet timer: the same clock as the worksheet's timer bar
 * (timestamps in storage, so a reload or a second tab shows the same time), drawn large.
 */
export default function PresenterTimer() {
  const [ready, setReady] = useState(false);
  const stored = useStore($timer);
  const storedSound = useStore($timerSound);
  // Until hydrated, render exactly what the server rendered: a reset timer, sound off.
  const state: TimerState = ready ? stored : RESET_TIMER;
  const sound = ready && storedSound;
  const [, setTick] = useState(0);
  const [fullscreen, setFullscreen] = useState(false);
  const [canFullscreen, setCanFullscreen] = useState(true);
  const [problem, setProblem] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const containerRef = useRef<HTMLDivElement>(null);
  const beeper = useRef(new Beeper());
  const running = state.startedAt !== null;
  const spent = elapsed(state, Date.now());
  const where = position(BRIEF_SECTIONS, spent);
  const started = running || state.elapsedMs > 0;
  const over = overtimeMs(BRIEF_SECTIONS, spent);
  const current = BRIEF_SECTIONS[Math.min(where.index, TOTAL - 1)];
  const next = BRIEF_SECTIONS[where.index + 1];
  const mode = where.finished ? 'up' : running ? 'running' : started ? 'paused' : 'ready';

  useEffect(() => {
    setReady(true);
    setCanFullscreen(document.fullscreenEnabled === true && typeof HTMLElement.prototype.requestFullscreen === 'function');
    const onChange = () => setFullscreen(document.fullscreenElement === containerRef.current && document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // Redraw while the clock runs; the time itself always comes from the stored timestamps.
  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setTick((n) => n + 1), 250);
    return () => window.clearInterval(id);
  }, [running]);

  // A beep when the running clock passes a section's end (not when the presenter skips).
  const lastSeen = useRef<{ state: TimerState; spent: number } | null>(null);
  useEffect(() => {
    const previous = lastSeen.current;
    lastSeen.current = { state, spent };
    if (!ready || !previous || previous.state !== state || !running) return;
    if (sound && crossedSectionEnd(BRIEF_SECTIONS, previous.spent, spent)) beeper.current.beep(where.finished ? 3 : 2);
  });

  // Announce section changes and time up politely; never the seconds.
  const lastPlace = useRef<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    const place = where.finished ? 'up' : started ? String(where.index) : 'ready';
    if (lastPlace.current === null) {
      lastPlace.current = place;
      return;
    }
    if (place === lastPlace.current) return;
    lastPlace.current = place;
    if (place === 'up') setAnnouncement('Time’s up: all sections are done.');
    else if (place === 'ready') setAnnouncement('Timer reset to the start of section 1.');
    else setAnnouncement(`Now ${describeSection(where.index)}`);
  }, [ready, where.index, where.finished, started]);

  function toggle() {
    if (running) {
      pauseTimer();
      setAnnouncement('Paused.');
    } else if (!where.finished) {
      if (sound) beeper.current.unlock();
      startTimer();
      setAnnouncement(started ? 'Running again.' : `Started. ${describeSection(where.index)}`);
    }
  }

  function reset() {
    resetTimer();
    setAnnouncement('Timer reset to the start of section 1.');
  }

  async function toggleFullscreen() {
    setProblem('');
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await containerRef.current?.requestFullscreen();
    } catch {
      setProblem('This browser did not allow full screen here. Use the browser’s own full-screen command (often F11) instead.');
    }
  }

  function toggleSound() {
    const on = !$timerSound.get();
    $timerSound.set(on);
    // Turning sound on is a click: the moment a browser lets a page start audio.
    if (on) beeper.current.beep(1);
  }

  const commandsRef = useRef<Record<TimerCommand, () => void>>();
  commandsRef.current = {
    toggle,
    next: () => {
      if (started && !where.finished) nextSection();
    },
    previous: () => {
      if (started) previousSection();
    },
    reset: () => {
      if (started) reset();
    },
    fullscreen: () => {
      if (canFullscreen) void toggleFullscreen();
    },
    sound: toggleSound,
  };

  useEffect(() => {
    if (!ready) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      // Keys pressed in an open dialog (the site's search) belong to that dialog.
      if (target?.closest('dialog[open], [role="dialog"]')) return;
      const command = timerShortcut(event, target);
      if (!command) return;
      event.preventDefault();
      commandsRef.current?.[command]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ready]);

  const clock = where.finished ? `+${formatClock(over)}` : formatClock(started ? where.sectionRemainingMs : (current?.minutes ?? 0) * 60_000);

  return (
    <div ref={containerRef} class="presenter" data-mode={mode} data-ready={ready ? '' : undefined}>
      <div class="presenter-face">
        {where.finished ? (
          <>
            <p class="presenter-kicker">All {TOTAL} sections done</p>
            <h2 class="presenter-title presenter-up">
              <span class="presenter-up-mark" aria-hidden="true">
                ■
              </span>{' '}
              Time’s up
            </h2>
          </>
        ) : (
          <>
            <p class="presenter-kicker">
              Section {where.index + 1} of {TOTAL}
              {mode === 'paused' && <span class="presenter-badge">Paused</span>}
              {mode === 'ready' && <span class="presenter-badge">Ready</span>}
            </p>
            <h2 class="presenter-title">{current?.title}</h2>
          </>
        )}
        <p class="presenter-clock" role="timer" aria-label={where.finished ? 'Time over the plan' : 'Time left in this section'}>
          {clock}
        </p>
        <p class="presenter-meta">
          {where.finished
            ? `over the ${TOTAL_MS / 60_000} minutes. Check the brief and download it.`
            : `left in this section · ${formatClock(started ? where.totalRemainingMs : TOTAL_MS)} left in all`}
        </p>
        {!where.finished && <p class="presenter-next">{next ? `Next: ${next.title} (${next.minutes} min)` : 'Last section'}</p>}
      </div>

      <ol class="presenter-steps" aria-label="Sections">
        {BRIEF_SECTIONS.map((section, index) => {
          const done = where.finished || (started && index < where.index);
          const now = started && !where.finished && index === where.index;
          return (
            <li key={section.id} class={now ? 'now' : done ? 'done' : undefined} aria-current={now ? 'step' : undefined}>
              <span class="step-name">
                {index + 1}. {section.title}
              </span>{' '}
              <span class="step-minutes">
                {section.minutes} min{done ? ' · done' : now ? ' · now' : ''}
              </span>
            </li>
          );
        })}
      </ol>

      <div class="presenter-controls">
        <button type="button" class="button button-primary" onClick={toggle} disabled={!ready || (where.finished && !running)}>
          {running ? 'Pause' : started ? 'Resume' : 'Start'}
        </button>
        <button type="button" class="button" onClick={() => commandsRef.current?.previous()} disabled={!ready || !started}>
          Previous section
        </button>
        <button type="button" class="button" onClick={() => commandsRef.current?.next()} disabled={!ready || !started || where.finished}>
          Next section
        </button>
        <button type="button" class="button" onClick={reset} disabled={!ready || !started}>
          Reset
        </button>
        <button type="button" class="button" onClick={() => void toggleFullscreen()} disabled={!ready || !canFullscreen} aria-pressed={fullscreen}>
          Full screen
        </button>
        <label class="presenter-sound">
          <input type="checkbox" checked={sound} onChange={toggleSound} disabled={!ready} /> Beep at the end of each section
        </label>
      </div>
      {problem && (
        <p class="alert alert-error presenter-problem" role="alert">
          {problem}
        </p>
      )}
      {ready && !canFullscreen && <p class="presenter-note">This browser does not offer full screen for a page element; use its own full-screen command instead.</p>}
      <p class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </div>
  );
}
