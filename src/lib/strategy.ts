import { escapeInline } from './brief/markdown.ts';

/**
 * The standalone-or-integrated decision aid. Questions, answers, weights and reasons are
 * content (content/strategy/*.yaml); this module only adds them up. Each answer gives
 * points to one or more outcomes; the outcome with most points wins, and a tie goes to the
 * earlier phase, because integration is earned rather than promised. No recommendation is
 * made until every required question has an answer: the result then says what is missing.
 */

export interface StrategyOption {
  id: string;
  label: string;
  weights: Record<string, number>;
  reason?: string | undefined;
}

export interface StrategyQuestion {
  id: string;
  order: number;
  required: boolean;
  question: string;
  help?: string | undefined;
  options: StrategyOption[];
}

export interface StrategyOutcome {
  id: string;
  order: number;
  title: string;
  summary: string;
  nextSteps: string[];
}

/** Question id → option id. */
export type Answers = Record<string, string>;

export interface OutcomeScore {
  outcome: StrategyOutcome;
  score: number;
}

export type StrategyResult =
  | { status: 'incomplete'; answered: number; total: number; missing: StrategyQuestion[] }
  | {
      status: 'recommendation';
      answered: number;
      total: number;
      outcome: StrategyOutcome;
      /** The next best outcome, when it came within one point. */
      closeRunnerUp: StrategyOutcome | null;
      scores: OutcomeScore[];
      /** Why, from the answers that gave the recommended outcome points, strongest first. */
      reasons: string[];
      /** Optional questions left blank: answering them could change the result. */
      unanswered: StrategyQuestion[];
    };

/** Problems in the content that would make the scoring wrong; empty when it is sound. */
export function validateStrategyData(questions: readonly StrategyQuestion[], outcomes: readonly StrategyOutcome[]): string[] {
  const problems: string[] = [];
  if (outcomes.length === 0) problems.push('There are no outcomes.');
  if (questions.length === 0) problems.push('There are no questions.');
  const outcomeIds = new Set<string>();
  for (const outcome of outcomes) {
    if (outcomeIds.has(outcome.id)) problems.push(`Outcome "${outcome.id}" is defined twice.`);
    outcomeIds.add(outcome.id);
  }
  const outcomeOrders = outcomes.map((outcome) => outcome.order);
  if (new Set(outcomeOrders).size !== outcomeOrders.length) problems.push('Two outcomes share an order number.');
  const questionIds = new Set<string>();
  const questionOrders = new Set<number>();
  const reachable = new Set<string>();
  for (const question of questions) {
    if (questionIds.has(question.id)) problems.push(`Question "${question.id}" is defined twice.`);
    questionIds.add(question.id);
    if (questionOrders.has(question.order)) problems.push(`Question "${question.id}" shares order ${question.order} with another question.`);
    questionOrders.add(question.order);
    if (question.options.length < 2) problems.push(`Question "${question.id}" needs at least two options.`);
    const optionIds = new Set<string>();
    for (const option of question.options) {
      if (optionIds.has(option.id)) problems.push(`Question "${question.id}" has option "${option.id}" twice.`);
      optionIds.add(option.id);
      for (const [outcomeId, weight] of Object.entries(option.weights)) {
        if (!outcomeIds.has(outcomeId)) problems.push(`Option "${question.id}/${option.id}" weights unknown outcome "${outcomeId}".`);
        if (!Number.isInteger(weight) || weight < 0) problems.push(`Option "${question.id}/${option.id}" has a weight that is not a whole number of 0 or more.`);
        if (weight > 0) reachable.add(outcomeId);
      }
      const weighted = Object.values(option.weights).some((weight) => weight > 0);
      if (weighted && !option.reason) problems.push(`Option "${question.id}/${option.id}" gives points but no reason.`);
      if (question.required && !weighted) problems.push(`Option "${question.id}/${option.id}" of a required question gives no points.`);
    }
  }
  for (const outcome of outcomes) {
    if (!reachable.has(outcome.id)) problems.push(`No answer gives outcome "${outcome.id}" any points.`);
  }
  if (questions.length > 0 && !questions.some((question) => question.required)) problems.push('At least one question must be required.');
  return problems;
}

export const sortQuestions = (questions: readonly StrategyQuestion[]) => [...questions].sort((a, b) => a.order - b.order);

