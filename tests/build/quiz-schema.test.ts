import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { quizSchema } from '../../src/schemas/quiz.ts';

const option = (text: string, correct = false) => ({ text, correct, explanation: `This explains why "${text}" is ${correct ? 'right' : 'wrong'}.` });
const question = (id: string, options = [option('Right answer', true), option('Wrong answer'), option('Another wrong answer')]) => ({
  id,
  question: `What is the answer to ${id}?`,
  options,
});
const valid = { questions: [question('one'), question('two'), question('three')] };
const issues = (value: unknown) => {
  const result = quizSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('quiz schema (content/quizzes/<guide slug>.yaml)', () => {
  it('accepts three questions of three or four options with one right answer each', () => {
    assert.deepEqual(issues(valid), []);
    const four = [option('A', true), option('B'), option('C'), option('D')].map((o) => ({ ...o, text: `${o.text} option` }));
    assert.deepEqual(issues({ questions: [question('one', four), question('two'), question('three')] }), []);
  });

  it('rejects a question with no right answer, or two, and names it', () => {
    const none = [option('First'), option('Second'), option('Third')];
    assert.deepEqual(issues({ questions: [question('one'), question('two', none), question('three')] }), [
      'questions.1.options: Question "two" needs exactly one option with correct: true, found 0',
    ]);
    const two = [option('First', true), option('Second', true), option('Third')];
    assert.match(issues({ questions: [question('one', two), question('two'), question('three')] }).join(), /found 2/);
  });

  it('rejects fewer than three or more than four options, and a page without exactly three questions', () => {
    assert.match(issues({ questions: [question('one', [option('Only', true), option('Other')]), question('two'), question('three')] }).join(), /Give 3 or 4 options/);
    const five = ['A', 'B', 'C', 'D', 'E'].map((text, index) => option(`${text} option`, index === 0));
    assert.match(issues({ questions: [question('one', five), question('two'), question('three')] }).join(), /Give 3 or 4 options/);
    assert.match(issues({ questions: [question('one'), question('two')] }).join(), /exactly three questions/);
  });

  it('rejects duplicate or unsafe question ids, missing explanations and unknown keys', () => {
    assert.match(issues({ questions: [question('same'), question('same'), question('three')] }).join(), /Duplicate question id "same"/);
    assert.match(issues({ questions: [question('Bad Id'), question('two'), question('three')] }).join(), /lower-case letters/);
    assert.match(issues({ questions: [question('__proto__'), question('two'), question('three')] }).join(), /lower-case letters/);
    const bare = [{ text: 'No explanation', correct: true }, option('Second'), option('Third')];
    assert.match(issues({ questions: [question('one', bare as never), question('two'), question('three')] }).join(), /explanation/);
    assert.equal(quizSchema.safeParse({ ...valid, title: 'typo' }).success, false);
  });
});

/** Runs `astro sync` on a fixture (a copy of the site's content setup with one mistake) and returns its output. */
function syncFixture(name: string): Promise<{ status: number | null; output: string }> {
  const root = fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
  const astro = fileURLToPath(new URL('../../node_modules/astro/astro.js', import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [astro, 'sync', '--root', root], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      timeout: 90_000,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('a build with a broken quiz', () => {
  // Both fixtures sync at once: each takes most of its time starting Astro.
  const orphan = syncFixture('bad-quiz');
  const unanswered = syncFixture('quiz-no-answer');

  it('fails when a quiz names a guide page that does not exist, and names both files', async () => {
    const { status, output } = await orphan;
    assert.notEqual(status, 0, 'astro sync should fail');
    assert.match(output, /content\/quizzes\/old-page-name\.yaml has no guide page: there is no content\/guide\/old-page-name\.mdx/);
  });

  it('fails when a question has no correct option, and names the file and the question', async () => {
    const { status, output } = await unanswered;
    assert.notEqual(status, 0, 'astro sync should fail');
    assert.match(output, /quizzes → the-page data does not match collection schema/);
    assert.match(output, /Question "question-2" needs exactly one option with correct: true, found 0/);
  });
});
