import { expect, test, type Page } from '@playwright/test';
import { installAxe, violationsInBothThemes } from './axe';
import { OVERVIEW_PATH } from './site';

const PATH = '/guide/';
const STORAGE_KEY = 'interop-workbook:learning';
const SLUG = 'what-each-standard-addresses';

/** The quiz hydrates when it scrolls into view (client:visible). */
async function openQuiz(page: Page) {
  await page.goto(OVERVIEW_PATH);
  await page.locator('.quiz-host').scrollIntoViewIfNeeded();
  const quiz = page.locator('.quiz[data-ready]');
  await expect(quiz).toBeVisible();
  return quiz;
}

async function openPath(page: Page) {
  await page.goto(PATH);
  await expect(page.locator('.path-panel:not(.is-pending)')).toBeVisible();
}

const question = (page: Page, n: number) => page.locator('.quiz-question').nth(n - 1);
const pathItem = (page: Page) => page.locator(`li[data-slug="${SLUG}"]`);

/** Answers the overview page's three questions correctly with the keyboard, starting from question 1's radio group. */
async function answerAllCorrectly(page: Page) {
  for (const [n, right] of [[1, 1], [2, 2], [3, 2]] as const) {
    await question(page, n).getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    for (let step = 0; step < right; step += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(question(page, n).getByRole('status')).toContainText('Correct.');
  }
}

test('a learner answers wrongly then rightly with the keyboard, sees every explanation, and the page is marked done', async ({ page }) => {
  test.slow();
  await openQuiz(page);
  const first = question(page, 1);
  await expect(first.locator('legend')).toContainText('A hospital offers to "send you ADT"');
  await expect(first.getByRole('radio')).toHaveCount(4);
  const feedback = first.getByRole('status');
  const check = first.getByRole('button', { name: 'Check answer' });

  // Checking with nothing chosen asks for an answer.
  await check.focus();
  await page.keyboard.press('Enter');
  await expect(feedback).toHaveText('Choose an answer first.');

  // A wrong answer: chosen with the keyboard, checked with Enter; focus stays on the button.
  // Shift+Tab into a group with nothing checked lands on its last radio.
  await page.keyboard.press('Shift+Tab');
  await expect(first.getByRole('radio').last()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(first.getByRole('radio', { name: /an A08 repeats an A01/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(check).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(feedback).toContainText('Not quite.');
  await expect(feedback).toContainText('An A08 is not a resend');
  await expect(feedback).toContainText('Choose another answer and check it again.');
  await expect(check).toBeFocused();
  await expect(page.locator('.quiz-score')).toHaveText('0 of 3 answered correctly. Answer all 3 correctly to mark this page done.');

  // Then the right one: the verdict, its explanation, and why each other option is wrong.
  await page.keyboard.press('Shift+Tab');
  await expect(first.getByRole('radio').last()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(first.getByRole('radio', { name: /HL7 v2 messages sent as patient events happen/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(feedback).toContainText('Correct.');
  await expect(feedback).toContainText('An A08, "Update patient information", changes details you already hold');
  await expect(feedback.locator('.quiz-others li')).toHaveCount(3);
  await expect(feedback.locator('.quiz-others')).toContainText('ADT is not a batch export');
  await expect(feedback.locator('.quiz-others')).toContainText('A08 is a trigger event');
  await expect(feedback.locator('.quiz-others')).toContainText('An A08 is not a resend');
  await expect(check).toBeFocused();

  await answerAllCorrectly(page);
  await expect(page.locator('.quiz-score')).toHaveText('All 3 answered correctly: this page is marked done on the learning path.');

  await page.getByRole('link', { name: 'See your learning path' }).click();
  await expect(page).toHaveURL(/\/guide\/$/);
  await expect(page.locator('.path-panel:not(.is-pending)')).toBeVisible();
  await expect(page.locator('.path-count')).toHaveText('1 of 12 done');
  const progress = page.getByRole('progressbar', { name: 'Guide pages done' });
  await expect(progress).toHaveAttribute('value', '1');
  await expect(progress).toHaveAttribute('max', '12');
  await expect(pathItem(page).locator('.path-status')).toHaveText('Done');
  await expect(page.locator('.path-status')).toHaveCount(1);
});

test('progress survives a reload on the quiz and on the path; a half-done page shows its score', async ({ page }) => {
  test.slow();
  await openQuiz(page);
  await question(page, 1).getByRole('radio', { name: /HL7 v2 messages sent/ }).check();
  await question(page, 1).getByRole('button', { name: 'Check answer' }).click();
  await question(page, 2).getByRole('radio').first().check();
  await question(page, 2).getByRole('button', { name: 'Check answer' }).click();
  await expect(question(page, 2).getByRole('status')).toContainText('Not quite.');

  await page.reload();
  await page.locator('.quiz-host').scrollIntoViewIfNeeded();
  await expect(page.locator('.quiz[data-ready]')).toBeVisible();
  await expect(question(page, 1).getByRole('radio', { name: /HL7 v2 messages sent/ })).toBeChecked();
  await expect(question(page, 1).getByRole('status')).toContainText('Correct.');
  await expect(question(page, 2).getByRole('status')).toContainText('Not quite.');
  await expect(page.locator('.quiz-score')).toHaveText('1 of 3 answered correctly. Answer all 3 correctly to mark this page done.');

  await openPath(page);
  await expect(page.locator('.path-count')).toHaveText('0 of 12 done');
  await expect(pathItem(page).locator('.path-status')).toHaveText('1 of 3 correct');
  await page.reload();
  await expect(pathItem(page).locator('.path-status')).toHaveText('1 of 3 correct');
});

test('reset asks first, can be cancelled from the keyboard, and then clears everything', async ({ page }) => {
  test.slow();
  await openQuiz(page);
  await answerAllCorrectly(page);
  await openPath(page);
  await expect(page.locator('.path-count')).toHaveText('1 of 12 done');

  const reset = page.getByRole('button', { name: 'Reset progress…' });
  await reset.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('group', { name: /Clear your answers to every knowledge check/ });
  await expect(confirm).toBeVisible();
  // The safe choice has focus, so a second Enter keeps the progress.
  await expect(confirm.getByRole('button', { name: 'Keep my progress' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(reset).toBeFocused();
  await expect(page.locator('.path-count')).toHaveText('1 of 12 done');

  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Yes, clear my progress' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.path-count')).toHaveText('Your progress is cleared. 0 of 12 done');
  await expect(page.locator('.path-count')).toBeFocused();
  await expect(page.locator('.path-status')).toHaveCount(0);
  await expect(reset).toBeHidden();

  await page.reload();
  await expect(page.locator('.path-panel:not(.is-pending) .path-count')).toHaveText('0 of 12 done');
  await openQuiz(page);
  await expect(page.locator('.quiz-score')).toHaveText('3 questions. None answered yet.');
  await expect(page.locator('.quiz-question input:checked')).toHaveCount(0);
});

test("a quiz's own answers can be cleared from the quiz, which keeps focus on its summary", async ({ page }) => {
  await openQuiz(page);
  await answerAllCorrectly(page);
  await page.getByRole('button', { name: 'Clear my answers' }).click();
  await expect(page.locator('.quiz-score')).toHaveText('Your answers to this page are cleared. 3 questions. None answered yet.');
  await expect(page.locator('.quiz-score')).toBeFocused();
  await expect(page.locator('.quiz-question input:checked')).toHaveCount(0);
  await expect(page.locator('.quiz-feedback:not(:empty)')).toHaveCount(0);
  const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  expect(JSON.parse(stored ?? '{}')).toEqual({ v: 1, pages: {} });
});

test('corrupted or foreign stored progress reads as none, without script errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, '{"v":1,"pages":{"what-each-standard-addresses":{"send-you-adt":"one","imaging-ai-identifiers":99}},"x":');
    }
  }, STORAGE_KEY);
  await openPath(page);
  await expect(page.locator('.path-count')).toHaveText('0 of 12 done');
  await expect(page.locator('.path-status')).toHaveCount(0);
  await openQuiz(page);
  await expect(page.locator('.quiz-score')).toHaveText('3 questions. None answered yet.');
  await question(page, 1).getByRole('radio', { name: /HL7 v2 messages sent/ }).check();
  await question(page, 1).getByRole('button', { name: 'Check answer' }).click();
  const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  expect(JSON.parse(stored ?? '')).toEqual({ v: 1, pages: { [SLUG]: { 'send-you-adt': 1 } } });
  expect(errors).toEqual([]);
});

test('without JavaScript the quiz is three questions in <details> with the answer, and the path is a plain ordered list', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(OVERVIEW_PATH);
  const details = page.locator('.quiz-host details');
  await expect(details).toHaveCount(3);
  // The form is in the page too, for scripted readers, and hidden without scripts.
  await expect(page.locator('.quiz-host input[type="radio"]').first()).toBeHidden();
  await expect(page.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
  const first = details.first();
  await expect(first.locator('summary')).toHaveText('A hospital offers to "send you ADT". What will arrive, and why does an A08 matter?');
  await expect(first.getByText('Answer:')).toBeHidden();
  await first.locator('summary').click();
  await expect(first).toContainText('Answer: HL7 v2 messages sent as patient events happen');
  await expect(first).toContainText('so your product must apply updates, not only create patients.');

  await page.goto(PATH);
  await expect(page.locator('.path-panel')).toBeHidden();
  const items = page.locator('ol.contents-list > li');
  await expect(items).toHaveCount(12);
  await expect(items.first().locator('.contents-time')).toHaveText(/^\d+ min read$/);
  await expect(items.first().getByRole('link')).toHaveText('What each standard addresses');
  await context.close();
});

test('printed, a guide page shows each question with its right answer, before and after the quiz loads', async ({ page }) => {
  await page.goto(OVERVIEW_PATH);
  await page.emulateMedia({ media: 'print' });
  // Not yet scrolled into view: the server-rendered form prints each right answer.
  await expect(page.locator('.quiz[data-ready]')).toHaveCount(0);
  await expect(page.locator('.quiz-print-answer').first()).toBeVisible();
  await expect(page.locator('.quiz-print-answer').first()).toContainText('Answer: HL7 v2 messages sent as patient events happen');
  await page.emulateMedia({ media: 'screen' });
  await openQuiz(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.quiz-print-answer')).toHaveCount(3);
  await expect(page.locator('.quiz-print-answer').first()).toBeVisible();
  await expect(page.locator('.quiz-print-answer').first()).toContainText('Answer: HL7 v2 messages sent as patient events happen');
  await expect(page.locator('.quiz-options').first()).toBeHidden();
  await expect(page.locator('.quiz-summary')).toBeHidden();
});

test('the quiz keeps its height when its script arrives, so a jump to a heading below it lands there', async ({ page }) => {
  await page.goto(OVERVIEW_PATH);
  // The quiz's own height: blocks of prose around it are laid out only as they near the viewport,
  // so positions below it move as the page scrolls, quiz or not.
  const quizHeight = () => page.locator('.quiz-host').evaluate((host) => host.getBoundingClientRect().height);
  const before = await quizHeight();
  await expect(page.locator('.quiz[data-ready]')).toHaveCount(0);
  await openQuiz(page);
  expect(Math.abs((await quizHeight()) - before)).toBeLessThanOrEqual(1);
});

test('the quiz script loads only when the reader nears the quiz', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(OVERVIEW_PATH);
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((path) => /\/Quiz\.[\w-]+\.js$/.test(path))).toEqual([]);
  await page.locator('.quiz-host').scrollIntoViewIfNeeded();
  await expect(page.locator('.quiz[data-ready]')).toBeVisible();
  expect(scripts.filter((path) => /\/Quiz\.[\w-]+\.js$/.test(path))).toHaveLength(1);
});

test('axe finds no WCAG 2.2 AA violations on the path and an answered quiz, in either theme', async ({ page, context }) => {
  test.slow();
  await installAxe(context);
  await openPath(page);
  const found = await violationsInBothThemes(page, `${PATH} empty`);

  await openQuiz(page);
  await question(page, 1).getByRole('radio').first().check();
  await question(page, 1).getByRole('button', { name: 'Check answer' }).click();
  await question(page, 2).getByRole('radio').nth(2).check();
  await question(page, 2).getByRole('button', { name: 'Check answer' }).click();
  await expect(question(page, 2).getByRole('status')).toContainText('Correct.');
  found.push(...(await violationsInBothThemes(page, `${OVERVIEW_PATH} answered`)));

  await openPath(page);
  await expect(pathItem(page).locator('.path-status')).toHaveText('1 of 3 correct');
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await expect(page.getByRole('button', { name: 'Yes, clear my progress' })).toBeVisible();
  found.push(...(await violationsInBothThemes(page, `${PATH} with progress and the reset question`)));
  expect(found).toEqual([]);
});

test('no horizontal scrolling at 390 px on the path and an answered quiz', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await openQuiz(page);
  await answerAllCorrectly(page);
  await question(page, 1).getByRole('radio').first().check();
  await question(page, 1).getByRole('button', { name: 'Check answer' }).click();
  await expect(question(page, 1).getByRole('status')).toContainText('Not quite.');
  expect(await overflow()).toBeLessThanOrEqual(0);
  await openPath(page);
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await expect(page.getByRole('button', { name: 'Yes, clear my progress' })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
});
