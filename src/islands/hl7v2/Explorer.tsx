import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { chooseVersion, DEFAULT_VERSION, fieldInfo, isZSegment, segmentName, type Hl7Dictionary } from '../../lib/hl7v2/dictionary';
import type { ParseResult } from '../../lib/hl7v2/types';
import { formatNumber } from '../../lib/number-format';
import { loadDictionary } from './dictionary-client';
import { Clipped, FieldDetails } from './FieldDetails';
import { Parser, type ParseResponse } from './parse-client';

export interface Sample {
  id: string;
  label: string;
  summary: string;
  text: string;
}

interface Props {
  samples: Sample[];
  /** import.meta.env.BASE_URL, for fetching the dictionary under a sub-path. */
  base: string;
}

/**
 * Segments on screen at once. A long message is read a page at a time rather than by adding
 * more: with a few hundred segments (tens of thousands of elements) on the page, typing in the
 * box stalled for seconds on a loaded machine.
 */
export const PAGE_SIZE = 50;
/** Messages longer than this many segments offer a filter by segment ID. */
const FILTER_FROM = 10;
/** Wait this long after the last keystroke before parsing. */
const DEBOUNCE_MS = 250;
/**
 * Text longer than this (about 200 KB) is read but kept out of the textarea: laying out a
 * megabyte in a textarea stalls Chromium for seconds (measured), whatever the parser does.
 */
export const LARGE_INPUT = 200_000;

interface Selection {
  segment: number;
  position: number;
}

type DictionaryState = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; dictionary: Hl7Dictionary; note: string } | { state: 'failed'; note: string };

function formatSize(characters: number): string {
  if (characters >= 1024 * 1024) return `${(characters / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.round(characters / 1024)} KB`;
}

