import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { BRIEF_FIELDS } from '../../src/lib/brief/fields';
import { installAxe, violationsInBothThemes } from './axe';

const COMPARE = '/workshop/compare/';

interface Download {
  name: string;
  text: string;
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** Fills the worksheet through its own form and downloads it with its own button. */
async function writeBrief(page: Page, title: string, leaveEmpty?: string): Promise<Download> {
  await page.getByRole('button', { name: 'New brief' }).click();
  await expect(field(page, 'Brief title')).toHaveValue('');
  await page.getByRole('button', { name: 'Load example' }).click();
  await expect(page.getByText('27 of 27')).toBeVisible();
  await field(page, 'Brief title').fill(title);
  await field(page, 'Customer or site').fill(`${title}: pilot site`);
  if (leaveEmpty) await field(page, leaveEmpty).fill('');
  await expect(page.getByRole('status').filter({ hasText: /^Saved at / })).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown', exact: true }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

/** Three briefs from the worksheet (the third leaves Test environment empty) and a file that is not a brief. */
async function makeFiles(page: Page) {
  await page.goto('/worksheet/');
  await expect(page.locator('.worksheet[data-ready]')).toBeVisible();
  const briefs = [await writeBrief(page, 'Lab results'), await writeBrief(page, 'ADT feed'), await writeBrief(page, 'Imaging orders', 'Test environment')];
  expect(new Set(briefs.map((brief) => brief.name)).size).toBe(3);
  expect(briefs[2]!.text).toMatch(/\*\*Test environment\*\*\n\n_Not provided_/);
  return [...briefs, { name: 'meeting-notes.txt', text: 'Notes from the kick-off call.\nNothing to compare here.' }].map((file) => ({
    name: file.name,
    mimeType: 'text/markdown',
    buffer: Buffer.from(file.text),
  }));
}

async function open(page: Page) {
  await page.goto(COMPARE);
  await expect(page.locator('astro-island')).not.toHaveAttribute('ssr', '');
  await expect(page.locator('.compare[data-ready]')).toBeVisible();
}

async function expectNoViolations(page: Page, label: string) {
  expect(await violationsInBothThemes(page, label)).toEqual([]);
}

test('three worksheet briefs and a stray file: gaps counted, empties marked, the stray named, the summary downloaded', async ({ page }) => {
  test.slow();
  const files = await makeFiles(page);
  await open(page);
  await expect(page.getByText('Nothing is uploaded.')).toBeVisible();
  await page.getByLabel('Choose the Markdown briefs to compare').setInputFiles(files);

  await expect(page.getByRole('status').filter({ hasText: 'compared' })).toHaveText('3 briefs compared, 1 file skipped.');
  const skipped = page.getByRole('alert');
  await expect(skipped).toContainText('1 file was skipped');
  await expect(skipped.locator('.skipped-name')).toHaveText(['meeting-notes.txt']);
  await expect(skipped).toContainText('not an integration brief from this site');

  const gaps = page.getByRole('region', { name: 'Gaps at a glance' });
  await expect(gaps.getByRole('listitem')).toHaveCount(1);
  await expect(gaps).toContainText('Test environment: 2 of 3 answered. Not answered in: Imaging orders.');

  const table = page.getByRole('region', { name: 'The briefs side by side, field by field' });
  await expect(table.locator('thead th')).toHaveText(['Field', 'Answered', /^Lab results/, /^ADT feed/, /^Imaging orders/]);
  await expect(table.locator('tbody tr:not(.compare-section-row)')).toHaveCount(BRIEF_FIELDS.length);
  const testRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Test environment' }) });
  await expect(testRow.getByRole('cell').first()).toHaveText('2 of 3');
  await expect(testRow.locator('td.is-empty')).toHaveCount(1);
  await expect(testRow.locator('td').nth(3)).toHaveText(/Not answered/);
  await expect(testRow.locator('td').nth(1)).toContainText('Northside test EHR');
  // Exactly one empty answer in the whole comparison, and it is marked in words, not only in colour.
  await expect(table.locator('td.is-empty')).toHaveCount(1);
  await expect(table.locator('td.is-empty .compare-empty')).toHaveText(/Not answered/);
  await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Customer or site' }) })).toContainText('ADT feed: pilot site');

  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the comparison (Markdown)' }).click()]);
  expect(file.suggestedFilename()).toMatch(/^integration-brief-comparison-\d{4}-\d{2}-\d{2}\.md$/);
  const summary = readFileSync((await file.path())!, 'utf8');
  expect(summary).toMatch(/^# Integration brief comparison\n/);
  expect(summary).toContain('Compared 3 briefs');
  expect(summary).toContain('- Test environment: 2 of 3 answered. Not answered in: Imaging orders.');
  expect(summary).toContain('- meeting-notes.txt: ');
  expect(summary).toContain('- **Imaging orders:** _Not answered_');
  expect(summary).toContain('- **ADT feed:** ADT feed: pilot site');

  // The same files again are compared once; Clear empties the page.
  await page.getByLabel('Choose the Markdown briefs to compare').setInputFiles(files.slice(0, 1));
  await expect(page.getByRole('status').filter({ hasText: 'compared' })).toHaveText('3 briefs compared, 2 files skipped.');
  await expect(skipped).toContainText('the same file as one already selected');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'selected' })).toHaveText('No briefs selected yet.');
  await expect(page.getByLabel('Choose the Markdown briefs to compare')).toBeFocused();
});

