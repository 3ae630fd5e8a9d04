import { useStore } from '@nanostores/preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import {
  scoreStrategy,
  sortQuestions,
  strategyMarkdown,
  type Answers,
  type StrategyOutcome,
  type StrategyQuestion,
  type StrategyResult,
} from '../../lib/strategy';
import { $storageHealth } from '../../stores/storage';
import { $strategyAnswers, answer, resetAnswers } from '../../stores/strategy';
import { HydrateWhenIdle, usePartsLive } from '../shared/HydrateWhenIdle';
import { MarkdownExport } from '../shared/MarkdownExport';
import { pure } from '../shared/pure';
import { isoDate } from '../worksheet/download';

interface Props {
  questions: StrategyQuestion[];
  outcomes: StrategyOutcome[];
}

const NO_ANSWERS: Answers = {};

const questionDomId = (id: string) => `question-${id}`;

function focusQuestion(id: string) {
  const fieldset = document.getElementById(questionDomId(id));
  fieldset?.querySelector<HTMLInputElement>('input')?.focus();
  fieldset?.scrollIntoView({ block: 'center' });
}

interface QuestionProps {
  question: StrategyQuestion;
  index: number;
  selected: string | undefined;
  /** Whether the answers are known yet (after mounting): only then can one be missing. */
  answersKnown: boolean;
  onAnswer: (questionId: string, optionId: string) => void;
}

/** One question as a native radio group; it renders again only when its own answer changes. */
const Question = pure(function Question({ question, index, selected, answersKnown, onAnswer }: QuestionProps) {
  return (
    <fieldset class="question" id={questionDomId(question.id)} aria-describedby={question.help ? `${questionDomId(question.id)}-help` : undefined}>
      <legend>
        {/* One string: hydrating the server's "1. " against the number 1 and ". " would keep "1. " (Preact
            compares text loosely, and "1. " == 1) and add ". " after it. */}
        <span class="question-number">{`${index + 1}. `}</span>
        {question.question}
        {!question.required && <span class="field-optional"> (optional)</span>}
      </legend>
      {question.help && (
        <p class="question-help" id={`${questionDomId(question.id)}-help`}>
          {question.help}
        </p>
      )}
      <ul class="question-options">
        {question.options.map((option) => (
          <li key={option.id}>
            <label class="question-option">
              <input
                type="radio"
                name={question.id}
                value={option.id}
                checked={selected === option.id}
                onChange={() => onAnswer(question.id, option.id)}
              />
              <span>{option.label}</span>
            </label>
          </li>
        ))}
      </ul>
      {selected === undefined && answersKnown && <p class="print-only">Not answered</p>}
    </fieldset>
  );
});

