import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { checkTopLevel, explainResource, resourceTypesIn, type Explanation } from '../../lib/fhir/explain';
import { parseJson, type TextPosition } from '../../lib/fhir/json-location';
import { ElementDetail } from './ElementDetail';
import { ElementTree, treeModel } from './ElementTree';
import { loadCore, loadSource } from './load';
import { SAMPLES } from './samples';

/** A problem that stops the explanation: shown in the alert, with where it is when known. */
interface Failure {
  title: string;
  message: string;
  position?: TextPosition | undefined;
}

type State =
  | { phase: 'empty' }
  | { phase: 'loading' }
  | { phase: 'failed'; failure: Failure }
  | { phase: 'explained'; explanation: Explanation; resourceType: string; resources: ReadonlySet<string> };

const INPUT_ID = 'fx-input';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export default function FhirExplorer() {
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ phase: 'empty' });
  const [selected, setSelected] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [focusPending, setFocusPending] = useState(false);
  const [ready, setReady] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const run = useRef(0);

  useEffect(() => {
    setReady(true);
    // Start fetching the shared definitions early; failures surface when explaining.
    loadCore().catch(() => undefined);
  }, []);

  const explanation = state.phase === 'explained' ? state.explanation : undefined;
  const model = useMemo(() => (explanation ? treeModel(explanation.root) : undefined), [explanation]);

  useEffect(() => {
    if (!focusPending || !model) return;
    setFocusPending(false);
    const element = document.getElementById(model.ids.get(selected) ?? '');
    element?.focus();
  }, [focusPending, selected, model]);

  async function explain(source: string) {
    const id = ++run.current;
    const fail = (failure: Failure) => {
      if (id === run.current) setState({ phase: 'failed', failure });
    };
    if (source.trim() === '') {
      fail({ title: 'Nothing to explain', message: 'The box is empty: paste a FHIR resource in JSON, or load one of the samples.' });
      return;
    }
    const parsed = parseJson(source);
    if (!parsed.ok) {
      const { line, column } = parsed.error.position;
      fail({ title: `JSON syntax error at line ${line}, column ${column}`, message: parsed.error.message, position: parsed.error.position });
      return;
    }
    setState({ phase: 'loading' });
    try {
      const core = await loadCore();
      const top = checkTopLevel(parsed.value, core.resources);
      if ('kind' in top) {
        const position = top.kind === 'unknown-resource-type' ? parsed.locations.at('/resourceType') : parsed.locations.at('');
        fail({ title: top.kind === 'not-an-object' ? 'Not a FHIR resource' : top.kind === 'missing-resource-type' ? 'No resourceType' : 'Unknown resource type', message: top.message, position });
        return;
      }
      const definitions = await loadSource(resourceTypesIn(parsed.value, core.resources));
      const result = explainResource(parsed.value, definitions, parsed.locations, parsed.duplicates);
      if (id !== run.current) return;
      setCollapsed(new Set());
      setSelected('');
      setState({ phase: 'explained', explanation: result, resourceType: top.resourceType, resources: new Set(core.resources) });
    } catch {
      fail({
        title: 'Definitions not loaded',
        message: 'The FHIR R4 definitions could not be loaded from this site. Check the connection (or reload the page once online) and try again.',
      });
    }
  }

  function showInText(position: TextPosition) {
    const input = inputRef.current;
    if (!input) return;
    input.focus();
    input.setSelectionRange(position.offset, Math.min(position.offset + 1, input.value.length));
  }

  function select(pointer: string, focus: boolean) {
    setSelected(pointer);
    if (focus) setFocusPending(true);
  }

  function reveal(pointer: string) {
    if (!model) return;
    const open = new Set(collapsed);
    for (let parent = model.parents.get(pointer); parent !== undefined; parent = model.parents.get(parent)) open.delete(parent);
    setCollapsed(open);
    select(pointer, true);
  }

  function toggle(pointer: string, open: boolean) {
    const next = new Set(collapsed);
    if (open) next.delete(pointer);
    else next.add(pointer);
    setCollapsed(next);
  }

  const selectedPointer = explanation && model?.nodes.has(selected) ? selected : '';
  const selectedNode = model?.nodes.get(selectedPointer);
  const parentOfSelected = model?.nodes.get(model.parents.get(selectedPointer) ?? '\u0000');

  let status = '';
  if (state.phase === 'loading') status = 'Loading the FHIR R4 definitions…';
  if (state.phase === 'explained' && explanation) {
    const problems = explanation.issues.length;
    status = `${state.resourceType} explained: ${plural(explanation.counts.nodes, 'element', 'elements')}, ${
      problems === 0 ? 'no problems found.' : `${plural(problems, 'problem', 'problems')} found (listed below).`
    }`;
  }

  return (
    <div class="fx" data-ready={ready ? '' : undefined}>
      <form
        class="fx-form"
        onSubmit={(event) => {
          event.preventDefault();
          void explain(text);
        }}
      >
        <fieldset class="fx-samples">
          <legend>Load a sample (synthetic data)</legend>
          <div class="button-row">
            {SAMPLES.map((sample) => (
              <button
                type="button"
                class="button"
                key={sample.id}
                disabled={!ready}
                onClick={() => {
                  setText(sample.text);
                  void explain(sample.text);
                }}
              >
                {sample.label}
              </button>
            ))}
          </div>
        </fieldset>
        <label for={INPUT_ID} class="fx-input-label">
          FHIR R4 resource in JSON
        </label>
        <p class="fx-hint" id="fx-input-hint">
          Paste one resource or a Bundle. It is read in this browser only; nothing is uploaded.
        </p>
        <textarea
          id={INPUT_ID}
          ref={inputRef}
          class="fx-input"
          rows={14}
          spellcheck={false}
          autocomplete="off"
          autocapitalize="off"
          aria-describedby="fx-input-hint"
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <div class="button-row">
          <button type="submit" class="button button-primary" disabled={!ready}>
            Explain
          </button>
          <button
            type="button"
            class="button"
            disabled={!ready || (text === '' && state.phase === 'empty')}
            onClick={() => {
              run.current++;
              setText('');
              setState({ phase: 'empty' });
              inputRef.current?.focus();
            }}
          >
            Clear
          </button>
        </div>
      </form>

      <div role="alert" class="fx-alert-slot">
        {state.phase === 'failed' && (
          <div class="alert alert-error">
            <p>
              <strong>{state.failure.title}.</strong> {state.failure.message}
            </p>
            {state.failure.position && (
              <p>
                <button type="button" class="link-button" onClick={() => state.failure.position && showInText(state.failure.position)}>
                  Go to line {state.failure.position.line}, column {state.failure.position.column} in the text
                </button>
              </p>
            )}
          </div>
        )}
      </div>
      <p role="status" class="fx-status">
        {status}
      </p>

      {state.phase === 'explained' && explanation && model && (
        <div class="fx-result">
          <section class="fx-problems" aria-labelledby="fx-problems-heading">
            <h2 id="fx-problems-heading" class="fx-heading">
              {explanation.issues.length === 0 ? 'No problems found' : `Problems (${explanation.issues.length})`}
            </h2>
            {explanation.issues.length === 0 ? (
              <p>
                Every element is defined for its place, required elements are present and arrays are where FHIR JSON puts them. Codes,
                value sets, date formats and profiles are not checked here.
              </p>
            ) : (
              <ol class="fx-problem-list">
                {explanation.issues.map((issue, index) => {
                  const node = model.nodes.get(issue.pointer);
                  return (
                    <li key={`${index}${issue.pointer}`}>
                      {issue.message}{' '}
                      <button type="button" class="link-button" onClick={() => reveal(issue.pointer)}>
                        Show <code>{node?.location ?? issue.pointer}</code> in the tree
                      </button>
                      {issue.position && <span class="fx-line"> (line {issue.position.line})</span>}
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
          <div class="fx-grid">
          <div class="fx-tree-column">
            <h2 id="fx-tree-title" class="fx-heading">
              Elements of the {state.resourceType}
            </h2>
            <p class="fx-hint">
              Select an element to see its definition. In the tree, the arrow keys move and fold, Home and End jump, and Enter folds or unfolds.
            </p>
            <div class="button-row fx-tree-actions">
              <button type="button" class="button" onClick={() => setCollapsed(new Set())}>
                Expand all
              </button>
              <button
                type="button"
                class="button"
                onClick={() => {
                  setCollapsed(new Set([...model.nodes.values()].filter((node) => node.children.length > 0 && node.pointer !== '').map((node) => node.pointer)));
                  setSelected('');
                }}
              >
                Collapse all
              </button>
            </div>
            <div class="fx-tree-scroll">
              <ElementTree
                root={explanation.root}
                model={model}
                selected={selectedPointer}
                collapsed={collapsed}
                labelledBy="fx-tree-title"
                onSelect={select}
                onToggle={toggle}
              />
            </div>
          </div>
          <section class="fx-detail" aria-labelledby="fx-detail-heading">
            <h2 id="fx-detail-heading" class="fx-heading">
              Definition
            </h2>
            {selectedNode && (
              <ElementDetail node={selectedNode} isItem={parentOfSelected?.kind === 'array'} resources={state.resources} />
            )}
          </section>
          </div>
        </div>
      )}
    </div>
  );
}
