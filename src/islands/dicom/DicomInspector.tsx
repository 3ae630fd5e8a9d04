import { useEffect, useRef, useState } from 'preact/hooks';
import { ACTION_MEANINGS } from '../../lib/dicom/deidentification';
import { formatBytes, type Inspection } from '../../lib/dicom/inspect';
import { formatNumber } from '../../lib/number-format';
import { withBase } from '../../lib/paths';
import { ElementTable, Value } from './ElementTable';
import { inspectBytes, loadDictionary } from './read-file';

type State =
  | { phase: 'idle' }
  | { phase: 'reading'; name: string }
  | { phase: 'done'; name: string; inspection: Inspection; status: string; dictionaryLoaded: boolean }
  | { phase: 'error'; name: string; title: string; message: string; partial?: Inspection; status: string };

const ERROR_TITLES = {
  empty: 'This file is empty',
  'not-dicom': 'This is not a DICOM file',
  truncated: 'This DICOM file is cut short',
  unreadable: 'This DICOM file could not be read',
  'needs-inflate': 'This DICOM file could not be read',
} as const;

function startDescription(inspection: Inspection): string {
  const { start } = inspection;
  if (start.form === 'part10') {
    const content = start.preambleAllZero ? 'all zero bytes' : `starting ${start.preambleHex}`;
    return `Present: a 128-byte preamble (${content}), then “DICM” at byte 128, as PS3.10 requires.`;
  }
  if (start.form === 'prefix-only') return 'Missing: the file starts with “DICM” and has no 128-byte preamble. Read anyway; PS3.10 files must have the preamble.';
  if (start.form === 'meta-only') return 'Missing: no 128-byte preamble and no “DICM” marker; the file starts straight with the File Meta Information. Read anyway.';
  return 'Missing: no preamble, no “DICM” marker and no File Meta Information. This is a bare data set, as some older systems write; the transfer syntax below is a guess from the first element.';
}

