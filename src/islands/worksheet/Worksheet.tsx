import { useStore } from '@nanostores/preact';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import exampleBrief from '../../../content/examples/example-brief.json';
import { markdownFileName } from '../../lib/brief/markdown';
import { answerOf, briefTitle, completeness, createBrief, type Brief } from '../../lib/brief/model';
import { timeOfDay } from '../../lib/time-of-day';
import {
  $briefs,
  $draft,
  $formLive,
  $notice,
  $saveStatus,
  $unreadable,
  backupJson,
  currentMarkdown,
  deleteBrief,
  duplicateCurrent,
  hasAnswers,
  importFile,
  newBrief,
  renameCurrent,
  replaceCurrent,
  startWorksheet,
  switchBrief,
} from '../../stores/briefs';
import { $storageHealth } from '../../stores/storage';
import { HydrateWhenIdle, usePartsLive } from '../shared/HydrateWhenIdle';
import { whenIdle } from '../shared/when-idle';
import { CheckAnswers } from './CheckAnswers';
import { downloadText, isoDate } from './download';
import { fieldDomId } from './FieldInput';
import { TimerBar } from './TimerBar';

const EMPTY = createBrief('server', 0);
const STORAGE_PROBLEMS = {
  unavailable: 'This browser is not letting the site store anything (private browsing or a privacy setting), so your brief is kept only in this tab.',
  full: 'This browser’s storage for the site is full, so your latest changes are kept only in this tab.',
} as const;

function SaveStatusLine({ ready }: { ready: boolean }) {
  const storedStatus = useStore($saveStatus);
  const storedHealth = useStore($storageHealth);
  const status = ready ? storedStatus : ({ state: 'idle' } as const);
  const health = ready ? storedHealth : 'ok';
  let text = 'Answers are saved in this browser as you type.';
  if (status.state === 'pending') text = 'Saving…';
  if (status.state === 'saved') text = `Saved at ${timeOfDay(status.at)}`;
  if (status.state === 'failed' || health !== 'ok') text = 'Not saved: see the warning above.';
  return (
    <p class="save-status" role="status">
      {text}
    </p>
  );
}

