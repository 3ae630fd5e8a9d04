import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { answerKey, correctIndex, inlineCodeParts, scoreAnswers, scoreText, type QuizOption, type QuizQuestion } from '../../lib/quiz';
import { answerQuestion, clearPageAnswers, $learning } from '../../stores/learning';
import { $storageHealth } from '../../stores/storage';

interface Props {
  /** The guide page's slug: answers are stored under it. */
  page: string;
  questions: QuizQuestion[];
  /** The learning path (/guide/ with the base), linked once the page is done. */
  pathHref: string;
}

function Inline({ text }: { text: string }) {
  return (
    <>
      {inlineCodeParts(text).map((part, index) => (part.code ? <code key={index}>{part.text}</code> : part.text))}
    </>
  );
}

/** The right answer and why: inside each <details> without JavaScript, and on paper. */
function RightAnswer({ option }: { option: QuizOption }) {
  return (
    <>
      <p>
        <strong>Answer:</strong> <Inline text={option.text} />
      </p>
      <p>
        <Inline text={option.explanation} />
      </p>
    </>
  );
}

/**
 * What the server renders, and what readers without JavaScript keep: each question as a
 * <details> with the right answer and why. Print shows them open (global.css).
 */
function StaticQuiz({ questions }: { questions: QuizQuestion[] }) {
  return (
    <>
      {questions.map((question) => {
        const right = question.options[correctIndex(question)] as QuizOption;
        return (
          <details key={question.id} class="quiz-details">
            <summary>
              <Inline text={question.question} />
            </summary>
            <RightAnswer option={right} />
          </details>
        );
      })}
    </>
  );
}

function Feedback({ question, choice }: { question: QuizQuestion; choice: number | undefined }) {
  if (choice === undefined) return null;
  const chosen = question.options[choice];
  if (!chosen) return null;
  const others = question.options.map((option, index) => ({ option, index })).filter(({ index }) => index !== choice);
  return (
    <div class={`quiz-result ${chosen.correct ? 'is-right' : 'is-wrong'}`}>
      <p class="quiz-verdict">
        <span class="quiz-mark" aria-hidden="true">
          {chosen.correct ? '✓' : '✗'}
        </span>{' '}
        <strong>{chosen.correct ? 'Correct.' : 'Not quite.'}</strong> You chose “<Inline text={chosen.text} />”
      </p>
      <p>
        <Inline text={chosen.explanation} />
      </p>
      {chosen.correct ? (
        <>
          <p class="quiz-others-heading">Why the other answers are wrong:</p>
          <ul class="quiz-others">
            {others.map(({ option, index }) => (
              <li key={index}>
                <strong>
                  <Inline text={option.text} />
                </strong>{' '}
                <Inline text={option.explanation} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Choose another answer and check it again.</p>
      )}
    </div>
  );
}

/**
 * The knowledge check at the end of a guide page: each question a fieldset of native radio
 * buttons with a Check button, and the feedback for the checked answer in the question's polite
 * live region, so focus stays where the learner is. The server renders the same form (shown once
 * the theme script marks the page as scripted) beside plain <details> for readers without
 * JavaScript, so hydrating as the reader scrolls near does not change the page's height under a
 * jump to a heading below.
 */
export function Quiz({ page, questions, pathHref }: Props) {
  const [ready, setReady] = useState(false);
  const progress = useStore($learning);
  const storageHealth = useStore($storageHealth);
  // Saved answers and storage problems appear after hydration: the first render must match the server's.
  const answers = ready ? progress.pages[page] : undefined;
  const health = ready ? storageHealth : 'ok';
  /** The option each radio group has selected but not necessarily checked yet. */
  const [selected, setSelected] = useState<Record<string, number | undefined>>({});
  const [prompt, setPrompt] = useState<Record<string, boolean>>({});
  const [cleared, setCleared] = useState(false);
  const summaryRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => setReady(true), []);

  const score = scoreAnswers(answerKey(questions), answers);
  const selectedFor = (id: string) => (id in selected ? selected[id] : answers?.[id]);

  function check(question: QuizQuestion) {
    const choice = selectedFor(question.id);
    if (choice === undefined) {
      setPrompt({ ...prompt, [question.id]: true });
      return;
    }
    setPrompt({ ...prompt, [question.id]: false });
    setCleared(false);
    answerQuestion(page, question.id, choice);
  }

  function clear() {
    clearPageAnswers(page);
    setSelected(Object.fromEntries(questions.map((question) => [question.id, undefined])));
    setPrompt({});
    setCleared(true);
    summaryRef.current?.focus();
  }

  return (
    <>
      {!ready && (
        <div class="no-js-only">
          <StaticQuiz questions={questions} />
        </div>
      )}
      <div class="quiz js-only" data-ready={ready ? '' : undefined}>
        <p class="quiz-intro">
          Choose an answer, then check it. Every answer explains why it is right or wrong, and you can try again as often as
          you like. Answer all {questions.length} correctly to mark this page done on <a href={pathHref}>the learning path</a>.
          Your answers stay in this browser; nothing is uploaded.
        </p>
        {health !== 'ok' && (
          <p class="quiz-storage">
            This browser is not letting the site save, so your answers last only until you leave the page.
          </p>
        )}
        {questions.map((question, number) => {
          const name = `quiz-${page}-${question.id}`;
          const checked = answers?.[question.id];
          const right = question.options[correctIndex(question)] as QuizOption;
          return (
            <fieldset key={question.id} class="quiz-question" data-question={question.id}>
              <legend>
                <span class="quiz-number">Question {number + 1} of {questions.length}.</span> <Inline text={question.question} />
              </legend>
              <div class="quiz-options">
                {question.options.map((option, index) => {
                  const id = `${name}-${index}`;
                  const state = checked === index ? (option.correct ? ' is-right' : ' is-wrong') : '';
                  return (
                    <div key={index} class={`quiz-option${state}`}>
                      <input
                        type="radio"
                        id={id}
                        name={name}
                        value={String(index)}
                        checked={selectedFor(question.id) === index}
                        onChange={() => setSelected({ ...selected, [question.id]: index })}
                      />
                      <label for={id}>
                        <Inline text={option.text} />
                      </label>
                    </div>
                  );
                })}
              </div>
              <button type="button" class="button quiz-check" onClick={() => check(question)}>
                Check answer
              </button>
              <div class="quiz-feedback" role="status">
                {prompt[question.id] ? <p>Choose an answer first.</p> : <Feedback question={question} choice={checked} />}
              </div>
              <div class="quiz-print-answer">
                <RightAnswer option={right} />
              </div>
            </fieldset>
          );
        })}
        <div class="quiz-summary">
          <p class="quiz-score" role="status" tabindex={-1} ref={summaryRef}>
            {cleared ? 'Your answers to this page are cleared. ' : ''}
            {scoreText(score)}
          </p>
          <div class="quiz-actions">
            {score.done && (
              <a class="button" href={pathHref}>
                See your learning path
              </a>
            )}
            {(score.answered > 0 || Object.values(selected).some((value) => value !== undefined)) && (
              <button type="button" class="button" onClick={clear}>
                Clear my answers
              </button>
            )}
          </div>
        </div>
      </div>
    </>
  );
}

export default Quiz;