/** Keeps only answers to known questions with known options (saved answers can outlive content edits). */
export function cleanAnswers(questions: readonly StrategyQuestion[], answers: Readonly<Record<string, unknown>>): Answers {
  const clean: Answers = {};
  for (const question of questions) {
    const value = answers[question.id];
    if (typeof value === 'string' && question.options.some((option) => option.id === value)) clean[question.id] = value;
  }
  return clean;
}

/** Reads answers saved by an earlier visit: a JSON object of strings, or nothing. */
export function decodeStoredAnswers(raw: string): Answers {
  try {
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
    const entries = Object.entries(data as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0].length <= 60 && entry[1].length <= 60,
    );
    return Object.fromEntries(entries.slice(0, 50));
  } catch {
    return {};
  }
}

export function scoreStrategy(questions: readonly StrategyQuestion[], outcomes: readonly StrategyOutcome[], rawAnswers: Readonly<Record<string, unknown>>): StrategyResult {
  const ordered = sortQuestions(questions);
  const answers = cleanAnswers(ordered, rawAnswers);
  const answered = Object.keys(answers).length;
  const total = ordered.length;
  const missing = ordered.filter((question) => question.required && !(question.id in answers));
  if (missing.length > 0 || outcomes.length === 0) return { status: 'incomplete', answered, total, missing };

  const chosen = ordered.flatMap((question) => {
    const option = question.options.find((candidate) => candidate.id === answers[question.id]);
    return option ? [option] : [];
  });
  const scores: OutcomeScore[] = outcomes
    .map((outcome) => ({ outcome, score: chosen.reduce((sum, option) => sum + (option.weights[outcome.id] ?? 0), 0) }))
    .sort((a, b) => b.score - a.score || a.outcome.order - b.outcome.order);
  const best = scores[0]!;
  const second = scores[1];
  const reasons = chosen
    .map((option, index) => ({ reason: option.reason, weight: option.weights[best.outcome.id] ?? 0, index }))
    .filter((item): item is { reason: string; weight: number; index: number } => item.weight > 0 && typeof item.reason === 'string')
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((item) => item.reason);
  return {
    status: 'recommendation',
    answered,
    total,
    outcome: best.outcome,
    closeRunnerUp: second && best.score - second.score <= 1 ? second.outcome : null,
    scores,
    reasons,
    unanswered: ordered.filter((question) => !(question.id in answers)),
  };
}

/** The questions, the answers given and the result, as Markdown. All text is escaped. */
export function strategyMarkdown(
  questions: readonly StrategyQuestion[],
  rawAnswers: Readonly<Record<string, unknown>>,
  result: StrategyResult,
): string {
  const ordered = sortQuestions(questions);
  const answers = cleanAnswers(ordered, rawAnswers);
  const lines = ['# Standalone or integrated? Decision aid', ''];
  if (result.status === 'incomplete') {
    lines.push(
      '## No recommendation yet',
      '',
      `${result.answered} of ${result.total} questions answered. A recommendation needs answers to:`,
      '',
      ...result.missing.map((question) => `- ${escapeInline(question.question)}`),
    );
  } else {
    lines.push(`## Recommendation: ${escapeInline(result.outcome.title)}`, '', escapeInline(result.outcome.summary), '', '**Why**', '');
    lines.push(...(result.reasons.length > 0 ? result.reasons.map((reason) => `- ${escapeInline(reason)}`) : ['- No single answer stood out.']));
    lines.push('', '**Next steps**', '', ...result.outcome.nextSteps.map((step, index) => `${index + 1}. ${escapeInline(step)}`));
    if (result.closeRunnerUp) lines.push('', `A close call: ${escapeInline(result.closeRunnerUp.title)} came within one point.`);
    if (result.unanswered.length > 0) lines.push('', `${result.unanswered.length} optional ${result.unanswered.length === 1 ? 'question was' : 'questions were'} left blank; answering could change the result.`);
  }
  lines.push('', '## Answers', '');
  ordered.forEach((question, index) => {
    const option = question.options.find((candidate) => candidate.id === answers[question.id]);
    lines.push(`${index + 1}. **${escapeInline(question.question)}**  `, `   ${option ? escapeInline(option.label) : '_Not answered_'}`);
  });
  lines.push('', 'A starting point for discussion, not advice: see the guide page “Standalone versus integrated”.', '');
  return lines.join('\n');
}
