import type { RefObject } from 'preact';

export interface SummaryError {
  field: string;
  message: string;
}

/** A GOV.UK-style error summary: a heading and one link per problem, each moving focus to its field. */
export function ErrorSummary({ errors, boxRef }: { errors: SummaryError[]; boxRef: RefObject<HTMLDivElement> }) {
  function focusField(event: MouseEvent, field: string) {
    const target = document.getElementById(field);
    if (!target) return;
    event.preventDefault();
    const focusable = target.matches('fieldset') ? target.querySelector<HTMLElement>('input, button') : target;
    focusable?.focus();
    target.scrollIntoView({ block: 'center' });
  }
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={boxRef} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" class="error-summary-title">
        There is a problem
      </h2>
      <ul class="error-summary-list">
        {errors.map((error) => (
          <li key={`${error.field}:${error.message}`}>
            <a href={`#${error.field}`} onClick={(event) => focusField(event, error.field)}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