export default function Explorer({ samples, base }: Props) {
  const textRef = useRef<HTMLTextAreaElement>(null);
  const parserRef = useRef<Parser | null>(null);
  const timerRef = useRef<number | undefined>(undefined);
  const [parsed, setParsed] = useState<(ParseResponse & { offThread: boolean }) | null>(null);
  const [pending, setPending] = useState(false);
  const [dictionary, setDictionary] = useState<DictionaryState>({ state: 'idle' });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [pageStart, setPageStart] = useState(0);
  const [segmentFilter, setSegmentFilter] = useState('');
  const [hideEmpty, setHideEmpty] = useState(false);
  const [sample, setSample] = useState<Sample | null>(null);
  const [ready, setReady] = useState(false);
  const heldRef = useRef<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [held, setHeld] = useState<{ name: string; size: number } | null>(null);

  useEffect(() => {
    const parser = new Parser((response) => {
      setPending(false);
      setParsed(response);
    });
    parserRef.current = parser;
    setReady(true);
    // Text typed before the island woke up is read now.
    if (textRef.current && textRef.current.value.trim() !== '') parser.parse(textRef.current.value);
    // Most messages are v2.5.1: fetch its names while the reader is still choosing.
    void loadDictionary(base, DEFAULT_VERSION).catch(() => undefined);
    return () => {
      parser.dispose();
      window.clearTimeout(timerRef.current);
    };
  }, [base]);

  const result: ParseResult | null = parsed?.result ?? null;
  const message = result?.ok === true ? result.message : null;

  // Fetch the dictionary for the version the message declares (or v2.5.1).
  const declared = message?.version;
  useEffect(() => {
    if (declared === undefined) return;
    const { version, note } = chooseVersion(declared);
    let current = true;
    setDictionary({ state: 'loading' });
    loadDictionary(base, version).then(
      (loaded) => current && setDictionary({ state: 'ready', dictionary: loaded, note }),
      () => current && setDictionary({ state: 'failed', note: 'Field names could not be loaded (is the site offline and not yet cached?). Positions and values are still shown.' }),
    );
    return () => {
      current = false;
    };
  }, [declared, base]);

  // A new result keeps the selection if that field still exists, and starts at the first page.
  useEffect(() => {
    setPageStart(0);
    setSegmentFilter((previous) => (message?.segments.some((segment) => segment.id === previous) ? previous : ''));
    setSelection((previous) => {
      if (!previous || !message) return null;
      const segment = message.segments[previous.segment];
      return segment && previous.position <= segment.fields.length ? previous : null;
    });
  }, [message]);

  const parseNow = useCallback((text: string) => {
    window.clearTimeout(timerRef.current);
    setPending(true);
    parserRef.current?.parse(text);
  }, []);

  /** Reads a whole message from a paste or a file: into the box, or held beside it when large. */
  const takeText = (text: string, name: string) => {
    const large = text.length > LARGE_INPUT;
    heldRef.current = large ? text : null;
    setHeld(large ? { name, size: text.length } : null);
    if (textRef.current) textRef.current.value = large ? '' : text;
    setSample(null);
    setSelection(null);
    parseNow(text);
  };

  const onPaste = (event: ClipboardEvent) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (text.length <= LARGE_INPUT) return;
    event.preventDefault();
    takeText(text, 'Pasted message');
  };

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) takeText(await file.text(), file.name);
  };

  const editHeld = () => {
    if (textRef.current && heldRef.current !== null) {
      textRef.current.value = heldRef.current;
      textRef.current.focus();
    }
    heldRef.current = null;
    setHeld(null);
  };

  const onInput = () => {
    if (heldRef.current !== null) {
      // Typing in the box replaces a message that was held beside it.
      heldRef.current = null;
      setHeld(null);
    }
    setSample(null);
    window.clearTimeout(timerRef.current);
    setPending(true);
    timerRef.current = window.setTimeout(() => parseNow(textRef.current?.value ?? ''), DEBOUNCE_MS);
  };

  const loadSample = (chosen: Sample) => {
    if (textRef.current) textRef.current.value = chosen.text;
    setSample(chosen);
    setSelection(null);
    parseNow(chosen.text);
  };

  const clear = () => {
    heldRef.current = null;
    setHeld(null);
    if (textRef.current) {
      textRef.current.value = '';
      textRef.current.focus();
    }
    setSample(null);
    setSelection(null);
    parseNow('');
  };

  const dict = dictionary.state === 'ready' ? dictionary.dictionary : undefined;
  const namesReady = dictionary.state === 'ready' || dictionary.state === 'failed';

  const versionNote = dictionary.state === 'ready' ? dictionary.note : '';
  const filterSegments = useCallback((id: string) => {
    setSegmentFilter(id);
    setPageStart(0);
  }, []);
  // Built only when what it shows changes: a keystroke in the box (which changes other state)
  // must not re-render thousands of field buttons.
  const resultsView = useMemo(
    () =>
      message && namesReady ? (
        <Results
          message={message}
          dictionary={dict}
          versionNote={versionNote}
          selection={selection}
          onSelect={setSelection}
          pageStart={pageStart}
          onPage={setPageStart}
          segmentFilter={segmentFilter}
          onFilter={filterSegments}
          hideEmpty={hideEmpty}
          onHideEmpty={setHideEmpty}
        />
      ) : null,
    [message, namesReady, dict, versionNote, selection, pageStart, segmentFilter, filterSegments, hideEmpty],
  );

  const status = useMemo(() => {
    if (!ready) return '';
    if (pending) return 'Reading the message…';
    if (!result || result.ok === 'empty') return 'Paste a message or load a sample.';
    if (result.ok === false) return 'This text could not be read as an HL7 v2 message.';
    const segments = result.message.segments.length;
    return `Read ${formatNumber(segments)} segment${segments === 1 ? '' : 's'} in ${parsed!.ms < 1 ? 'under 1' : formatNumber(Math.round(parsed!.ms))} ms${parsed!.offThread ? ', off the main thread' : ''}.`;
  }, [ready, pending, result, parsed]);

  return (
    <div class="hl7-explorer" data-ready={ready ? '' : undefined}>
      <div class="hl7-input">
        <div class="hl7-samples" role="group" aria-labelledby="hl7-samples-label">
          <p id="hl7-samples-label" class="hl7-samples-label">
            Load a sample (synthetic, v2.5.1):
          </p>
          <div class="button-row">
            {samples.map((item) => (
              <button type="button" class="button hl7-sample-button" key={item.id} disabled={!ready} onClick={() => loadSample(item)}>
                {item.label}
              </button>
            ))}
          </div>
        </div>
        <label for="hl7-message" class="hl7-label-main">
          HL7 v2 message
        </label>
        <p id="hl7-message-hint" class="hl7-hint">
          Paste one message, starting at MSH, or open a file. Segments may end with CR, LF or CRLF; MLLP framing bytes are removed.
        </p>
        <textarea
          id="hl7-message"
          ref={textRef}
          class="hl7-textarea"
          rows={10}
          spellcheck={false}
          autocomplete="off"
          autocapitalize="off"
          aria-describedby="hl7-message-hint"
          onInput={onInput}
          onPaste={onPaste}
        />
        {held && (
          <div class="hl7-held">
            <p>
              <strong>
                {held.name}: {formatSize(held.size)}
              </strong>
              , read in full below. It is kept out of the box so that the page stays quick; typing in the box replaces it.
            </p>
            <button type="button" class="button" onClick={editHeld}>
              Put it in the box to edit (slow for large text)
            </button>
          </div>
        )}
        <div class="button-row hl7-actions">
          <button type="button" class="button" onClick={() => fileRef.current?.click()} disabled={!ready}>
            Open a file…
          </button>
          <button type="button" class="button" onClick={clear} disabled={!ready}>
            Clear
          </button>
          <input ref={fileRef} id="hl7-file" type="file" accept=".hl7,.txt,.er7,.msg,text/plain" hidden onChange={onFile} aria-label="HL7 v2 message file" />
        </div>
        <p class="hl7-status" role="status">
          {status}
        </p>
        {sample && <p class="hl7-sample-note">{sample.summary}</p>}
      </div>

      <div role="alert" class="hl7-alert-slot">
        {result?.ok === false && (
          <div class="alert alert-error">
            <p>
              <strong>Not read as HL7 v2.</strong> {result.error.message}
            </p>
          </div>
        )}
        {dictionary.state === 'failed' && message && (
          <div class="alert">
            <p>{dictionary.note}</p>
          </div>
        )}
      </div>

      {resultsView}
    </div>
  );
}

