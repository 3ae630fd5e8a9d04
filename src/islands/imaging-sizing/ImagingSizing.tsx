import { useStore } from '@nanostores/preact';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import content from '../../../content/imaging-sizing.json';
import {
  calculate,
  fieldIds,
  LIMITS,
  RESULTS_HEADING_ID,
  type CompressionMode,
  type FieldError,
  type ModalityRowInput,
  type SizingInput,
} from '../../lib/imaging-sizing';
import {
  $sizingErrorsShown,
  $sizingInput,
  addRow,
  DEFAULT_SIZING_INPUT,
  differsFromDefaults,
  removeRow,
  resetSizing,
  updateRow,
  updateSetting,
} from '../../stores/imaging-sizing';
import { $storageHealth } from '../../stores/storage';
import { ErrorSummary } from '../shared/ErrorSummary';
import { HydrateWhenIdle, usePartsLive, type PendingParts } from '../shared/HydrateWhenIdle';
import { pure } from '../shared/pure';

type SourceKey = keyof typeof content.sources;
const sourceTitle = (key: string) => content.sources[key as SourceKey]?.publisher ?? key;

interface TextFieldProps {
  id: string;
  label: ComponentChildren;
  value: string;
  error: string | undefined;
  help?: ComponentChildren;
  suffix?: string;
  width?: 'narrow' | 'wide';
  onInput: (value: string) => void;
  numeric?: boolean;
}

/** A labelled text input with its hint and, when invalid, its message, both linked by aria-describedby. */
function TextField({ id, label, value, error, help, suffix, width = 'narrow', onInput, numeric = true }: TextFieldProps) {
  const helpId = help ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'calc-field has-error' : 'calc-field'}>
      <label class="field-label" for={id}>
        {label}
      </label>
      {help && (
        <p class="field-help" id={helpId}>
          {help}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <span class="input-with-suffix">
        <input
          id={id}
          class={`calc-input calc-input-${width}`}
          type="text"
          inputMode={numeric ? 'decimal' : undefined}
          autocomplete="off"
          spellcheck={false}
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        {suffix && (
          <span class="input-suffix" aria-hidden="true">
            {suffix}
          </span>
        )}
      </span>
    </div>
  );
}

const COMPRESSION_OPTIONS: { value: CompressionMode; label: string; hint: string }[] = [
  { value: 'none', label: 'None', hint: 'Studies are stored and sent as the modality produced them.' },
  {
    value: 'lossless',
    label: 'Lossless',
    hint: 'Pixels are recovered exactly. Clunie (2000) measured 3.8:1 overall for JPEG-LS and JPEG 2000, from about 2.4:1 (DX) to 6:1 (NM) by modality for JPEG-LS, and about 2.8:1 for the lossless JPEG then most used in DICOM; 2.5:1 is a cautious planning figure.',
  },
  {
    value: 'lossy',
    label: 'Lossy (irreversible)',
    hint: 'Some detail is discarded. Whether and how much is a clinical decision: the Canadian Association of Radiologists’ 2008 standard set maximum ratios from 11:1 to 30:1, by modality and body part.',
  },
];

const NO_ERRORS: FieldError[] = [];
const messageFor = (errors: FieldError[], field: string) => errors.find((error) => error.field === field)?.message;

interface ModalityRowProps {
  row: ModalityRowInput;
  index: number;
  nameError: string | undefined;
  studiesError: string | undefined;
  sizeError: string | undefined;
  onRemove: (id: string, label: string) => void;
}

