import { useStore } from '@nanostores/preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { doneCountText, pageStatusText, pathProgress, type AnswerKey } from '../../lib/quiz';
import { clearAllAnswers, $learning } from '../../stores/learning';
import { $storageHealth } from '../../stores/storage';

export interface PathPageProps {
  slug: string;
  order: number;
  title: string;
  href: string;
  description: string;
  minutes: number;
  key: AnswerKey;
}

export interface PathSectionProps {
  id: string;
  label: string;
  pages: PathPageProps[];
}

interface Props {
  sections: PathSectionProps[];
}

/**
 * The guide as a learning path: its pages in reading order, grouped by section, each with
 * its reading time. The server renders the plain ordered lists (all a reader without
 * JavaScript gets); once hydrated, each page shows whether its knowledge check is done,
 * with a progress bar and a reset that asks before it clears anything.
 */
export function LearningPath({ sections }: Props) {
  const [ready, setReady] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const progress = useStore($learning);
  const health = useStore($storageHealth);
  const countRef = useRef<HTMLParagraphElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  /** Where focus goes after the confirmation closes: set by the action that closes it. */
  const focusAfter = useRef<'count' | 'reset' | null>(null);

  useEffect(() => setReady(true), []);
  // Focus moves in the same task as the render, so a key pressed at once lands on the new control.
  useLayoutEffect(() => {
    if (confirming) keepRef.current?.focus();
    else if (focusAfter.current === 'count') countRef.current?.focus();
    else if (focusAfter.current === 'reset') resetRef.current?.focus();
    focusAfter.current = null;
  }, [confirming]);

  const pages = sections.flatMap((section) => section.pages);
  const standing = pathProgress(pages, progress);
  const showStatus = ready;

  function clearAll() {
    clearAllAnswers();
    setMessage('Your progress is cleared.');
    focusAfter.current = 'count';
    setConfirming(false);
  }

  function cancel() {
    focusAfter.current = 'reset';
    setConfirming(false);
  }

  return (
    <div class="learning-path">
      <section class={`path-panel${ready ? '' : ' is-pending'}`} aria-labelledby="path-progress-heading">
        <h2 id="path-progress-heading">Your progress</h2>
        <div class="path-meter">
          <progress id="path-progress" max={standing.total} value={standing.done} aria-label="Guide pages done" />
          <p class="path-count" tabindex={-1} ref={countRef} role="status">
            {message ? `${message} ` : ''}
            {doneCountText(standing.done, standing.total)}
          </p>
        </div>
        {health !== 'ok' && ready && (
          <p>This browser is not letting the site save, so progress lasts only until you leave the page.</p>
        )}
        {ready && standing.started > 0 && !confirming && (
          <div class="path-actions">
            <button type="button" class="button" ref={resetRef} onClick={() => { setMessage(''); setConfirming(true); }}>
              Reset progress…
            </button>
          </div>
        )}
        {confirming && (
          <div class="path-confirm" role="group" aria-labelledby="path-confirm-text">
            <p id="path-confirm-text">
              Clear your answers to every knowledge check in this browser? All {standing.total} pages go back to not done.
              This cannot be undone.
            </p>
            <div class="button-row">
              <button type="button" class="button" ref={keepRef} onClick={cancel}>
                Keep my progress
              </button>
              <button type="button" class="button button-danger" onClick={clearAll}>
                Yes, clear my progress
              </button>
            </div>
          </div>
        )}
      </section>
      {sections.map((section) => (
        <section key={section.id} class="contents-section" aria-labelledby={section.id}>
          <h2 id={section.id}>{section.label}</h2>
          <ol class="contents-list">
            {section.pages.map((page) => {
              const score = standing.bySlug[page.slug];
              const status = showStatus && score ? pageStatusText(score) : '';
              return (
                <li key={page.slug} value={page.order} data-slug={page.slug} data-done={score?.done && showStatus ? '' : undefined}>
                  <a class="contents-link" href={page.href}>
                    {page.title}
                  </a>
                  <span class="contents-time">{page.minutes} min read</span>
                  {status && <span class={`path-status${score?.done ? ' is-done' : ''}`}>{status}</span>}
                  <p>{page.description}</p>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

export default LearningPath;
