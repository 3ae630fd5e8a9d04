import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  answerKey,
  assertQuizzesMatchPages,
  clearPage,
  correctIndex,
  decodeProgress,
  doneCountText,
  EMPTY_PROGRESS,
  encodeProgress,
  inlineCodeParts,
  pageStatusText,
  pathProgress,
  quizPageProblems,
  quizReadingText,
  readProgress,
  recordAnswer,
  scoreAnswers,
  scoreText,
  type QuizQuestion,
} from '../../src/lib/quiz.ts';

const question = (id: string, right: number, count = 3): QuizQuestion => ({
  id,
  question: `Question ${id}?`,
  options: Array.from({ length: count }, (_, index) => ({
    text: `Option ${index}`,
    correct: index === right,
    explanation: `Why option ${index} is ${index === right ? 'right' : 'wrong'}.`,
  })),
});
const quiz = [question('adt', 1), question('ids', 2, 4), question('fhir', 0)];
const key = answerKey(quiz);

describe('answer key', () => {
  it('finds the one right option of each question', () => {
    assert.deepEqual(key, { adt: 1, ids: 2, fhir: 0 });
  });

  it('refuses a question with no right option or two', () => {
    assert.throws(() => correctIndex(question('none', -1)), /Question "none" needs exactly one correct option, found 0/);
    const two = { ...question('two', 0), options: question('two', 0).options.map((option) => ({ ...option, correct: true })) };
    assert.throws(() => correctIndex(two), /found 3/);
  });
});

describe('quizzes and guide pages', () => {
  it('match when every page has a quiz and every quiz a page', () => {
    assert.deepEqual(quizPageProblems(['a', 'b'], ['b', 'a']), []);
    assert.doesNotThrow(() => assertQuizzesMatchPages(['a'], ['a']));
  });

  it('name a quiz whose page is gone and a page without a quiz', () => {
    assert.deepEqual(quizPageProblems(['new-name', 'b'], ['old-name', 'b']), [
      'content/quizzes/old-name.yaml has no guide page: there is no content/guide/old-name.mdx (rename the quiz to match its page).',
      'content/guide/new-name.mdx has no quiz: add content/quizzes/new-name.yaml with its three "Check yourself" questions.',
    ]);
    assert.throws(() => assertQuizzesMatchPages(['a'], ['b']), /Guide quizzes do not match the guide pages:\n- content\/quizzes\/b\.yaml/);
  });
});

describe('scoring one page', () => {
  it('counts answered and right, and is done only when every question is right', () => {
    assert.deepEqual(scoreAnswers(key, undefined), { total: 3, answered: 0, correct: 0, done: false });
    assert.deepEqual(scoreAnswers(key, { adt: 0, ids: 2 }), { total: 3, answered: 2, correct: 1, done: false });
    assert.deepEqual(scoreAnswers(key, { adt: 1, ids: 2, fhir: 0 }), { total: 3, answered: 3, correct: 3, done: true });
  });

  it('ignores answers to questions the quiz no longer has', () => {
    assert.deepEqual(scoreAnswers(key, { adt: 1, removed: 0 }), { total: 3, answered: 1, correct: 1, done: false });
  });

  it('never calls an empty quiz done', () => {
    assert.equal(scoreAnswers({}, {}).done, false);
  });

  it('says where the learner stands', () => {
    assert.equal(scoreText(scoreAnswers(key, undefined)), '3 questions. None answered yet.');
    assert.equal(scoreText(scoreAnswers(key, { adt: 0, ids: 2 })), '1 of 3 answered correctly. Answer all 3 correctly to mark this page done.');
    assert.equal(scoreText(scoreAnswers(key, { adt: 1, ids: 2, fhir: 0 })), 'All 3 answered correctly: this page is marked done on the learning path.');
    assert.equal(pageStatusText(scoreAnswers(key, undefined)), '');
    assert.equal(pageStatusText(scoreAnswers(key, { adt: 1 })), '1 of 3 correct');
    assert.equal(pageStatusText(scoreAnswers(key, { adt: 1, ids: 2, fhir: 0 })), 'Done');
  });
});

describe('recording answers', () => {
  it('keeps the last checked answer per question, without changing the old state', () => {
    const first = recordAnswer(EMPTY_PROGRESS, 'overview', 'adt', 0);
    const second = recordAnswer(first, 'overview', 'adt', 1);
    assert.deepEqual(first.pages, { overview: { adt: 0 } });
    assert.deepEqual(second.pages, { overview: { adt: 1 } });
    assert.deepEqual(EMPTY_PROGRESS.pages, {});
    assert.equal(recordAnswer(second, 'overview', 'adt', 1), second, 'the same answer again changes nothing');
  });

  it('refuses keys and choices it could not read back', () => {
    assert.equal(recordAnswer(EMPTY_PROGRESS, '__proto__', 'adt', 0), EMPTY_PROGRESS);
    assert.equal(recordAnswer(EMPTY_PROGRESS, 'overview', 'Not An Id', 0), EMPTY_PROGRESS);
    assert.equal(recordAnswer(EMPTY_PROGRESS, 'overview', 'adt', -1), EMPTY_PROGRESS);
    assert.equal(recordAnswer(EMPTY_PROGRESS, 'overview', 'adt', 1.5), EMPTY_PROGRESS);
    assert.equal(recordAnswer(EMPTY_PROGRESS, 'overview', 'adt', 10), EMPTY_PROGRESS);
  });

  it('clears one page and leaves the others', () => {
    const progress = recordAnswer(recordAnswer(EMPTY_PROGRESS, 'a', 'q', 0), 'b', 'q', 1);
    assert.deepEqual(clearPage(progress, 'a').pages, { b: { q: 1 } });
    assert.equal(clearPage(progress, 'missing'), progress);
  });
});