/** One modality's fieldset; it renders again only when its row, its place or its problems change. */
const ModalityRow = pure(function ModalityRow({ row, index, nameError, studiesError, sizeError, onRemove }: ModalityRowProps) {
  const fallbackDefault = content.modalities[Number(row.id.slice(1)) - 1];
  const cited = /^m[1-7]$/.test(row.id) ? fallbackDefault : undefined;
  const label = row.name.trim() || `row ${index + 1}`;
  return (
    <fieldset class="modality-row">
      <legend class="modality-legend">
        Modality {index + 1}
        {row.name.trim() && <span class="modality-legend-name">: {row.name.trim()}</span>}
      </legend>
      <div class="modality-fields">
        <TextField
          id={fieldIds.name(row.id)}
          label="Name"
          value={row.name}
          error={nameError}
          width="wide"
          numeric={false}
          onInput={(value) => updateRow(row.id, { name: value })}
        />
        <TextField
          id={fieldIds.studies(row.id)}
          label="Studies per day"
          value={row.studiesPerDay}
          error={studiesError}
          onInput={(value) => updateRow(row.id, { studiesPerDay: value })}
        />
        <TextField
          id={fieldIds.size(row.id)}
          label="Average study size"
          suffix="MB"
          value={row.studySizeMb}
          error={sizeError}
          help={
            cited ? (
              <>
                Default {cited.studySizeMb} MB. {cited.basis}{' '}
                <a href={`#source-${cited.source}`}>Source: {sourceTitle(cited.source)}</a>
              </>
            ) : undefined
          }
          onInput={(value) => updateRow(row.id, { studySizeMb: value })}
        />
      </div>
      <button type="button" class="link-button remove-row" onClick={() => onRemove(row.id, label)}>
        Remove<span class="visually-hidden"> modality {index + 1}, {label}</span>
      </button>
    </fieldset>
  );
});

interface ModalityRowsProps {
  rows: SizingInput['rows'];
  errors: FieldError[];
  onAdd: () => void;
  onRemove: (id: string, label: string) => void;
  parts: PendingParts;
}

/**
 * The modality rows, each hydrating in a task of its own. Like the settings, the list renders again
 * only when its input or the listed problems change.
 */
const ModalityRows = pure(function ModalityRows({ rows, errors, onAdd, onRemove, parts }: ModalityRowsProps) {
  const errorFor = (field: string) => messageFor(errors, field);
  return (
    <section aria-labelledby="volumes-heading">
      <h2 id="volumes-heading">Studies and sizes</h2>
      <p class="calc-note">
        Enter your own figures where you have them: the defaults are typical values from the sources below, and real study sizes vary widely
        with equipment, protocols and compression. MB means megabytes of 1,000,000 bytes.
      </p>
      {rows.map((row, index) => (
        <HydrateWhenIdle key={row.id} parts={parts}>
          <ModalityRow
            row={row}
            index={index}
            nameError={errorFor(fieldIds.name(row.id))}
            studiesError={errorFor(fieldIds.studies(row.id))}
            sizeError={errorFor(fieldIds.size(row.id))}
            onRemove={onRemove}
          />
        </HydrateWhenIdle>
      ))}
      {errorFor(fieldIds.rows) && (
        <p class="field-error" id={`${fieldIds.rows}-error`}>
          <span class="visually-hidden">Error: </span>
          {errorFor(fieldIds.rows)}
        </p>
      )}
      <button
        type="button"
        id={fieldIds.rows}
        class="button"
        onClick={onAdd}
        disabled={rows.length >= LIMITS.maxRows}
        aria-describedby={errorFor(fieldIds.rows) ? `${fieldIds.rows}-error` : undefined}
      >
        Add a modality
      </button>
      {rows.length >= LIMITS.maxRows && <p class="field-help">The calculator takes up to {LIMITS.maxRows} modalities.</p>}
    </section>
  );
});

type CompressionProps = Pick<SizingInput, 'compression' | 'losslessRatio' | 'lossyRatio'> & { ratioError: string | undefined };

