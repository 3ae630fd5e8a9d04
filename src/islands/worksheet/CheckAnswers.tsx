import { BRIEF_SECTIONS, choiceLabel } from '../../lib/brief/fields';
import { answerOf, sameAnswers, vagueAnswers, type Brief } from '../../lib/brief/model';
import { pure } from '../shared/pure';
import { fieldDomId } from './FieldInput';

interface Props {
  brief: Brief;
  onChange: (fieldId: string) => void;
}

/**
 * "Check your brief", after GOV.UK's check-answers pattern; it is also what prints. It renders
 * again only when an answer changes, not when another brief with the same answers replaces it.
 */
export const CheckAnswers = pure(function CheckAnswers({ brief, onChange }: Props) {
  const vague = vagueAnswers(brief);
  return (
    <section class="check-answers" aria-labelledby="check-answers-heading">
      <h2 id="check-answers-heading">Check your brief</h2>
      {vague.length > 0 && (
        <div class="vague-summary" role="region" aria-labelledby="vague-heading">
          <h3 id="vague-heading">
            {vague.length} {vague.length === 1 ? 'answer needs' : 'answers need'} to be more specific
          </h3>
          <ul>
            {vague.map(({ field, reason }) => (
              <li key={field.id}>
                <a
                  href={`#${fieldDomId(field.id)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onChange(field.id);
                  }}
                >
                  {field.label}
                </a>{' '}
                {reason}.
              </li>
            ))}
          </ul>
        </div>
      )}
      {BRIEF_SECTIONS.map((section, index) => (
        <div class="summary-section" key={section.id}>
          <h3>
            {index + 1}. {section.title}
          </h3>
          <dl class="summary-list">
            {section.fields.map((field) => {
              const raw = answerOf(brief, field.id);
              const answer = field.kind === 'choice' && raw ? choiceLabel(field, raw) : raw;
              const provided = answer.trim() !== '';
              return (
                <div class="summary-row" key={field.id}>
                  <dt>{field.label}</dt>
                  <dd class={provided ? 'summary-answer' : 'summary-answer summary-missing'}>{provided ? answer : 'Not provided'}</dd>
                  <dd class="summary-action">
                    <a
                      href={`#${fieldDomId(field.id)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        onChange(field.id);
                      }}
                    >
                      Change<span class="visually-hidden"> {field.label}</span>
                    </a>
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
    </section>
  );
}, (previous, next) => previous.onChange === next.onChange && sameAnswers(previous.brief, next.brief));