test('files dropped on the page are compared too, and oversized files are refused unread', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'.repeat(1024 * 1024 + 1)], 'huge.md', { type: 'text/markdown' }));
    transfer.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00])], 'photo.png', { type: 'image/png' }));
    transfer.items.add(new File(['<!-- interop-workbook brief, format 1 -->\n\n# Dropped\n\n**Brief title**\n\nDropped brief\n'], 'dropped.md', { type: 'text/markdown' }));
    const zone = document.querySelector('.drop-zone')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('status').filter({ hasText: 'compared' })).toHaveText('1 brief compared, 2 files skipped.');
  const skipped = page.getByRole('alert');
  await expect(skipped.locator('li').filter({ hasText: 'huge.md' })).toContainText('larger than 1 MB');
  await expect(skipped.locator('li').filter({ hasText: 'photo.png' })).toContainText('not a text file');
  await expect(page.getByRole('region', { name: 'Gaps at a glance' })).toContainText('Customer or site: 0 of 1 answered');
});

test('at 390 px each field stacks its answers and nothing scrolls sideways', async ({ page }) => {
  test.slow();
  const files = await makeFiles(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await page.getByLabel('Choose the Markdown briefs to compare').setInputFiles(files);
  await expect(page.getByRole('status').filter({ hasText: 'compared' })).toHaveText('3 briefs compared, 1 file skipped.');
  await expect(page.locator('.compare-scroll')).toBeHidden();
  const card = page.locator('.compare-field').filter({ has: page.getByRole('heading', { name: 'Test environment', exact: true }) });
  await expect(card).toBeVisible();
  await expect(card.locator('.compare-field-summary')).toHaveText('Test environment: 2 of 3 answered');
  await expect(card.locator('li.is-empty')).toHaveText(/Imaging orders\s*✕\s*Not answered/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});

test('compare, empty and with results, has no WCAG 2.2 AA violations in either theme', async ({ page }) => {
  test.slow();
  const files = await makeFiles(page);
  await installAxe(page.context());
  await open(page);
  await expectNoViolations(page, 'empty');
  await page.getByLabel('Choose the Markdown briefs to compare').setInputFiles(files);
  await expect(page.getByRole('status').filter({ hasText: 'compared' })).toHaveText('3 briefs compared, 1 file skipped.');
  await expectNoViolations(page, 'results');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoViolations(page, 'results at 390 px');
});
