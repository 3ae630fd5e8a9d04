import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { strategyOutcomeSchema, strategyQuestionSchema } from '../../src/schemas/strategy.ts';
import {
  cleanAnswers,
  decodeStoredAnswers,
  scoreStrategy,
  strategyMarkdown,
  validateStrategyData,
  type StrategyOutcome,
  type StrategyQuestion,
} from '../../src/lib/strategy.ts';

const load = (name: string) => parse(readFileSync(new URL(`../../content/strategy/${name}.yaml`, import.meta.url), 'utf8')) as { id: string }[];
const questions = load('questions').map((item) => ({ id: item.id, ...strategyQuestionSchema.parse(item) })) as StrategyQuestion[];
const outcomes = load('outcomes').map((item) => ({ id: item.id, ...strategyOutcomeSchema.parse(item) })) as StrategyOutcome[];

const toy = {
  questions: [
    {
      id: 'q1',
      order: 1,
      required: true,
      question: 'First question?',
      options: [
        { id: 'a', label: 'A', weights: { x: 2 }, reason: 'A points to x strongly.' },
        { id: 'b', label: 'B', weights: { y: 1 }, reason: 'B points to y.' },
      ],
    },
    {
      id: 'q2',
      order: 2,
      required: false,
      question: 'Second question?',
      options: [
        { id: 'c', label: 'C', weights: { y: 1 }, reason: 'C points to y too.' },
        { id: 'd', label: 'D', weights: {} },
      ],
    },
  ] as StrategyQuestion[],
  outcomes: [
    { id: 'x', order: 1, title: 'Outcome X', summary: 'X summary text here.', nextSteps: ['Do X first.'] },
    { id: 'y', order: 2, title: 'Outcome Y', summary: 'Y summary text here.', nextSteps: ['Do Y first.'] },
  ] as StrategyOutcome[],
};

const all = (overrides: Record<string, string> = {}) => ({
  workflow: 'separate',
  demographics: 'none',
  'results-back': 'in-product',
  buyer: 'not-required',
  timeline: 'weeks',
  ...overrides,
});

describe('the decision aid content', () => {
  it('has six to eight questions and passes every consistency check', () => {
    assert.ok(questions.length >= 6 && questions.length <= 8, `${questions.length} questions`);
    assert.deepEqual(validateStrategyData(questions, outcomes), []);
  });

  it('follows the phased strategy order of the guide', () => {
    assert.deepEqual(
      [...outcomes].sort((a, b) => a.order - b.order).map((outcome) => outcome.id),
      ['standalone', 'file-exchange', 'interface-engine', 'fhir-app'],
    );
  });
});

