/**
 * The knowledge checks at the end of each guide page, and the learner's progress through
 * them. Pure functions: the quiz island, the learning path on /guide/ and the tests share
 * them; the browser storage that keeps progress is in src/stores/learning.ts.
 */

export interface QuizOption {
  text: string;
  correct: boolean;
  explanation: string;
}

export interface QuizQuestion {
  id: string;
  question: string;
  options: readonly QuizOption[];
}

/** For each question id, the index of its correct option. All the learning path needs to know. */
export type AnswerKey = Readonly<Record<string, number>>;

/** The option index a learner last checked, by question id, for one page. */
export type PageAnswers = Readonly<Record<string, number>>;

/** Everything stored: the learner's last checked answer to each question, by guide page. */
export interface LearningProgress {
  readonly pages: Readonly<Record<string, PageAnswers>>;
}

export const EMPTY_PROGRESS: LearningProgress = { pages: {} };

/** Slugs and question ids as stored; anything else in storage is ignored. */
const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** More than any real guide has; a larger stored value is not ours and is cut down. */
const MAX_PAGES = 200;
const MAX_QUESTIONS = 20;
const MAX_OPTIONS = 10;
/** Bumped if the stored shape ever changes; an unknown version reads as no progress. */
export const PROGRESS_VERSION = 1;

/** The index of a question's correct option; throws for a question without exactly one. */
export function correctIndex(question: QuizQuestion): number {
  const indexes = question.options.flatMap((option, index) => (option.correct ? [index] : []));
  if (indexes.length !== 1) {
    throw new Error(`Question "${question.id}" needs exactly one correct option, found ${indexes.length}.`);
  }
  return indexes[0] as number;
}

export function answerKey(questions: readonly QuizQuestion[]): AnswerKey {
  return Object.fromEntries(questions.map((question) => [question.id, correctIndex(question)]));
}

/**
 * Mismatches between the guide pages and the quizzes: a quiz for a page that does not
 * exist (a renamed or deleted page) and a page without a quiz. Empty when all is well.
 */
export function quizPageProblems(guideSlugs: readonly string[], quizSlugs: readonly string[]): string[] {
  const pages = new Set(guideSlugs);
  const quizzes = new Set(quizSlugs);
  return [
    ...quizSlugs
      .filter((slug) => !pages.has(slug))
      .map((slug) => `content/quizzes/${slug}.yaml has no guide page: there is no content/guide/${slug}.mdx (rename the quiz to match its page).`),
    ...guideSlugs
      .filter((slug) => !quizzes.has(slug))
      .map((slug) => `content/guide/${slug}.mdx has no quiz: add content/quizzes/${slug}.yaml with its three "Check yourself" questions.`),
  ];
}

