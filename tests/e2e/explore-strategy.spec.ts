import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { installAxe, violationsInBothThemes } from './axe';

const PATH = '/explore/strategy/';
const group = (page: Page, question: RegExp) => page.getByRole('group', { name: question });
const missing = (page: Page) => page.locator('#strategy-missing');
const recommendation = (page: Page) => page.locator('#strategy-recommendation');

const REQUIRED: [string, string][] = [
  ['Where do clinicians use your product?', 'In its own app or website, apart from the EHR'],
  ['Does the product need patient demographics, location or orders from the hospital?', 'No, users create the data it needs'],
  ["Must your output be in the patient's chart before anyone can use it?", 'No, people read it in our product'],
  ['Do your first customers require integration before they buy?', 'No, a department can buy it as it is'],
  ['How soon must the first site go live?', 'Within weeks'],
];

async function open(page: Page) {
  await page.goto(PATH);
  await expect(page.locator('astro-island[component-url*="StrategyAid"]')).not.toHaveAttribute('ssr', '');
  await expect(page.locator('.decision-aid[data-ready]')).toBeVisible();
}

async function choose(page: Page, question: string, option: string) {
  await group(page, new RegExp(`^\\d+\\. ${question.replace(/[?.*+^$()[\]\\|]/g, '\\$&')}`))
    .getByRole('radio', { name: option, exact: true })
    .check();
}

async function answerRequired(page: Page, count = REQUIRED.length) {
  for (const [question, option] of REQUIRED.slice(0, count)) await choose(page, question, option);
}

async function expectNoViolations(page: Page, label: string) {
  expect(await violationsInBothThemes(page, label)).toEqual([]);
}

test('partial answers say what is missing; the required answers give a recommendation with reasons', async ({ page }) => {
  await open(page);
  await expect(page.getByText('Your answers stay in this browser')).toBeVisible();
  await expect(page.locator('fieldset.question')).toHaveCount(8);
  await expect(missing(page)).toContainText('0 of 8 answered');
  await expect(missing(page).getByRole('link')).toHaveCount(5);

  await answerRequired(page, 4);
  await expect(missing(page)).toContainText('4 of 8 answered; a recommendation needs this one:');
  await expect(missing(page).getByRole('link')).toHaveText(['How soon must the first site go live?']);
  await missing(page).getByRole('link').click();
  await expect(page.getByRole('radio', { name: 'Within weeks' })).toBeFocused();
  await expect(recommendation(page)).toHaveCount(0);

  await choose(page, 'How soon must the first site go live?', 'Within weeks');
  await expect(recommendation(page).getByRole('heading')).toHaveText('Start standalone, with one clear value claim');
  await expect(recommendation(page)).toContainText('Users create the data the product needs');
  await expect(recommendation(page)).toContainText('3 optional questions are unanswered');
  await expect(page.locator('.phase-path li[aria-current="step"]')).toHaveText('Start standalone, with one clear value claim (recommended start)');

  // Answers that need a live feed move the recommendation to the interface engine.
  await choose(page, 'Does the product need patient demographics, location or orders from the hospital?', 'Yes, it must know who the patient is and where they are right now');
  await choose(page, 'Do your first customers require integration before they buy?', 'Yes, it is a written condition of purchase');
  await choose(page, 'What data does the product take in, and how much?', 'Large machine-generated data, such as images or waveforms');
  await choose(page, 'How soon must the first site go live?', 'Six months or more from now');
  await expect(recommendation(page).getByRole('heading')).toHaveText("Integrate through the hospital's interface engine");
  await expect(recommendation(page).locator('ul li').first()).toHaveText(/must know who the patient is|written condition of purchase|large and machine-generated/);
});

test('answers survive a reload, and Clear all answers resets them', async ({ page }) => {
  await open(page);
  await answerRequired(page);
  await choose(page, 'What integration capacity does the hospital have for you?', "An interface engine, but the team's queue is long");
  await page.reload();
  await open(page);
  await expect(page.getByRole('radio', { name: 'Within weeks' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /queue is long/ })).toBeChecked();
  await expect(recommendation(page)).toBeVisible();
  await page.getByRole('button', { name: 'Clear all answers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All answers cleared.' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Within weeks' })).not.toBeChecked();
  await expect(missing(page)).toContainText('0 of 8 answered');
  await page.reload();
  await open(page);
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
});

test('copies the questions, answers and result as Markdown, with a fallback', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await answerRequired(page);
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the questions, answers and result as Markdown.' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('## Recommendation: Start standalone, with one clear value claim');
  expect(copied).toContain('1. **Where do clinicians use your product?**  \n   In its own app or website, apart from the EHR');
  expect(copied).toContain("3. **Must your output be in the patient's chart before anyone can use it?**");
  expect(copied.match(/_Not answered_/g)).toHaveLength(3);

  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
  expect(file.suggestedFilename()).toMatch(/^standalone-or-integrated-\d{4}-\d\d-\d\d\.md$/);
  expect(readFileSync((await file.path())!, 'utf8')).toBe(copied);

  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined });
  });
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByLabel('Markdown to copy')).toBeFocused();
  await expect(page.getByLabel('Markdown to copy')).toHaveValue(copied);
});

test('the radio groups work with the keyboard alone', async ({ page }) => {
  await open(page);
  await page.getByRole('radio', { name: 'In its own app or website, apart from the EHR' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'In its own app or website, apart from the EHR' })).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Alongside the EHR, switching between the two' })).toBeChecked();
  // Tab leaves the group for the next question.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'No, users create the data it needs' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(recommendation(page)).toBeVisible();
});

test('prints the questions with only the chosen answers, and the recommendation', async ({ page }) => {
  await open(page);
  await answerRequired(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText('In its own app or website, apart from the EHR')).toBeVisible();
  await expect(page.getByText('Alongside the EHR, switching between the two')).toBeHidden();
  await expect(recommendation(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy as Markdown' })).toBeHidden();
  await expect(page.locator('#question-volume .print-only')).toHaveText('Not answered');
  await expect(page.locator('.site-header')).toBeHidden();
});

test('without JavaScript the questions are listed and the page says scoring needs JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PATH);
  await expect(page.getByText('JavaScript is needed for the scoring.')).toBeVisible();
  await expect(page.locator('fieldset.question legend')).toHaveCount(8);
  await expect(page.getByText('Large machine-generated data, such as images or waveforms')).toBeVisible();
  await context.close();
});

test('axe finds nothing before, during and after answering, in either theme', async ({ page }) => {
  test.slow();
  await installAxe(page.context());
  await open(page);
  await expectNoViolations(page, 'empty');
  await answerRequired(page, 2);
  await expectNoViolations(page, 'partial');
  await answerRequired(page);
  await expect(recommendation(page)).toBeVisible();
  await expectNoViolations(page, 'result');
});

test('at 390 px nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await answerRequired(page);
  await expect(recommendation(page)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