describe('the learning path', () => {
  const pages = [
    { slug: 'overview', key },
    { slug: 'hl7', key: { msh: 0, acks: 1, sites: 1 } },
    { slug: 'fhir', key: { scopes: 1, bulk: 1, ca: 1 } },
  ];

  it('counts pages done and started', () => {
    let progress = EMPTY_PROGRESS;
    for (const [id, choice] of Object.entries(key)) progress = recordAnswer(progress, 'overview', id, choice);
    progress = recordAnswer(progress, 'hl7', 'msh', 1);
    const standing = pathProgress(pages, progress);
    assert.equal(standing.done, 1);
    assert.equal(standing.started, 2);
    assert.equal(standing.total, 3);
    assert.equal(standing.bySlug['overview']?.done, true);
    assert.equal(standing.bySlug['hl7']?.answered, 1);
    assert.equal(doneCountText(standing.done, standing.total), '1 of 3 done');
  });

  it('ignores progress for pages that are not on the path', () => {
    const progress = recordAnswer(EMPTY_PROGRESS, 'deleted-page', 'q', 0);
    assert.deepEqual(pathProgress(pages, progress), {
      done: 0,
      total: 3,
      started: 0,
      bySlug: pathProgress(pages, EMPTY_PROGRESS).bySlug,
    });
  });
});

describe('stored progress', () => {
  it('survives a round trip', () => {
    const progress = recordAnswer(recordAnswer(EMPTY_PROGRESS, 'overview', 'adt', 1), 'hl7', 'msh', 0);
    assert.deepEqual(decodeProgress(encodeProgress(progress)), progress);
    assert.equal(encodeProgress(progress), '{"v":1,"pages":{"overview":{"adt":1},"hl7":{"msh":0}}}');
  });

  it('reads text that is not JSON, or not ours, as no progress', () => {
    for (const raw of ['', 'not json', '{"v":1,"pages":', 'null', '42', '"text"', '[]', '{}', '{"pages":{}}', '{"v":2,"pages":{"a":{"q":0}}}', '{"v":1,"pages":[]}', '{"v":1,"pages":null}']) {
      assert.deepEqual(decodeProgress(raw), EMPTY_PROGRESS, raw);
    }
  });

  it('drops bad entries one by one and keeps the good ones', () => {
    const raw = JSON.stringify({
      v: 1,
      pages: {
        good: { q1: 2, q2: 'two', q3: -1, q4: 1.5, q5: 99, 'Bad Id': 0, q6: null, q7: 0 },
        'Bad Slug': { q: 0 },
        empty: {},
        list: [0, 1],
        text: 'answers',
        nothing: null,
      },
    });
    assert.deepEqual(decodeProgress(raw), { pages: { good: { q1: 2, q7: 0 } } });
  });

  it('cannot be used to change object prototypes', () => {
    const progress = decodeProgress('{"v":1,"pages":{"__proto__":{"q":0},"constructor":{"q":1},"ok":{"__proto__":1,"q":1}}}');
    assert.deepEqual(Object.keys(progress.pages), ['constructor', 'ok']);
    assert.deepEqual(progress.pages['ok'], { q: 1 });
    assert.equal(Object.getPrototypeOf(progress.pages), Object.prototype);
    assert.equal(Object.getPrototypeOf(progress.pages['ok']), Object.prototype);
    assert.equal(({} as Record<string, unknown>)['q'], undefined);
  });

  it('caps what it reads from an oversized stored value', () => {
    const pages = Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`page-${index}`, { q: 0 }]));
    const questions = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`q-${index}`, 0]));
    const progress = readProgress({ v: 1, pages: { ...pages, big: questions } });
    assert.equal(Object.keys(progress.pages).length, 200);
    assert.equal(Object.keys(readProgress({ v: 1, pages: { big: questions } }).pages['big'] ?? {}).length, 20);
  });
});

describe('quiz text', () => {
  it('splits inline code marked with backticks, and leaves an unpaired backtick alone', () => {
    assert.deepEqual(inlineCodeParts('Use `.rs`, not `.read`.'), [
      { code: false, text: 'Use ' },
      { code: true, text: '.rs' },
      { code: false, text: ', not ' },
      { code: true, text: '.read' },
      { code: false, text: '.' },
    ]);
    assert.deepEqual(inlineCodeParts('A ` alone'), [{ code: false, text: 'A ` alone' }]);
  });

  it('reads, for the reading time, each question with its right answer and explanation only', () => {
    const text = quizReadingText([question('adt', 1)]);
    assert.equal(text, 'Question adt?\nOption 1\nWhy option 1 is right.');
  });
});