function Summary({ name, inspection }: { name: string; inspection: Inspection }) {
  const syntax = inspection.transferSyntax;
  return (
    <dl class="dicom-summary">
      <div>
        <dt>File</dt>
        <dd>
          {name}, {formatBytes(inspection.byteLength)}
        </dd>
      </div>
      <div>
        <dt>Preamble and “DICM” prefix</dt>
        <dd>{startDescription(inspection)}</dd>
      </div>
      <div>
        <dt>Transfer syntax</dt>
        <dd>
          <strong data-testid="transfer-syntax-name">{syntax.name ?? 'Not in our table of transfer syntaxes'}</strong>
          {syntax.guessed ? ' (guessed: the file does not say)' : ''}
          <br />
          <code>{syntax.uid}</code>
          {syntax.note && (
            <>
              <br />
              {syntax.note}
            </>
          )}
          {syntax.encapsulated && (
            <>
              <br />
              The pixel data is compressed; the elements are still listed below and the pixel data is summarised.
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>SOP class</dt>
        <dd>
          {inspection.sopClass.uid ? (
            <>
              <strong data-testid="sop-class-name">{inspection.sopClass.name ?? 'Not in the SOP class list'}</strong>
              <br />
              <code>{inspection.sopClass.uid}</code>
            </>
          ) : (
            'Not stated: the file has no (0008,0016) SOP Class UID.'
          )}
        </dd>
      </div>
      <div>
        <dt>Data elements</dt>
        <dd>
          {formatNumber(inspection.counts.elements)} in all, {formatNumber(inspection.counts.sequences)} of them sequences,{' '}
          {formatNumber(inspection.counts.private)} private
          {!syntax.explicitVR && '. This file does not store VRs (implicit VR), so the VRs in italics come from the data dictionary'}.
        </dd>
      </div>
      {inspection.pixelData && (
        <div>
          <dt>Pixel data</dt>
          <dd>{inspection.pixelData.summary}</dd>
        </div>
      )}
    </dl>
  );
}

function Identifying({ inspection }: { inspection: Inspection }) {
  const listed = inspection.identifying.filter((hit) => hit.element.deidentify?.basis !== 'private');
  const privateCount = inspection.identifying.length - listed.length;
  return (
    <section class="dicom-section" aria-labelledby="identifying-heading">
      <h2 id="identifying-heading">Identifying elements ({formatNumber(inspection.identifying.length)})</h2>
      <p>
        These elements appear in the Basic Application Level Confidentiality Profile (DICOM PS3.15 Annex E, Table E.1-1): a de-identifier
        must remove or replace them, wherever they occur, including inside sequences. They are marked “Annex E” in the full list too.
      </p>
      {listed.length > 0 ? (
        <div class="table-scroll dicom-scroll" role="region" aria-label="Identifying elements table" tabIndex={0}>
          <table class="dicom-table">
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
                <th scope="col">Annex E action</th>
              </tr>
            </thead>
            <tbody>
              {listed.map((hit, index) => (
                <tr key={`${hit.element.tag}-${index}`} class="row-identifying">
                  <td class="cell-tag">
                    <code>{hit.element.display}</code>
                  </td>
                  <td class="cell-name">
                    {hit.element.name}
                    {hit.element.path.length > 0 && <span class="element-path"> in {hit.element.path.join(' › ')}</span>}
                  </td>
                  <td class="cell-value">
                    <Value value={hit.element.value} />
                  </td>
                  <td>
                    <strong>{hit.code}</strong>: {ACTION_MEANINGS[hit.code]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>None of the attributes the profile lists by tag are in this file.</p>
      )}
      {privateCount > 0 && (
        <p>
          Plus {formatNumber(privateCount)} private element{privateCount === 1 ? '' : 's'} (odd group numbers), which the profile removes unless
          the Retain Safe Private option applies: vendors put names, IDs and free text there too.
        </p>
      )}
    </section>
  );
}

function Results({ name, inspection }: { name: string; inspection: Inspection }) {
  return (
    <>
      <section class="dicom-section" aria-labelledby="summary-heading">
        <h2 id="summary-heading" tabIndex={-1}>
          File summary
        </h2>
        <Summary name={name} inspection={inspection} />
        {inspection.warnings.length > 0 && (
          <div class="alert dicom-warnings">
            <p>
              <strong>Warnings from the reader</strong>
            </p>
            <ul>
              {inspection.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <Identifying inspection={inspection} />
      <section class="dicom-section" aria-labelledby="elements-heading">
        <h2 id="elements-heading">All data elements ({formatNumber(inspection.counts.elements)})</h2>
        <p>
          Top-level elements in tag order, File Meta Information (group 0002) first. Sequences list their items underneath; long values are
          shortened with a button to show them in full, and binary values are summarised by length.
        </p>
        <ElementTable elements={inspection.elements} caption={`Data elements of ${name}`} />
      </section>
    </>
  );
}

export default function DicomInspector() {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [dragging, setDragging] = useState(false);
  const [dictionaryFailed, setDictionaryFailed] = useState(false);
  const focusRef = useRef<HTMLDivElement>(null);
  const runRef = useRef(0);

  useEffect(() => {
    // Start fetching the dictionary at once, so the first file does not wait for it.
    void loadDictionary();
  }, []);

  useEffect(() => {
    if (state.phase === 'done') document.getElementById('summary-heading')?.focus();
    if (state.phase === 'error') focusRef.current?.focus();
  }, [state]);

  async function inspect(name: string, read: () => Promise<Uint8Array>) {
    const run = ++runRef.current;
    setState({ phase: 'reading', name });
    let bytes: Uint8Array;
    try {
      bytes = await read();
    } catch {
      if (run === runRef.current) {
        setState({ phase: 'error', name, title: 'The file could not be read', message: 'The browser could not read this file. Try choosing it again.', status: '' });
      }
      return;
    }
    const outcome = await inspectBytes(bytes);
    if (run !== runRef.current) return;
    setDictionaryFailed(!outcome.dictionaryLoaded);
    const status = `Read “${name}” (${formatNumber(bytes.length)} bytes) in ${Math.max(1, Math.round(outcome.milliseconds))} ms.`;
    if (outcome.result.ok) {
      setState({ phase: 'done', name, inspection: outcome.result.inspection, status, dictionaryLoaded: outcome.dictionaryLoaded });
    } else {
      const { error } = outcome.result;
      setState({
        phase: 'error',
        name,
        title: ERROR_TITLES[error.kind],
        message: error.message,
        ...(error.kind === 'truncated' && error.partial ? { partial: error.partial } : {}),
        status,
      });
    }
  }

  function openFile(file: File | undefined) {
    if (!file) return;
    void inspect(file.name, async () => new Uint8Array(await file.arrayBuffer()));
  }

  function trySample() {
    void inspect('sample.dcm', async () => {
      const response = await fetch(withBase(import.meta.env.BASE_URL, '/explore/dicom/sample.dcm'));
      if (!response.ok) throw new Error(String(response.status));
      return new Uint8Array(await response.arrayBuffer());
    });
  }

  const status =
    state.phase === 'reading' ? `Reading “${state.name}”…` : state.phase === 'done' || state.phase === 'error' ? state.status : 'No file open yet.';

  return (
    <div class="dicom-inspector">
      <section
        class={`dicom-open${dragging ? ' dicom-open-dragging' : ''}`}
        aria-labelledby="open-heading"
        onDragOver={(event) => {
          event.preventDefault();
          if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          openFile(event.dataTransfer?.files[0]);
        }}
        data-testid="drop-zone"
      >
        <h2 id="open-heading">Open a file</h2>
        <div class="dicom-open-row">
          <div class="dicom-picker">
            <label for="dicom-file">Choose a DICOM file</label>
            <span class="dicom-hint" id="dicom-file-hint">
              Usually .dcm, though many DICOM files have no extension. You can also drop a file anywhere in this box.
            </span>
            <input
              id="dicom-file"
              type="file"
              aria-describedby="dicom-file-hint"
              onChange={(event) => {
                const input = event.currentTarget;
                openFile(input.files?.[0]);
                input.value = '';
              }}
            />
          </div>
          <div class="dicom-sample">
            <button type="button" class="button" onClick={trySample}>
              Try a sample
            </button>
            <span class="dicom-hint">A synthetic 64 × 64 image for a fictional patient.</span>
          </div>
        </div>
        <p class="dicom-status" role="status">
          {status}
        </p>
      </section>

      {dictionaryFailed && (
        <p class="notice">The data dictionary could not be loaded, so element names are missing. Reload the page to try again.</p>
      )}

      {state.phase === 'error' && (
        <div class="alert alert-error" role="alert" tabIndex={-1} ref={focusRef}>
          <p>
            <strong>{state.title}.</strong> {state.message}
          </p>
          {state.partial && <p>The elements read before the break are listed below, as far as they go.</p>}
        </div>
      )}

      {state.phase === 'done' && <Results name={state.name} inspection={state.inspection} />}
      {state.phase === 'error' && state.partial && <Results name={state.name} inspection={state.partial} />}
    </div>
  );
}
