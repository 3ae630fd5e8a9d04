import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { ACTION_MEANINGS } from '../../lib/dicom/deidentification';
import type { ElementView, ValueView } from '../../lib/dicom/inspect';
import { formatNumber } from '../../lib/number-format';

/** Rows shown before "Show all": a long list renders in steps so the page stays responsive. */
export const FIRST_ROWS = 200;
/** Characters of a long value shown before "Show all". */
const SHORT_VALUE = 120;
/** Sequences with at most this many elements inside start open. */
const OPEN_SEQUENCE_ELEMENTS = 60;

function countInside(element: ElementView): number {
  return (element.items ?? []).reduce((sum, item) => sum + item.length + item.reduce((inner, child) => inner + countInside(child), 0), 0);
}

export function Value({ value }: { value: ValueView }) {
  const [expanded, setExpanded] = useState(false);
  if (value.kind === 'empty') return <span class="value-empty">(empty)</span>;
  if (value.kind === 'binary' || value.kind === 'pixels' || value.kind === 'sequence') return <span class="value-summary">{value.summary}</span>;
  const long = value.text.length > SHORT_VALUE;
  const shown = long && !expanded ? `${value.text.slice(0, SHORT_VALUE)}…` : value.text;
  return (
    <>
      <span class="value-text">{shown}</span>
      {expanded && value.cut && <span class="value-summary"> (the first {formatNumber(value.text.length)} characters)</span>}
      {long && (
        <>
          {' '}
          <button type="button" class="link-button value-toggle" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show less' : `Show all ${formatNumber(value.text.length)} characters`}
          </button>
        </>
      )}
    </>
  );
}

function Badges({ element }: { element: ElementView }) {
  const rule = element.deidentify;
  return (
    <>
      {rule && (
        <span class="badge badge-identifying">
          Annex E: {rule.code}
          <span class="visually-hidden"> ({ACTION_MEANINGS[rule.code]})</span>
        </span>
      )}
      {element.private && <span class="badge">Private</span>}
    </>
  );
}

function ElementRow({ element, depth }: { element: ElementView; depth: number }) {
  const [open, setOpen] = useState(() => countInside(element) <= OPEN_SEQUENCE_ELEMENTS);
  const items = element.items ?? [];
  const depthClass = `depth-${Math.min(depth, 6)}`;
  return (
    <>
      <tr class={element.deidentify ? 'row-identifying' : undefined} data-tag={element.tag}>
        <td class={`cell-tag ${depthClass}`}>
          <code>{element.display}</code>
        </td>
        <td class="cell-vr">
          <code class={element.vrSource === 'dictionary' ? 'vr-dictionary' : undefined}>{element.vr}</code>
          {element.vrSource === 'dictionary' && <span class="visually-hidden"> (from the dictionary)</span>}
        </td>
        <td class="cell-name">
          <span>{element.name}</span> <Badges element={element} />
        </td>
        <td class="cell-value">
          <Value value={element.value} />
          {items.length > 0 && (
            <>
              {' '}
              <button type="button" class="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
                {open ? 'Hide items' : `Show ${items.length === 1 ? 'the item' : `${items.length} items`}`}
              </button>
            </>
          )}
        </td>
      </tr>
      {open &&
        items.map((item, index) => (
          <Fragment key={`item-${index}`}>
            <tr class="item-row">
              <td colSpan={4} class={`depth-${Math.min(depth + 1, 6)}`}>
                Item {index + 1} of {element.name}
                {item.length === 0 ? ' (empty)' : ''}
              </td>
            </tr>
            {item.map((child) => (
              <ElementRow element={child} depth={depth + 1} key={`${index}-${child.tag}`} />
            ))}
          </Fragment>
        ))}
    </>
  );
}

export function ElementTable({ elements, caption }: { elements: ElementView[]; caption: string }) {
  const [limit, setLimit] = useState(FIRST_ROWS);
  const shown = elements.slice(0, limit);
  return (
    <>
      <div class="table-scroll dicom-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table class="dicom-table">
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">VR</th>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((element) => (
              <ElementRow element={element} depth={0} key={element.tag} />
            ))}
          </tbody>
        </table>
      </div>
      {elements.length > limit && (
        <p>
          <button type="button" class="button" onClick={() => setLimit(elements.length)}>
            Show all {formatNumber(elements.length)} elements
          </button>
        </p>
      )}
    </>
  );
}