describe('scoreStrategy with the real content', () => {
  it('says what is missing instead of recommending on too little', () => {
    const none = scoreStrategy(questions, outcomes, {});
    assert.equal(none.status, 'incomplete');
    assert.equal(none.answered, 0);
    assert.equal(none.total, questions.length);
    assert.deepEqual(
      none.status === 'incomplete' && none.missing.map((question) => question.id),
      ['workflow', 'demographics', 'results-back', 'buyer', 'timeline'],
    );
    const some = scoreStrategy(questions, outcomes, { workflow: 'inside', volume: 'machine' });
    assert.equal(some.status, 'incomplete');
    assert.deepEqual(some.status === 'incomplete' && some.missing.map((question) => question.id), ['demographics', 'results-back', 'buyer', 'timeline']);
    assert.equal(some.answered, 2);
  });

  it('recommends a standalone start for a product users feed themselves, on a short timeline', () => {
    const result = scoreStrategy(questions, outcomes, all());
    assert.equal(result.status, 'recommendation');
    if (result.status !== 'recommendation') return;
    assert.equal(result.outcome.id, 'standalone');
    assert.equal(result.scores[0]!.score, 12);
    assert.equal(result.reasons[0], 'Users create the data the product needs, so there is nothing to pull from the hospital yet.');
    assert.equal(result.reasons.length, 5);
    assert.deepEqual(
      result.unanswered.map((question) => question.id),
      ['interface-team', 'regulated', 'volume'],
    );
    assert.equal(result.closeRunnerUp, null);
  });

  it('recommends the interface engine when the product needs live location, integration is a purchase condition and data streams in', () => {
    const result = scoreStrategy(
      questions,
      outcomes,
      all({ workflow: 'alongside', demographics: 'live', 'results-back': 'in-chart', buyer: 'required', timeline: 'later', 'interface-team': 'available', volume: 'machine' }),
    );
    assert.equal(result.status === 'recommendation' && result.outcome.id, 'interface-engine');
    assert.equal(result.status === 'recommendation' && result.scores[0]!.score, 15);
    assert.equal(result.status === 'recommendation' && result.unanswered.length, 1);
  });

  it('recommends a FHIR app when the product must live in the EHR and the EHR offers FHIR to vendors', () => {
    const result = scoreStrategy(
      questions,
      outcomes,
      all({ workflow: 'inside', demographics: 'few-fields', 'results-back': 'in-chart', buyer: 'prefer', timeline: 'later', 'interface-team': 'fhir' }),
    );
    assert.equal(result.status === 'recommendation' && result.outcome.id, 'fhir-app');
  });

  it('recommends file exchange when a few fields can be imported and the interface queue is long', () => {
    const result = scoreStrategy(
      questions,
      outcomes,
      all({ workflow: 'alongside', demographics: 'few-fields', 'results-back': 'later', buyer: 'prefer', timeline: 'months', 'interface-team': 'busy', volume: 'batch' }),
    );
    assert.equal(result.status === 'recommendation' && result.outcome.id, 'file-exchange');
  });

  it('ignores answers to unknown questions or with unknown options', () => {
    const result = scoreStrategy(questions, outcomes, { ...all(), timeline: 'yesterday', bogus: 'x', workflow: 42 });
    assert.equal(result.status, 'incomplete');
    assert.deepEqual(result.status === 'incomplete' && result.missing.map((question) => question.id), ['workflow', 'timeline']);
  });
});

describe('scoreStrategy rules', () => {
  it('breaks ties toward the earlier phase and flags a close call', () => {
    const result = scoreStrategy(toy.questions, toy.outcomes, { q1: 'b', q2: 'c' });
    assert.equal(result.status === 'recommendation' && result.outcome.id, 'y');
    const tie = scoreStrategy(toy.questions, [toy.outcomes[1]!, toy.outcomes[0]!], { q1: 'a' });
    assert.equal(tie.status === 'recommendation' && tie.outcome.id, 'x');
    const close = scoreStrategy(toy.questions, toy.outcomes, { q1: 'b', q2: 'd' });
    // y has 1 point, x has 0: y wins, and x is a close runner-up.
    assert.equal(close.status === 'recommendation' && close.outcome.id, 'y');
    assert.equal(close.status === 'recommendation' && close.closeRunnerUp?.id, 'x');
  });

  it('lists reasons strongest first, only from answers that favour the recommendation', () => {
    const result = scoreStrategy(toy.questions, toy.outcomes, { q1: 'b', q2: 'c' });
    assert.deepEqual(result.status === 'recommendation' && result.reasons, ['B points to y.', 'C points to y too.']);
    const other = scoreStrategy(toy.questions, toy.outcomes, { q1: 'a', q2: 'c' });
    assert.deepEqual(other.status === 'recommendation' && other.reasons, ['A points to x strongly.']);
  });

  it('gives no recommendation when there are no outcomes', () => {
    assert.equal(scoreStrategy(toy.questions, [], { q1: 'a' }).status, 'incomplete');
  });
});