/** The compression choice and, for lossless or lossy, its ratio. */
const Compression = pure(function Compression({ compression, losslessRatio, lossyRatio, ratioError }: CompressionProps) {
  return (
    <fieldset class="calc-fieldset" id="compression" aria-describedby="compression-hint">
      <legend class="field-label">Compression in the archive and on the network</legend>
      <p class="field-help" id="compression-hint">
        The ratio is the uncompressed size divided by the compressed size: 2.5:1 stores 40 per cent of the original.
      </p>
      {COMPRESSION_OPTIONS.map((option) => {
        const checked = compression === option.value;
        const ratioId = option.value === 'none' ? '' : fieldIds.ratio(option.value);
        return (
          <div class="radio-item" key={option.value}>
            <label class="choice-option">
              <input
                type="radio"
                name="compression"
                value={option.value}
                checked={checked}
                aria-describedby={`compression-${option.value}-hint`}
                onChange={() => updateSetting('compression', option.value)}
              />
              <span>{option.label}</span>
            </label>
            <p class="field-help radio-hint" id={`compression-${option.value}-hint`}>
              {option.hint}{' '}
              {option.value === 'lossless' && <a href="#source-clunie2000">Source: Clunie 2000</a>}
              {option.value === 'lossy' && <a href="#source-car2008">Source: CAR table</a>}
            </p>
            {checked && option.value !== 'none' && (
              <div class="radio-conditional">
                <TextField
                  id={ratioId}
                  label={`${option.label} compression ratio`}
                  suffix=": 1"
                  value={option.value === 'lossless' ? losslessRatio : lossyRatio}
                  error={ratioError}
                  onInput={(value) => updateSetting(option.value === 'lossless' ? 'losslessRatio' : 'lossyRatio', value)}
                />
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
});

type OperationProps = Pick<SizingInput, 'retentionYears' | 'daysPerYear' | 'priorsPerStudy' | 'targetSeconds'> & { errors: FieldError[] };

/** Retention, days of operation, priors and the retrieval target. */
const Operation = pure(function Operation({ retentionYears, daysPerYear, priorsPerStudy, targetSeconds, errors }: OperationProps) {
  const errorFor = (field: string) => messageFor(errors, field);
  return (
    <div class="settings-grid">
      <TextField
        id={fieldIds.retentionYears}
        label="Retention"
        suffix="years"
        value={retentionYears}
        error={errorFor(fieldIds.retentionYears)}
        help={
          <>
            Set by law and hospital policy. One example: US hospitals taking part in Medicare must keep films, scans and other image records
            for at least 5 years (42 CFR 482.26(d)); many keep them far longer, and children’s images longer still.{' '}
            <a href="#source-cfr48226">Source: eCFR</a>
          </>
        }
        onInput={(value) => updateSetting('retentionYears', value)}
      />
      <TextField
        id={fieldIds.daysPerYear}
        label="Days of operation per year"
        value={daysPerYear}
        error={errorFor(fieldIds.daysPerYear)}
        help="365 for a hospital that scans every day; about 250 for a weekday clinic."
        onInput={(value) => updateSetting('daysPerYear', value)}
      />
      <TextField
        id={fieldIds.priorsPerStudy}
        label="Prior studies fetched per study"
        value={priorsPerStudy}
        error={errorFor(fieldIds.priorsPerStudy)}
        help="Earlier studies of the same patient loaded for comparison, assumed to be the same size."
        onInput={(value) => updateSetting('priorsPerStudy', value)}
      />
      <TextField
        id={fieldIds.targetSeconds}
        label="Target time to move a study and its priors"
        suffix="seconds"
        value={targetSeconds}
        error={errorFor(fieldIds.targetSeconds)}
        help="A clinical requirement: agree it with the radiologists who wait for the images."
        onInput={(value) => updateSetting('targetSeconds', value)}
      />
    </div>
  );
});

/** The calculator's form; its results (`children`) are an island of their own that hydrates after it. */
export default function ImagingSizing({ children }: { children?: ComponentChildren }) {
  const [mounted, setMounted] = useState(false);
  // The form takes input once every part that hydrates on its own is live.
  const [partsLive, parts] = usePartsLive();
  const [savedInputShown, setSavedInputShown] = useState(false);
  const ready = mounted && partsLive;
  const stored = useStore($sizingInput);
  const storedHealth = useStore($storageHealth);
  // Until the first effect runs, render what the server rendered (the defaults).
  const input: SizingInput = mounted ? stored : DEFAULT_SIZING_INPUT;
  const health = mounted ? storedHealth : 'ok';
  const [showErrors, setShowErrors] = useState(false);
  const [status, setStatus] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => {
    const saved = $sizingInput.get();
    setMounted(true);
    setSavedInputShown(differsFromDefaults(saved));
    // Saved input that is no longer valid: show why there are no results straight away.
    if (!calculate(saved).ok) setShowErrors(true);
  }, []);

  // The results island words its message by whether the problems are listed.
  useEffect(() => $sizingErrorsShown.set(showErrors), [showErrors]);

  useEffect(() => {
    const id = focusAfterRender.current;
    if (id === null) return;
    focusAfterRender.current = null;
    document.getElementById(id)?.focus();
  });

  // The same objects while the input is unchanged, so the renders after mounting leave the fields alone.
  const outcome = useMemo(() => calculate(input), [input]);
  const visibleErrors = showErrors && !outcome.ok ? outcome.errors : NO_ERRORS;
  const disabled = !ready;

  function onSubmit(event: Event) {
    event.preventDefault();
    setShowErrors(true);
    setStatus('');
    const current = calculate($sizingInput.get());
    requestAnimationFrame(() => (current.ok ? document.getElementById(RESULTS_HEADING_ID) : summaryRef.current)?.focus());
  }

  const onAdd = useCallback(() => {
    const id = addRow();
    if (id) {
      focusAfterRender.current = fieldIds.name(id);
      setStatus('Added an empty modality row.');
    }
  }, []);

  const onRemove = useCallback((id: string, label: string) => {
    const rows = $sizingInput.get().rows;
    const index = rows.findIndex((row) => row.id === id);
    removeRow(id);
    const next = rows[index + 1] ?? rows[index - 1];
    focusAfterRender.current = next ? fieldIds.name(next.id) : fieldIds.rows;
    setStatus(`Removed ${label}.`);
  }, []);

  function onReset() {
    resetSizing();
    setShowErrors(false);
    setStatus('All inputs are back to the defaults.');
  }

  return (
    <div class="calculator" data-ready={ready ? '' : undefined}>
      {health !== 'ok' && (
        <div class="alert alert-warning" role="alert">
          <p>
            <strong>Your inputs are not being saved.</strong> This browser is not letting the site store anything, so they are kept only in this
            tab.
          </p>
        </div>
      )}

      {visibleErrors.length > 0 && <ErrorSummary errors={visibleErrors} boxRef={summaryRef} />}

      {/* With saved input, the key swaps the server-rendered form (the defaults) for a fresh one: Preact
          does not patch text while hydrating, so text nodes that the HTML merged would keep stale copies
          ("1. ."). Without any, the hydrated form already shows the input, and is kept. The results
          (children) are outside it, so they are never remounted. */}
      <form
        class="calc-form"
        noValidate
        onSubmit={onSubmit}
        aria-label="Imaging storage and bandwidth inputs"
        key={savedInputShown ? 'saved' : 'server'}
      >
        <fieldset class="until-ready" role="none" disabled={disabled}>
        <ModalityRows rows={input.rows} errors={visibleErrors} onAdd={onAdd} onRemove={onRemove} parts={parts} />

        <section aria-labelledby="settings-heading">
          <h2 id="settings-heading">Compression, retention and retrieval</h2>
          <HydrateWhenIdle parts={parts}>
            <Compression
              compression={input.compression}
              losslessRatio={input.losslessRatio}
              lossyRatio={input.lossyRatio}
              ratioError={input.compression === 'none' ? undefined : messageFor(visibleErrors, fieldIds.ratio(input.compression))}
            />
          </HydrateWhenIdle>
          <HydrateWhenIdle parts={parts}>
            <Operation
              retentionYears={input.retentionYears}
              daysPerYear={input.daysPerYear}
              priorsPerStudy={input.priorsPerStudy}
              targetSeconds={input.targetSeconds}
              errors={visibleErrors}
            />
          </HydrateWhenIdle>
        </section>

        <div class="button-row calc-actions">
          <button type="submit" class="button button-primary">
            Calculate
          </button>
          <button type="button" class="button" onClick={onReset}>
            Reset to defaults
          </button>
        </div>
        </fieldset>
        <p class="calc-status" role="status">
          {status}
        </p>
      </form>

      {children}
    </div>
  );
}