/** The worksheet around the form; the form's sections (`children`) are islands of their own. */
export default function Worksheet({ children }: { children?: ComponentChildren }) {
  const [ready, setReady] = useState(false);
  // The brief list, the share buttons and the timer hydrate later, each in a task of its own. Their
  // server markup has every button disabled, and stays as it is until the part is live.
  const [partsLive, parts] = usePartsLive();
  const formLive = useStore($formLive);
  // Until the first effect has run, render exactly what the server rendered (an empty
  // brief, no warnings): Preact's hydration does not patch differences in the markup.
  const draft = useStore($draft);
  const storedBriefs = useStore($briefs);
  const storedNotice = useStore($notice);
  const storedHealth = useStore($storageHealth);
  const storedUnreadable = useStore($unreadable);
  const briefs = ready ? storedBriefs : [];
  const notice = ready ? storedNotice : null;
  const health = ready ? storedHealth : 'ok';
  const unreadable = ready ? storedUnreadable : [];
  const [checking, setChecking] = useState(false);
  const [summaryShown, setSummaryShown] = useState(false);
  const [importError, setImportError] = useState('');
  const [renaming, setRenaming] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLDialogElement>(null);
  const renameRef = useRef<HTMLDialogElement>(null);
  const renameInputRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const stop = startWorksheet();
    setReady(true);
    return stop;
  }, []);

  // "Check your brief" (also what prints) is hidden at first, so it is left out of the server's
  // markup and rendered in a later task: hydrating it with the form made one long task.
  useEffect(() => {
    if (!ready) return;
    return whenIdle(() => setSummaryShown(true), 500);
  }, [ready]);

  useEffect(() => {
    if (importError) errorRef.current?.focus();
  }, [importError]);

  const brief: Brief = draft ?? EMPTY;
  const progress = completeness(brief);
  const disabled = !ready;

  const focusField = useCallback((fieldId: string) => {
    setChecking(false);
    requestAnimationFrame(() => {
      const element = document.getElementById(fieldDomId(fieldId));
      const target = element?.matches('fieldset') ? element.querySelector<HTMLInputElement>('input') : element;
      target?.focus();
      element?.scrollIntoView({ block: 'center' });
    });
  }, []);

  function downloadMarkdown() {
    const now = new Date();
    downloadText(markdownFileName(brief, now), currentMarkdown(now), 'text/markdown;charset=utf-8');
  }

  async function copyMarkdown() {
    try {
      await navigator.clipboard.writeText(currentMarkdown());
      $notice.set({ id: Date.now(), text: 'Copied the brief as Markdown.' });
    } catch {
      $notice.set({ id: Date.now(), text: 'This browser did not allow copying. Use Download Markdown instead.' });
    }
  }

  async function onImport(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > 5 * 1024 * 1024) {
      setImportError(`“${file.name}” is larger than 5 MB, so it is not a brief or a backup from this site. Nothing was changed.`);
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      setImportError(`“${file.name}” is not a text file, so it cannot be a brief. Nothing was changed.`);
      return;
    }
    const outcome = importFile(file.name, text);
    if (outcome.ok) {
      setImportError('');
      $notice.set({ id: Date.now(), text: outcome.message });
    } else {
      setImportError(outcome.message);
    }
  }

  function loadExample() {
    if (hasAnswers(draft)) confirmRef.current?.showModal();
    else replaceCurrent(exampleBrief);
  }

  function openRename() {
    setRenaming(true);
    renameRef.current?.showModal();
    requestAnimationFrame(() => {
      if (renameInputRef.current) {
        renameInputRef.current.value = answerOf(brief, 'title');
        renameInputRef.current.select();
      }
    });
  }

  return (
    <div class="worksheet" data-ready={ready && summaryShown && partsLive && formLive ? '' : undefined}>
      <p class="worksheet-privacy">
        Briefs live only in this browser, on this device. Clearing the site’s data deletes them, so download a copy to keep or share
        one.
      </p>

      {health !== 'ok' && (
        <div class="alert alert-warning" role="alert">
          <p>
            <strong>Your brief is not being saved.</strong> {STORAGE_PROBLEMS[health]} Download a copy before you close it.
          </p>
          <button type="button" class="button button-primary" onClick={downloadMarkdown}>
            Download this brief
          </button>
        </div>
      )}

      {unreadable.map((item) => (
        <div class="alert alert-warning" role="alert" key={item.id}>
          <p>
            <strong>One saved brief could not be read</strong> (it {item.error}). It has been kept exactly as it was. Download it to
            recover the text by hand.
          </p>
          <button
            type="button"
            class="button"
            onClick={() => downloadText(`unreadable-brief-${isoDate()}.txt`, item.raw, 'text/plain;charset=utf-8')}
          >
            Download the unreadable data
          </button>{' '}
          <button type="button" class="button" onClick={() => deleteBrief(item.id)}>
            Remove it
          </button>
        </div>
      ))}

      {importError && (
        <div class="alert alert-error" role="alert" tabIndex={-1} ref={errorRef}>
          <p>
            <strong>Import failed.</strong> {importError}
          </p>
        </div>
      )}

      <div class="notice-line" aria-live="polite">
        {notice && (
          <p class="notice" key={notice.id}>
            {notice.text}{' '}
            {notice.undo && (
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  const undo = notice.undo;
                  $notice.set(null);
                  undo?.();
                }}
              >
                Undo
              </button>
            )}
          </p>
        )}
      </div>

      <div class="worksheet-grid">
      <div class="worksheet-panel">
      <HydrateWhenIdle parts={parts}>
      <section class="brief-list" aria-labelledby="brief-list-heading">
        <h2 id="brief-list-heading">Your briefs</h2>
        <ul>
          {briefs.map((item) => {
            const itemProgress = completeness(item.id === brief.id ? brief : item);
            const current = item.id === brief.id;
            return (
              <li key={item.id} class={current ? 'brief-item current' : 'brief-item'}>
                <button
                  type="button"
                  class="brief-switch"
                  aria-current={current ? 'true' : undefined}
                  onClick={() => switchBrief(item.id)}
                  disabled={disabled}
                >
                  <span class="brief-name">{briefTitle(current ? brief : item)}</span>
                  <span class="brief-progress">{itemProgress.percent}% complete</span>
                </button>
              </li>
            );
          })}
        </ul>
        <div class="button-row">
          <button type="button" class="button" onClick={() => newBrief()} disabled={disabled}>
            New brief
          </button>
          <button type="button" class="button" onClick={openRename} disabled={disabled}>
            Rename
          </button>
          <button type="button" class="button" onClick={duplicateCurrent} disabled={disabled}>
            Duplicate
          </button>
          <button type="button" class="button button-danger" onClick={() => deleteBrief(brief.id)} disabled={disabled}>
            Delete
          </button>
        </div>
      </section>
      </HydrateWhenIdle>

      <HydrateWhenIdle parts={parts}>
      <section class="brief-actions" aria-labelledby="brief-actions-heading">
        <h2 id="brief-actions-heading" class="visually-hidden">
          Share and restore
        </h2>
        <div class="button-row">
          <button type="button" class="button button-primary" onClick={downloadMarkdown} disabled={disabled}>
            Download Markdown
          </button>
          <button type="button" class="button" onClick={() => void copyMarkdown()} disabled={disabled}>
            Copy Markdown
          </button>
          <button type="button" class="button" onClick={() => fileRef.current?.click()} disabled={disabled}>
            Import
          </button>
          <input
            ref={fileRef}
            type="file"
            class="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            accept=".md,.markdown,.txt,.json,text/markdown,text/plain,application/json"
            onChange={(event) => void onImport(event)}
          />
          <button
            type="button"
            class="button"
            onClick={() => downloadText(`interop-workbook-backup-${isoDate()}.json`, backupJson(), 'application/json')}
            disabled={disabled}
          >
            Download backup (JSON)
          </button>
          <button type="button" class="button" onClick={loadExample} disabled={disabled}>
            Load example
          </button>
          <button type="button" class="button" onClick={() => window.print()} disabled={disabled}>
            Print
          </button>
        </div>
      </section>
      </HydrateWhenIdle>

      <HydrateWhenIdle parts={parts}>
        <TimerBar ready={ready} />
      </HydrateWhenIdle>
      </div>

      <div class="worksheet-main">
      <div class="progress-line">
        <p>
          <strong>
            {progress.answered} of {progress.total}
          </strong>{' '}
          answered ({progress.percent}%)
        </p>
        <SaveStatusLine ready={ready} />
      </div>

      <button
        type="button"
        class="button check-toggle"
        aria-expanded={checking}
        aria-controls="check-answers"
        onClick={() => setChecking(!checking)}
        disabled={disabled}
      >
        {checking ? 'Back to the form' : 'Check your brief'}
      </button>

      <div id="check-answers" class="check-answers-host" hidden={!checking}>
        {(summaryShown || checking) && <CheckAnswers brief={brief} onChange={focusField} />}
      </div>

      <form class="brief-form" hidden={checking} onSubmit={(event) => event.preventDefault()} aria-label="Integration brief">
        {children}
      </form>
      </div>
      </div>

      <dialog ref={confirmRef} class="confirm-dialog" aria-labelledby="confirm-heading">
        <h2 id="confirm-heading">Replace your answers with the example?</h2>
        <p>“{briefTitle(brief)}” already has answers. The example can replace them, or open as a new brief.</p>
        <div class="button-row">
          <button
            type="button"
            class="button"
            onClick={() => {
              confirmRef.current?.close();
              newBrief(exampleBrief);
            }}
          >
            Open as a new brief
          </button>
          <button
            type="button"
            class="button button-danger"
            onClick={() => {
              confirmRef.current?.close();
              replaceCurrent(exampleBrief);
            }}
          >
            Replace my answers
          </button>
          <button type="button" class="button" onClick={() => confirmRef.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>

      <dialog ref={renameRef} class="confirm-dialog" aria-labelledby="rename-heading" onClose={() => setRenaming(false)}>
        <form
          method="dialog"
          onSubmit={() => {
            renameCurrent(renameInputRef.current?.value ?? '');
          }}
        >
          <h2 id="rename-heading">Rename brief</h2>
          <label for="rename-input" class="field-label">
            New title
          </label>
          <input id="rename-input" ref={renameInputRef} type="text" autocomplete="off" required={renaming} />
          <div class="button-row">
            <button type="submit" class="button button-primary">
              Save name
            </button>
            <button type="button" class="button" onClick={() => renameRef.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