describe('validateStrategyData', () => {
  it('reports every kind of inconsistency', () => {
    const bad: StrategyQuestion[] = [
      {
        id: 'q1',
        order: 1,
        required: true,
        question: 'Q1?',
        options: [
          { id: 'a', label: 'A', weights: { z: 1 }, reason: 'Reason here.' },
          { id: 'a', label: 'A again', weights: {} },
        ],
      },
      { id: 'q1', order: 1, required: false, question: 'Q1 again?', options: [{ id: 'b', label: 'B', weights: { x: 1.5 } }] },
    ];
    const outcomesWithDuplicates: StrategyOutcome[] = [toy.outcomes[0]!, toy.outcomes[0]!];
    assert.deepEqual(validateStrategyData(bad, outcomesWithDuplicates), [
      'Outcome "x" is defined twice.',
      'Two outcomes share an order number.',
      'Option "q1/a" weights unknown outcome "z".',
      'Question "q1" has option "a" twice.',
      'Option "q1/a" of a required question gives no points.',
      'Question "q1" is defined twice.',
      'Question "q1" shares order 1 with another question.',
      'Question "q1" needs at least two options.',
      'Option "q1/b" has a weight that is not a whole number of 0 or more.',
      'Option "q1/b" gives points but no reason.',
    ]);
    const unreachable = validateStrategyData([toy.questions[0]!], [...toy.outcomes, { ...toy.outcomes[0]!, id: 'w', order: 9 }]);
    assert.deepEqual(unreachable, ['No answer gives outcome "w" any points.']);
    assert.deepEqual(validateStrategyData([], []), ['There are no outcomes.', 'There are no questions.']);
    const optionalOnly = toy.questions.map((question) => ({ ...question, required: false }));
    assert.deepEqual(validateStrategyData(optionalOnly, toy.outcomes), ['At least one question must be required.']);
  });
});

describe('stored answers', () => {
  it('reads a JSON object of strings and refuses anything else', () => {
    assert.deepEqual(decodeStoredAnswers('{"workflow":"inside","n":3}'), { workflow: 'inside' });
    assert.deepEqual(decodeStoredAnswers('not json'), {});
    assert.deepEqual(decodeStoredAnswers('["a"]'), {});
    assert.deepEqual(decodeStoredAnswers('null'), {});
    assert.deepEqual(decodeStoredAnswers(JSON.stringify({ [`k${'x'.repeat(60)}`]: 'a' })), {});
    assert.equal(Object.keys(decodeStoredAnswers(JSON.stringify(Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}`, 'v']))))).length, 50);
  });

  it('drops answers that no longer match the content', () => {
    assert.deepEqual(cleanAnswers(questions, { workflow: 'inside', timeline: 'never', old: 'x' }), { workflow: 'inside' });
  });
});

describe('Markdown', () => {
  it('writes the recommendation, reasons, next steps and every question with its answer', () => {
    const answers = all();
    const markdown = strategyMarkdown(questions, answers, scoreStrategy(questions, outcomes, answers));
    const lines = markdown.split('\n');
    assert.equal(lines[0], '# Standalone or integrated? Decision aid');
    assert.ok(lines.includes('## Recommendation: Start standalone, with one clear value claim'));
    assert.ok(lines.includes('**Why**'));
    assert.ok(lines.some((line) => line.startsWith('1. Pick one outcome')));
    assert.ok(lines.includes('1. **Where do clinicians use your product?**  '));
    assert.ok(lines.includes('   In its own app or website, apart from the EHR'));
    assert.equal(lines.filter((line) => line === '   _Not answered_').length, 3);
    assert.match(markdown, /3 optional questions were left blank/);
  });

  it('says what is missing when there is no recommendation', () => {
    const markdown = strategyMarkdown(questions, { workflow: 'inside' }, scoreStrategy(questions, outcomes, { workflow: 'inside' }));
    assert.ok(markdown.includes('## No recommendation yet'));
    assert.ok(markdown.includes('1 of 8 questions answered. A recommendation needs answers to:'));
    assert.ok(markdown.includes("- Does the product need patient demographics, location or orders from the hospital?"));
  });

  it('escapes the content so that it cannot change the document structure', () => {
    const hostile: StrategyQuestion[] = [{ ...toy.questions[0]!, question: '# Heading | <b>', options: toy.questions[0]!.options.map((option) => ({ ...option, label: '[link](https://x.y)' })) }];
    const markdown = strategyMarkdown(hostile, { q1: 'a' }, scoreStrategy(hostile, toy.outcomes, { q1: 'a' }));
    assert.ok(markdown.includes('1. **\\# Heading \\| \\<b\\>**'));
    assert.ok(markdown.includes('   \\[link\\](https\\:\\/\\/x.y)'));
    assert.ok(markdown.includes('A close call: Outcome Y came within one point.') === false);
  });
});