/** Throws one error listing every mismatch, so a build fails with all of them named. */
export function assertQuizzesMatchPages(guideSlugs: readonly string[], quizSlugs: readonly string[]): void {
  const problems = quizPageProblems(guideSlugs, quizSlugs);
  if (problems.length > 0) throw new Error(`Guide quizzes do not match the guide pages:\n- ${problems.join('\n- ')}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPageAnswers(value: unknown): Record<string, number> | undefined {
  if (!isRecord(value)) return undefined;
  const answers: Record<string, number> = {};
  let count = 0;
  for (const [id, choice] of Object.entries(value)) {
    if (count >= MAX_QUESTIONS) break;
    if (!KEY_PATTERN.test(id)) continue;
    if (typeof choice !== 'number' || !Number.isInteger(choice) || choice < 0 || choice >= MAX_OPTIONS) continue;
    answers[id] = choice;
    count += 1;
  }
  return count > 0 ? answers : undefined;
}

/**
 * Reads stored progress defensively: anything that is not the stored shape (another
 * version, a hand edit, a truncated write) becomes no progress, and bad entries are
 * dropped one by one so the good ones survive.
 */
export function readProgress(value: unknown): LearningProgress {
  if (!isRecord(value) || value['v'] !== PROGRESS_VERSION || !isRecord(value['pages'])) return EMPTY_PROGRESS;
  const pages: Record<string, PageAnswers> = {};
  let count = 0;
  for (const [slug, answers] of Object.entries(value['pages'])) {
    if (count >= MAX_PAGES) break;
    if (!KEY_PATTERN.test(slug)) continue;
    const read = readPageAnswers(answers);
    if (!read) continue;
    pages[slug] = read;
    count += 1;
  }
  return { pages };
}

/** Parses stored text; unreadable text is no progress, never an error. */
export function decodeProgress(raw: string): LearningProgress {
  try {
    return readProgress(JSON.parse(raw));
  } catch {
    return EMPTY_PROGRESS;
  }
}

export function encodeProgress(progress: LearningProgress): string {
  return JSON.stringify({ v: PROGRESS_VERSION, pages: progress.pages });
}

/** Records the option a learner checked. Returns the same object when nothing changes. */
export function recordAnswer(progress: LearningProgress, page: string, questionId: string, choice: number): LearningProgress {
  if (!KEY_PATTERN.test(page) || !KEY_PATTERN.test(questionId)) return progress;
  if (!Number.isInteger(choice) || choice < 0 || choice >= MAX_OPTIONS) return progress;
  const current = progress.pages[page] ?? {};
  if (current[questionId] === choice) return progress;
  return { pages: { ...progress.pages, [page]: { ...current, [questionId]: choice } } };
}

/** Forgets one page's answers (the quiz's "Clear my answers"). */
export function clearPage(progress: LearningProgress, page: string): LearningProgress {
  if (!(page in progress.pages)) return progress;
  const pages = { ...progress.pages };
  delete pages[page];
  return { pages };
}

export interface QuizScore {
  total: number;
  /** Questions with a checked answer. */
  answered: number;
  /** Questions whose checked answer is the right one. */
  correct: number;
  /** A page is done when every one of its questions is answered correctly. */
  done: boolean;
}

/** How a learner stands on one page's quiz. Answers to questions that no longer exist are ignored. */
export function scoreAnswers(key: AnswerKey, answers: PageAnswers | undefined): QuizScore {
  const ids = Object.keys(key);
  let answered = 0;
  let correct = 0;
  for (const id of ids) {
    const choice = answers?.[id];
    if (choice === undefined) continue;
    answered += 1;
    if (choice === key[id]) correct += 1;
  }
  return { total: ids.length, answered, correct, done: ids.length > 0 && correct === ids.length };
}

export interface PathPage {
  slug: string;
  key: AnswerKey;
}

export interface PathProgress {
  done: number;
  total: number;
  /** Pages with at least one answer: what "Reset progress" would clear. */
  started: number;
  bySlug: Readonly<Record<string, QuizScore>>;
}

/** The learning path's standing: which guide pages are done, and how many. */
export function pathProgress(pages: readonly PathPage[], progress: LearningProgress): PathProgress {
  const bySlug: Record<string, QuizScore> = {};
  let done = 0;
  let started = 0;
  for (const page of pages) {
    const score = scoreAnswers(page.key, progress.pages[page.slug]);
    bySlug[page.slug] = score;
    if (score.done) done += 1;
    if (score.answered > 0) started += 1;
  }
  return { done, total: pages.length, started, bySlug };
}

/** "4 of 12 done" */
export function doneCountText(done: number, total: number): string {
  return `${done} of ${total} done`;
}

/** The learning path's status for one page: "Done", "1 of 3 correct", or nothing before the first answer. */
export function pageStatusText(score: QuizScore): string {
  if (score.done) return 'Done';
  if (score.answered === 0) return '';
  return `${score.correct} of ${score.total} correct`;
}

/** The quiz's running summary under its questions. */
export function scoreText(score: QuizScore): string {
  if (score.answered === 0) return `${score.total} questions. None answered yet.`;
  if (score.done) return `All ${score.total} answered correctly: this page is marked done on the learning path.`;
  return `${score.correct} of ${score.total} answered correctly. Answer all ${score.total} correctly to mark this page done.`;
}

/** Text with `code` in backticks, split so a view can render the code parts as <code>. */
export function inlineCodeParts(text: string): { code: boolean; text: string }[] {
  const parts = text.split('`');
  // An unpaired backtick is shown as written rather than swallowing the rest of the text.
  if (parts.length % 2 === 0) return [{ code: false, text }];
  return parts.map((part, index) => ({ code: index % 2 === 1, text: part })).filter((part) => part.text !== '');
}

/**
 * The words a reader reads in a quiz as printed or without JavaScript: each question, its
 * right answer and that answer's explanation. Added to the page's reading time.
 */
export function quizReadingText(questions: readonly QuizQuestion[]): string {
  return questions
    .map((question) => {
      const right = question.options[correctIndex(question)] as QuizOption;
      return `${question.question}\n${right.text}\n${right.explanation}`;
    })
    .join('\n');
}
