import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { scoreStrategy, sortQuestions, strategyMarkdown, type Answers, type StrategyOutcome, type StrategyQuestion } from '../../lib/strategy';
import { $storageHealth } from '../../stores/storage';
import { $strategyAnswers, answer, resetAnswers } from '../../stores/strategy';
import { MarkdownExport } from '../shared/MarkdownExport';
import { isoDate } from '../worksheet/download';

interface Props {
  questions: StrategyQuestion[];
  outcomes: StrategyOutcome[];
}

const questionDomId = (id: string) => `question-${id}`;

/** The questions as native radio groups, scored live; the recommendation prints with the answers. */
export default function StrategyAid({ questions, outcomes }: Props) {
  const [ready, setReady] = useState(false);
  const stored = useStore($strategyAnswers);
  const storedHealth = useStore($storageHealth);
  // Until the first effect runs, render what the server rendered (no answers).
  const answers: Answers = ready ? stored : {};
  const health = ready ? storedHealth : 'ok';
  const [status, setStatus] = useState('');
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => setReady(true), []);

  const ordered = sortQuestions(questions);
  const phases = [...outcomes].sort((a, b) => a.order - b.order);
  const result = scoreStrategy(ordered, outcomes, answers);

  function focusQuestion(id: string) {
    const fieldset = document.getElementById(questionDomId(id));
    fieldset?.querySelector<HTMLInputElement>('input')?.focus();
    fieldset?.scrollIntoView({ block: 'center' });
  }

  // The key swaps the server-rendered tree for a fresh one once ready: Preact does not patch
  // text while hydrating, so text nodes that the HTML merged would keep stale copies ("1. .").
  return (
    <div class="decision-aid" data-ready={ready ? '' : undefined} key={ready ? 'live' : 'server'}>
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
        {ordered.map((question, index) => (
          <fieldset class="question" id={questionDomId(question.id)} key={question.id} aria-describedby={question.help ? `${questionDomId(question.id)}-help` : undefined}>
            <legend>
              <span class="question-number">{index + 1}. </span>
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
                      checked={answers[question.id] === option.id}
                      disabled={!ready}
                      onChange={() => {
                        answer(question.id, option.id);
                        setStatus('');
                      }}
                    />
                    <span>{option.label}</span>
                  </label>
                </li>
              ))}
            </ul>
            {!(question.id in answers) && ready && <p class="print-only">Not answered</p>}
          </fieldset>
        ))}
        <div class="button-row no-print">
          <button
            type="button"
            class="button"
            disabled={!ready}
            onClick={() => {
              resetAnswers();
              setStatus('All answers cleared.');
              requestAnimationFrame(() => focusQuestion(ordered[0]?.id ?? ''));
            }}
          >
            Clear all answers
          </button>
        </div>
        <p class="calc-status no-print" role="status">
          {status}
        </p>
      </form>

      <section class="strategy-result" aria-labelledby="result-heading">
        <h2 id="result-heading" ref={resultRef} tabIndex={-1}>
          Recommendation
        </h2>
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
