import type { FieldDefinition } from '../../lib/brief/fields';
import { pure } from '../shared/pure';

interface Props {
  field: FieldDefinition;
  value: string;
  onAnswer: (fieldId: string, value: string) => void;
}

export const fieldDomId = (id: string) => `field-${id}`;

/**
 * One question of the brief: label, help, an example on request, and the control. It renders
 * again only when its own answer changes; the form disables the controls until it is ready.
 */
export const FieldInput = pure(function FieldInput({ field, value, onAnswer }: Props) {
  const id = fieldDomId(field.id);
  const helpId = `${id}-help`;
  const hint = (
    <details class="field-example">
      <summary>Show an example</summary>
      <p>{field.example}</p>
    </details>
  );

  if (field.kind === 'choice') {
    return (
      <fieldset class="field field-choice" id={id} tabIndex={-1} aria-describedby={helpId}>
        <legend class="field-label">{field.label}</legend>
        <p class="field-help" id={helpId}>
          {!field.required && <span class="field-optional">Optional. </span>}
          {field.help}
        </p>
        {hint}
        <div class="choice-options">
          {field.options?.map((option) => (
            <label class="choice-option" key={option.value}>
              <input
                type="radio"
                name={field.id}
                value={option.value}
                checked={value === option.value}
                onChange={() => onAnswer(field.id, option.value)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }

  const listId = field.suggestions ? `${id}-suggestions` : undefined;
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {field.label}
      </label>
      <p class="field-help" id={helpId}>
        {!field.required && <span class="field-optional">Optional. </span>}
        {field.help}
      </p>
      {hint}
      {field.kind === 'text' ? (
        <textarea
          id={id}
          name={field.id}
          rows={3}
          value={value}
          aria-describedby={helpId}
          onInput={(event) => onAnswer(field.id, event.currentTarget.value)}
        />
      ) : (
        <input
          id={id}
          name={field.id}
          type="text"
          value={value}
          autocomplete="off"
          aria-describedby={helpId}
          list={listId}
          onInput={(event) => onAnswer(field.id, event.currentTarget.value)}
        />
      )}
      {field.suggestions && (
        <datalist id={listId}>
          {field.suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
    </div>
  );
});