interface ResultsProps {
  message: NonNullable<Extract<ParseResult, { ok: true }>['message']>;
  dictionary: Hl7Dictionary | undefined;
  versionNote: string;
  selection: Selection | null;
  onSelect: (selection: Selection | null) => void;
  /** Index, among the segments the filter lets through, of the first one on screen. */
  pageStart: number;
  onPage: (start: number) => void;
  /** A segment ID to show only those segments, or '' for all. */
  segmentFilter: string;
  onFilter: (id: string) => void;
  hideEmpty: boolean;
  onHideEmpty: (hide: boolean) => void;
}

function Results({ message, dictionary, versionNote, selection, onSelect, pageStart, onPage, segmentFilter, onFilter, hideEmpty, onHideEmpty }: ResultsProps) {
  const { separators, segments, warnings, messageType } = message;
  const rangeRef = useRef<HTMLParagraphElement>(null);
  const segmentCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const segment of segments) counts.set(segment.id, (counts.get(segment.id) ?? 0) + 1);
    return counts;
  }, [segments]);
  const matching = useMemo(
    () => segments.flatMap((segment, index) => (segmentFilter === '' || segment.id === segmentFilter ? [{ segment, index }] : [])),
    [segments, segmentFilter],
  );
  const shown = matching.slice(pageStart, pageStart + PAGE_SIZE);
  const paged = matching.length > PAGE_SIZE;
  const pageCount = Math.ceil(matching.length / PAGE_SIZE);
  const remaining = matching.length - pageStart - shown.length;
  const nextCount = remaining > 0 ? Math.min(PAGE_SIZE, remaining) : PAGE_SIZE;
  const rangeText =
    (segmentFilter ? `${segmentFilter} segments` : 'Segments') +
    (paged ? ` ${formatNumber(pageStart + 1)} to ${formatNumber(pageStart + shown.length)} of ${formatNumber(matching.length)}` : `: ${formatNumber(matching.length)}`);
  const turnPage = (start: number) => {
    onPage(start);
    // The reader continues from the top of the new page, keyboard focus included.
    requestAnimationFrame(() => {
      rangeRef.current?.focus({ preventScroll: true });
      rangeRef.current?.scrollIntoView({ block: 'start', behavior: 'instant' });
    });
  };
  const structure = messageType.structure || (messageType.code === 'ACK' ? 'ACK' : `${messageType.code}_${messageType.event}`);
  const structureName = dictionary?.structures[structure] ?? '';
  const typeText = [messageType.code, messageType.event, messageType.structure].filter(Boolean).join(separators.component);
  const zCount = segments.filter((segment) => isZSegment(segment.id)).length;

  // Arrow keys move between fields; Home and End jump to the first and last shown.
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('hl7-field-button')) return;
    const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('.hl7-field-button')];
    const index = buttons.indexOf(target as HTMLButtonElement);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined || !buttons[next]) return;
    event.preventDefault();
    buttons[next].focus();
  };

  return (
    <section class="hl7-results" aria-labelledby="hl7-results-heading">
      <h2 id="hl7-results-heading">What the message says</h2>
      <dl class="hl7-summary">
        <dt>Message type (MSH-9)</dt>
        <dd>
          <code>{typeText || 'not given'}</code>
          {structureName && ` (${structureName})`}
        </dd>
        <dt>Control ID (MSH-10)</dt>
        <dd>{message.controlId ? <code>{message.controlId}</code> : 'not given'}</dd>
        <dt>Version (MSH-12)</dt>
        <dd>
          {message.version ? <code>{message.version}</code> : 'not given'}
          {versionNote && <span class="hl7-version-note"> {versionNote}</span>}
        </dd>
        <dt>Separators (MSH-1, MSH-2)</dt>
        <dd>
          field <code>{separators.field}</code>, component <code>{separators.component}</code>, repetition <code>{separators.repetition}</code>, escape <code>{separators.escape}</code>, subcomponent{' '}
          <code>{separators.subcomponent}</code>
          {separators.truncation && (
            <>
              , truncation <code>{separators.truncation}</code>
            </>
          )}
        </dd>
        <dt>Segments</dt>
        <dd>
          {formatNumber(segments.length)}
          {zCount > 0 && `, ${zCount} site-defined (Z)`}
          {message.mllp && ' (MLLP framing removed)'}
        </dd>
      </dl>
      {warnings.length > 0 && (
        <div class="hl7-warnings">
          <h3>Worked around</h3>
          <ul>
            {warnings.map((warning) => (
              <li key={warning.code + (warning.line ?? '')}>{warning.message}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="hl7-hint">Select a field to see its name, data type, components and value. Tab or the arrow keys move between fields; Enter or Space opens one.</p>
      <div class="hl7-list-controls">
        <label class="hl7-toggle">
          <input type="checkbox" checked={hideEmpty} onChange={(event) => onHideEmpty((event.currentTarget as HTMLInputElement).checked)} /> Hide empty fields
        </label>
        {segments.length > FILTER_FROM && (
          <div class="hl7-filter">
            <label for="hl7-segment-filter">Show</label>
            <select id="hl7-segment-filter" value={segmentFilter} onChange={(event) => onFilter((event.currentTarget as HTMLSelectElement).value)}>
              <option value="">every segment ({formatNumber(segments.length)})</option>
              {[...segmentCounts].map(([id, count]) => {
                const name = segmentName(dictionary, id);
                return (
                  <option key={id} value={id}>
                    {id} {name && `(${name})`}: {formatNumber(count)}
                  </option>
                );
              })}
            </select>
          </div>
        )}
      </div>
      {(paged || segmentFilter) && (
        <p ref={rangeRef} class="hl7-range" tabIndex={-1}>
          {rangeText}
        </p>
      )}
      <ol class="hl7-segments" onKeyDown={onKeyDown}>
        {shown.map(({ segment, index: segmentIndex }) => {
          const name = segmentName(dictionary, segment.id);
          const z = isZSegment(segment.id);
          return (
            <li key={segmentIndex} class={z ? 'hl7-segment hl7-segment-z' : 'hl7-segment'}>
              <h3 class="hl7-segment-heading">
                <span class="hl7-mono">{segment.id}</span> <span class="hl7-segment-name">{name || (segment.validId ? 'Not in the dictionary' : 'Not a segment')}</span>
                {z && <span class="hl7-badge">Site-defined, not in the standard</span>}
                <span class="hl7-line"> line {segment.line}</span>
              </h3>
              {z && <p class="hl7-z-note">Z-segments are agreed locally between sender and receiver; HL7 reserves IDs beginning with Z for this, so the standard gives its fields no names.</p>}
              <ol class="hl7-fields">
                {segment.fields.map((raw, fieldIndex) => {
                  const position = fieldIndex + 1;
                  if (hideEmpty && raw === '') return null;
                  const info = fieldInfo(dictionary, segment.id, position);
                  const open = selection?.segment === segmentIndex && selection.position === position;
                  const detailsId = `hl7-details-${segmentIndex}-${position}`;
                  return (
                    <li key={position} class={open ? 'hl7-field is-open' : 'hl7-field'}>
                      <button
                        type="button"
                        class="hl7-field-button"
                        aria-expanded={open}
                        aria-controls={open ? detailsId : undefined}
                        onClick={() => onSelect(open ? null : { segment: segmentIndex, position })}
                      >
                        <span class="hl7-pos">
                          {segment.id}-{position}
                        </span>
                        <span class="hl7-name">{info.name}</span>
                        <span class="hl7-type">
                          <span class="visually-hidden">, data type </span>
                          {info.type || '—'}
                        </span>
                        <span class="hl7-value">
                          <span class="visually-hidden">, value </span>
                          {raw === '' ? <span class="hl7-empty">empty</span> : <Clipped text={raw} limit={300} />}
                        </span>
                      </button>
                      {open && <FieldDetails id={detailsId} segment={segment} position={position} separators={separators} dictionary={dictionary} />}
                    </li>
                  );
                })}
              </ol>
            </li>
          );
        })}
      </ol>
      {paged && (
        <nav class="hl7-pager" aria-label="Pages of segments">
          <button type="button" class="button" disabled={pageStart === 0} onClick={() => turnPage(pageStart - PAGE_SIZE)}>
            Previous {PAGE_SIZE} segments
          </button>
          <span class="hl7-page-choice">
            <label for="hl7-page">Page</label>
            <select id="hl7-page" value={pageStart / PAGE_SIZE} onChange={(event) => turnPage(Number((event.currentTarget as HTMLSelectElement).value) * PAGE_SIZE)}>
              {Array.from({ length: pageCount }, (_, page) => (
                <option key={page} value={page}>
                  {formatNumber(page + 1)}
                </option>
              ))}
            </select>
            <span>of {formatNumber(pageCount)}</span>
          </span>
          <button type="button" class="button" disabled={remaining <= 0} onClick={() => turnPage(pageStart + PAGE_SIZE)}>
            Next {formatNumber(nextCount)} segments
          </button>
        </nav>
      )}
    </section>
  );
}
