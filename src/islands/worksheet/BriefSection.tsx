import { useStore } from '@nanostores/preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { BRIEF_SECTIONS, type FieldDefinition } from '../../lib/brief/fields';
import { answerOf, createBrief, isAnswered, type Brief } from '../../lib/brief/model';
import { $draft, $liveSections, editAnswer } from '../../stores/briefs';
import { $timedSection } from '../../stores/timer';
import { HydrateWhenIdle, usePartsLive } from '../shared/HydrateWhenIdle';
import { FieldInput } from './FieldInput';

const EMPTY = createBrief('server', 0);

const sameAnswersIn = (fields: readonly FieldDefinition[], a: Brief | null, b: Brief | null) =>
  a === b || (a !== null && b !== null && fields.every((field) => answerOf(a, field.id) === answerOf(b, field.id)));

/**
 * The draft brief, as far as these fields go: it changes (and the section renders again) only
 * when one of their answers does, so a keystroke renders its own section and not all seven.
 */
function useDraftFor(fields: readonly FieldDefinition[]): Brief | null {
  const [draft, setDraft] = useState(() => $draft.get());
  useEffect(() => {
    const follow = (next: Brief | null) => setDraft((previous) => (sameAnswersIn(fields, previous, next) ? previous : next));
    const stop = $draft.listen(follow);
    follow($draft.get());
    return stop;
  }, [fields]);
  return draft;
}

/**
 * One section of the brief form, an island of its own inside the worksheet's form, and each of
 * its fields a part that hydrates on its own: the form hydrates in many short tasks instead of
 * one long one. The sections and the rest of the worksheet share the brief through the stores.
 */
export default function BriefSection({ index }: { index: number }) {
  const section = BRIEF_SECTIONS[index]!;
  const draft = useDraftFor(section.fields);
  const timed = useStore($timedSection);
  // Hydration does not patch markup that differs from the server's (an empty, disabled form):
  // the first render matches it, and the saved answers follow in the same task.
  const [hydrated, setHydrated] = useState(false);
  useLayoutEffect(() => setHydrated(true), []);
  // Each field hydrates later in an idle task of its own; the section takes input once all have.
  const [fieldsLive, fieldParts] = usePartsLive();
  useEffect(() => {
    if (!fieldsLive) return;
    $liveSections.set($liveSections.get() + 1);
    return () => $liveSections.set($liveSections.get() - 1);
  }, [fieldsLive]);

  const known = hydrated && draft !== null;
  const brief = known ? draft : EMPTY;
  const answered = section.fields.filter((field) => isAnswered(brief, field)).length;
  const isCurrent = known && timed === index;

  return (
    <section class={isCurrent ? 'brief-section current' : 'brief-section'} aria-labelledby={`section-${section.id}`}>
      <fieldset class="until-ready" role="none" disabled={!(known && fieldsLive)}>
        <h2 id={`section-${section.id}`}>
          <span>
            {index + 1}. {section.title}
          </span>
          <span class="section-meta">
            {section.minutes} min · {answered} of {section.fields.length} answered
            {isCurrent && <span class="section-now"> · now</span>}
          </span>
        </h2>
        {section.fields.map((field) => (
          <HydrateWhenIdle key={field.id} parts={fieldParts}>
            <FieldInput field={field} value={answerOf(brief, field.id)} onAnswer={editAnswer} />
          </HydrateWhenIdle>
        ))}
      </fieldset>
    </section>
  );
}
