import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  compareBriefs,
  comparisonFileName,
  comparisonMarkdown,
  decodeBriefBytes,
  displayValue,
  fieldsWithGaps,
  gapSummary,
  isAnsweredValue,
  sizeProblem,
  type BriefFile,
  type ComparedBrief,
} from '../../lib/brief/compare';
import type { FieldDefinition } from '../../lib/brief/fields';
import { downloadText } from '../worksheet/download';

async function readFile(file: File): Promise<BriefFile> {
  const tooBig = sizeProblem(file.size);
  if (tooBig) return { name: file.name, unreadable: tooBig };
  try {
    return decodeBriefBytes(file.name, new Uint8Array(await file.arrayBuffer()));
  } catch {
    return { name: file.name, unreadable: 'This browser could not read the file.' };
  }
}

function Answer({ field, brief }: { field: FieldDefinition; brief: ComparedBrief }) {
  const value = brief.values[field.id];
  if (!isAnsweredValue(field, value)) {
    return (
      <span class="compare-empty">
        <span aria-hidden="true" class="compare-empty-mark">
          ✕
        </span>{' '}
        Not answered
      </span>
    );
  }
  return <span class="compare-answer">{displayValue(field, value)}</span>;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Several participants' downloaded briefs, read in this browser and shown field by field. */
export default function CompareBriefs() {
  const [ready, setReady] = useState(false);
  const [files, setFiles] = useState<BriefFile[]>([]);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const comparison = useMemo(() => compareBriefs(files), [files]);
  const { briefs, skipped, sections } = comparison;
  const gaps = fieldsWithGaps(comparison);

  useEffect(() => {
    setReady(true);
    // A file dropped anywhere on the page joins the comparison; without this, a drop that
    // misses the zone would make the browser open the file and leave the page.
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      void addFilesRef.current([...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  async function addFiles(list: Iterable<File>) {
    const chosen = [...list];
    if (chosen.length === 0) return;
    setReading(true);
    const read = await Promise.all(chosen.map(readFile));
    setFiles((previous) => [...previous, ...read]);
    setReading(false);
  }

  const addFilesRef = useRef(addFiles);
  addFilesRef.current = addFiles;

  let status = 'No briefs selected yet.';
  if (reading) status = 'Reading the files…';
  else if (files.length > 0) {
    status = `${plural(briefs.length, 'brief', 'briefs')} compared`;
    if (skipped.length > 0) status += `, ${plural(skipped.length, 'file', 'files')} skipped`;
    status += '.';
  }

  return (
    <div class="compare" data-ready={ready ? '' : undefined}>
      <div
        class={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(event) => {
          if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
      >
        <label for="compare-files" class="drop-label">
          Choose the Markdown briefs to compare
        </label>
        <p class="drop-hint" id="compare-files-hint">
          Select several files at once, or drop them here. Files you add later join the comparison.
        </p>
        <input
          id="compare-files"
          ref={inputRef}
          type="file"
          multiple
          accept=".md,.markdown,.txt,text/markdown,text/plain"
          aria-describedby="compare-files-hint"
          disabled={!ready}
          onChange={(event) => {
            const input = event.currentTarget;
            const chosen = [...(input.files ?? [])];
            input.value = '';
            void addFiles(chosen);
          }}
        />
      </div>

      <div class="compare-bar">
        <p role="status" class="compare-status">
          {status}
        </p>
        <div class="button-row">
          <button
            type="button"
            class="button button-primary"
            disabled={!ready || briefs.length === 0}
            onClick={() => {
              const now = new Date();
              downloadText(comparisonFileName(now), comparisonMarkdown(comparison, now), 'text/markdown;charset=utf-8');
            }}
          >
            Download the comparison (Markdown)
          </button>
          <button
            type="button"
            class="button"
            disabled={!ready || files.length === 0}
            onClick={() => {
              setFiles([]);
              inputRef.current?.focus();
            }}
          >
            Clear
          </button>
        </div>
      </div>

      {skipped.length > 0 && (
        <div class="alert compare-skipped" role="alert">
          <p>
            <strong>{plural(skipped.length, 'file was', 'files were')} skipped</strong> because {skipped.length === 1 ? 'it is' : 'they are'} not
            a brief this page can read:
          </p>
          <ul>
            {skipped.map((file, index) => (
              <li key={`${file.name}-${index}`}>
                <strong class="skipped-name">{file.name}</strong>: {file.reason}
              </li>
            ))}
          </ul>
        </div>
      )}

      {briefs.length > 0 && (
        <>
          <section class="compare-gaps" aria-labelledby="gaps-heading">
            <h2 id="gaps-heading">Gaps at a glance</h2>
            {gaps.length === 0 ? (
              <p>Every field is answered in all {plural(briefs.length, 'brief', 'briefs')}.</p>
            ) : (
              <ul class="gap-list">
                {gaps.map((entry) => (
                  <li key={entry.field.id}>
                    <strong>{gapSummary(entry)}</strong>. Not answered in: {entry.missing.join('; ')}.
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section class="compare-results" aria-labelledby="side-heading">
            <h2 id="side-heading">Side by side</h2>
            <div class="table-scroll compare-scroll" role="region" tabindex={0} aria-label="The briefs side by side, field by field">
              <table class="compare-table">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Answered</th>
                    {briefs.map((brief, index) => (
                      <th scope="col" key={index}>
                        <span class="compare-brief-title">{brief.label}</span>
                        <span class="compare-file">{brief.fileName}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                {sections.map(({ section, fields }, sectionIndex) => (
                  <tbody key={section.id}>
                    <tr class="compare-section-row">
                      <th scope="colgroup" colSpan={briefs.length + 2}>
                        {sectionIndex + 1}. {section.title}
                      </th>
                    </tr>
                    {fields.map((entry) => (
                      <tr key={entry.field.id} class={entry.answered < entry.total ? 'has-gap' : undefined}>
                        <th scope="row">
                          {entry.field.label}
                          {!entry.field.required && <span class="field-optional"> (optional)</span>}
                        </th>
                        <td class="compare-count">
                          {entry.answered} of {entry.total}
                        </td>
                        {briefs.map((brief, index) => (
                          <td key={index} class={isAnsweredValue(entry.field, brief.values[entry.field.id]) ? undefined : 'is-empty'}>
                            <Answer field={entry.field} brief={brief} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                ))}
              </table>
            </div>

            <div class="compare-stack">
              {sections.map(({ section, fields }, sectionIndex) => (
                <section key={section.id} class="compare-stack-section" aria-labelledby={`stack-${section.id}`}>
                  <h3 id={`stack-${section.id}`}>
                    {sectionIndex + 1}. {section.title}
                  </h3>
                  {fields.map((entry) => (
                    <div key={entry.field.id} class="compare-field">
                      <h4>{entry.field.label}</h4>
                      <p class="compare-field-summary">{gapSummary(entry)}</p>
                      <ul>
                        {briefs.map((brief, index) => (
                          <li key={index} class={isAnsweredValue(entry.field, brief.values[entry.field.id]) ? undefined : 'is-empty'}>
                            <span class="compare-who">{brief.label}</span> <Answer field={entry.field} brief={brief} />
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </section>
              ))}
            </div>
          </section>
        </>
      )}
    </div>
  );
}