/** What the answers so far lead to, and where it sits among the phases. */
const Recommendation = pure(function Recommendation({ result, phases }: { result: StrategyResult; phases: StrategyOutcome[] }) {
  return (
    <>
      {result.status === 'incomplete' ? (
        <div class="missing-answers" id="strategy-missing">
          <p>
            <strong>Not enough answers for a recommendation yet.</strong> {result.answered} of {result.total} answered; a recommendation needs{' '}
            {result.missing.length === 1 ? 'this one' : `these ${result.missing.length}`}:
          </p>
          <ul>
            {result.missing.map((question) => (
              <li key={question.id}>
                <a
                  href={`#${questionDomId(question.id)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusQuestion(question.id);
                  }}
                >
                  {question.question}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div class="recommendation" id="strategy-recommendation">
          <h3 class="recommendation-title">{result.outcome.title}</h3>
          <p>{result.outcome.summary}</p>
          <p>
            <strong>Why</strong>
          </p>
          <ul>
            {result.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <p>
            <strong>Next steps</strong>
          </p>
          <ol>
            {result.outcome.nextSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {result.closeRunnerUp && (
            <p>
              A close call: <strong>{result.closeRunnerUp.title}</strong> came within one point. Talk through both with your team.
            </p>
          )}
          {result.unanswered.length > 0 && (
            <p>
              {result.unanswered.length} optional {result.unanswered.length === 1 ? 'question is' : 'questions are'} unanswered; answering{' '}
              {result.unanswered.length === 1 ? 'it' : 'them'} could change the result.
            </p>
          )}
        </div>
      )}

      <h3>Where this sits in the phased strategy</h3>
      <ol class="phase-path">
        {phases.map((phase) => {
          const current = result.status === 'recommendation' && result.outcome.id === phase.id;
          return (
            <li key={phase.id} class={current ? 'current-phase' : undefined} aria-current={current ? 'step' : undefined}>
              {phase.title}
              {current && ' (recommended start)'}
            </li>
          );
        })}
      </ol>
    </>
  );
});

/**
 * The questions, scored live; the recommendation prints with the answers. Each question and the
 * recommendation hydrate in idle tasks of their own, and the form takes answers once all are live.
 */
export default function StrategyAid({ questions, outcomes }: Props) {
  const [mounted, setMounted] = useState(false);
  const [partsLive, parts] = usePartsLive();
  const ready = mounted && partsLive;
  const stored = useStore($strategyAnswers);
  const storedHealth = useStore($storageHealth);
  // Until the first effect runs, render what the server rendered (no answers).
  const answers: Answers = mounted ? stored : NO_ANSWERS;
  const health = mounted ? storedHealth : 'ok';
  const [status, setStatus] = useState('');

  useEffect(() => setMounted(true), []);

  const onAnswer = useCallback((questionId: string, optionId: string) => {
    answer(questionId, optionId);
    setStatus('');
  }, []);

  const ordered = useMemo(() => sortQuestions(questions), [questions]);
  const phases = useMemo(() => [...outcomes].sort((a, b) => a.order - b.order), [outcomes]);
  const result = useMemo(() => scoreStrategy(ordered, outcomes, answers), [ordered, outcomes, answers]);

  return (
    <div class="decision-aid" data-ready={ready ? '' : undefined}>
      {health !== 'ok' && (
        <div class="alert alert-warning" role="alert">
          <p>
            <strong>Your answers are not being saved.</strong> This browser is not letting the site store anything, so they are kept only in this tab.
          </p>
        </div>
      )}

      <form class="strategy-form" onSubmit={(event) => event.preventDefault()} aria-label="Decision aid questions">
        <p class="strategy-progress no-print" aria-live="polite">
          {result.answered} of {result.total} questions answered
        </p>
        <fieldset class="until-ready" role="none" disabled={!ready}>
          {ordered.map((question, index) => (
            <HydrateWhenIdle key={question.id} parts={parts}>
              <Question question={question} index={index} selected={answers[question.id]} answersKnown={mounted} onAnswer={onAnswer} />
            </HydrateWhenIdle>
          ))}
          <div class="button-row no-print">
            <button
              type="button"
              class="button"
              onClick={() => {
                resetAnswers();
                setStatus('All answers cleared.');
                requestAnimationFrame(() => focusQuestion(ordered[0]?.id ?? ''));
              }}
            >
              Clear all answers
            </button>
          </div>
        </fieldset>
        <p class="calc-status no-print" role="status">
          {status}
        </p>
      </form>

      <section class="strategy-result" aria-labelledby="result-heading">
        <h2 id="result-heading" tabIndex={-1}>
          Recommendation
        </h2>
        <HydrateWhenIdle parts={parts}>
          <Recommendation result={result} phases={phases} />
        </HydrateWhenIdle>

        <div class="no-print">
          <h3>Keep the result</h3>
          <div class="button-row">
            <button type="button" class="button" onClick={() => window.print()} disabled={!ready}>
              Print questions and result
            </button>
          </div>
          <MarkdownExport
            markdown={() => strategyMarkdown(ordered, answers, result)}
            fileName={`standalone-or-integrated-${isoDate()}.md`}
            what="the questions, answers and result"
            disabled={!ready}
          />
        </div>
      </section>
    </div>
  );
}
