import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { installAxe, violationsInBothThemes } from './axe';

const PATH = '/explore/imaging-sizing/';
const field = (page: Page, id: string) => page.locator(`#${id}`);
const summary = (page: Page) => page.locator('.error-summary');
const storageRow = (page: Page, label: string) => page.locator('#storage-table tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });

async function open(page: Page) {
  await page.goto(PATH);
  // The calculator hydrates once it is in view (client:visible); on a phone it starts below the fold.
  await page.locator('.calculator').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.locator('.calculator[data-ready]')).toBeVisible();
}

/** Leaves one row: CT, 100 studies a day at 200 MB, the guide's worked example. */
async function oneCtRow(page: Page) {
  for (let index = 0; index < 6; index += 1) await page.getByRole('button', { name: /^Remove modality 2,/ }).click();
  await expect(page.locator('.modality-row')).toHaveCount(1);
  await field(page, 'modality-name-m1').fill('CT');
  await field(page, 'modality-studies-m1').fill('100');
  await field(page, 'modality-size-m1').fill('200');
  await field(page, 'lossless-ratio').fill('2');
  await field(page, 'priors-per-study').fill('0');
}

async function expectNoViolations(page: Page, label: string) {
  expect(await violationsInBothThemes(page, label)).toEqual([]);
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test('the form hydrates in parts: the server markup stays, and input typed the moment it is enabled is kept', async ({ page }) => {
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      Object.assign(window, { serverNodes: [...document.querySelectorAll('.modality-row, #compression, .settings-grid')] });
      // Type into the last parts to hydrate in the same moment the form stops being disabled.
      const observer = new MutationObserver(() => {
        const form = document.querySelector<HTMLFieldSetElement>('.calc-form .until-ready');
        if (!form || form.disabled) return;
        observer.disconnect();
        for (const [id, value] of [['modality-studies-m7', '11'], ['days-per-year', '250']] as const) {
          const input = document.getElementById(id) as HTMLInputElement;
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      });
      observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
    });
  });
  await open(page);
  const server = await page.evaluate(() => {
    const nodes = (window as unknown as { serverNodes: Element[] }).serverNodes;
    return { count: nodes.length, connected: nodes.filter((node) => node.isConnected).length };
  });
  // Seven default rows, the compression choice and the other settings, hydrated where they were.
  expect(server).toEqual({ count: 9, connected: 9 });
  await expect(page.locator('.modality-row')).toHaveCount(7);
  await expect(page.locator('#modality-name-m1')).toHaveCount(1);
  await expect(field(page, 'modality-studies-m7')).toHaveValue('11');
  await expect(field(page, 'days-per-year')).toHaveValue('250');
  await page.getByRole('radio', { name: 'Lossy (irreversible)' }).check();
  await expect(field(page, 'lossy-ratio')).toHaveValue('10');
  await page.reload();
  await expect(page.locator('.calculator[data-ready]')).toBeVisible();
  await expect(field(page, 'modality-studies-m7')).toHaveValue('11');
  await expect(field(page, 'days-per-year')).toHaveValue('250');
  await expect(page.getByRole('radio', { name: 'Lossy (irreversible)' })).toBeChecked();
});

test('entering values gives the right storage and bandwidth, with the formula', async ({ page }) => {
  await open(page);
  await expect(page.getByText('Nothing you type leaves it')).toBeVisible();
  // The cited defaults give results straight away: 47,290 MB a day.
  await expect(storageRow(page, 'Per day')).toContainText('47.29 GB');
  await oneCtRow(page);
  await page.getByRole('button', { name: 'Calculate' }).click();
  await expect(page.getByRole('heading', { name: 'Results', exact: true })).toBeFocused();
  await expect(storageRow(page, 'Per day')).toContainText('20 GB');
  await expect(storageRow(page, 'Per day')).toContainText('10 GB');
  await expect(storageRow(page, 'Per year')).toContainText('7.3 TB');
  await expect(storageRow(page, 'Per year')).toContainText('7,300,000 MB');
  await expect(storageRow(page, 'Per year')).toContainText('3.65 TB');
  await expect(storageRow(page, 'Over 10 years')).toContainText('73 TB');
  await expect(storageRow(page, 'Over 10 years')).toContainText('36.5 TB');
  const ct = page.locator('#bandwidth-table tbody tr').first();
  await expect(ct).toContainText('200 MB');
  await expect(ct).toContainText('53.3 Mbit/s');
  await expect(ct).toContainText('26.7 Mbit/s');
  await expect(page.locator('.formula code')).toHaveText('200 MB × (1 + 0) × 8 bits ÷ 30 s = 53.3 Mbit/s; ÷ 2 = 26.7 Mbit/s compressed');

  // Two priors within 60 s, no compression: 600 MB × 8 ÷ 60 = 80 Mbit/s, and the compressed column goes.
  await field(page, 'priors-per-study').fill('2');
  await field(page, 'target-seconds').fill('60');
  await page.getByRole('radio', { name: 'None' }).check();
  await expect(ct).toContainText('600 MB');
  await expect(ct).toContainText('80 Mbit/s');
  await expect(page.locator('#bandwidth-table thead th')).toHaveCount(3);
});

test('invalid input shows the error summary and inline messages linked to their fields', async ({ page }) => {
  await open(page);
  await field(page, 'modality-studies-m2').fill('lots');
  await field(page, 'modality-size-m3').fill('-5');
  await field(page, 'retention-years').fill('7.5');
  await field(page, 'target-seconds').fill('');
  await expect(summary(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Calculate' }).click();

  await expect(summary(page)).toBeFocused();
  await expect(summary(page).getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary(page).getByRole('link')).toHaveText([
    'CT studies per day must be a number, like 120',
    'Average MR study size must be more than 0 MB',
    'Retention must be a whole number, like 10',
    'Enter the target time in seconds to move a study and its priors',
  ]);
  const studies = field(page, 'modality-studies-m2');
  await expect(studies).toHaveAttribute('aria-invalid', 'true');
  await expect(studies).toHaveAccessibleDescription(/CT studies per day must be a number, like 120/);
  await expect(field(page, 'modality-size-m3')).toHaveAccessibleDescription(/Default 40 MB\..*Error: Average MR study size must be more than 0 MB/);
  await expect(page.locator('#retention-years-error')).toHaveText('Error: Retention must be a whole number, like 10');
  await expect(page.getByText('There are no results until every input is valid')).toBeVisible();
  await expect(page.locator('#storage-table')).toHaveCount(0);

  await summary(page).getByRole('link', { name: /Retention/ }).click();
  await expect(field(page, 'retention-years')).toBeFocused();

  // Fixing the input clears its message at once, and the results come back when all are fixed.
  await field(page, 'retention-years').fill('7');
  await expect(page.locator('#retention-years-error')).toHaveCount(0);
  await field(page, 'modality-studies-m2').fill('100');
  await field(page, 'modality-size-m3').fill('40');
  await field(page, 'target-seconds').fill('30');
  await expect(summary(page)).toHaveCount(0);
  await expect(page.locator('#storage-table')).toBeVisible();
});

test('removing every row asks for one, and twenty rows is the limit', async ({ page }) => {
  test.slow(); // twenty-seven clicks, each re-rendering the table
  await open(page);
  for (let index = 0; index < 7; index += 1) await page.getByRole('button', { name: /^Remove modality 1,/ }).click();
  await page.getByRole('button', { name: 'Calculate' }).click();
  await expect(summary(page).getByRole('link')).toHaveText(['Add at least one modality']);
  await summary(page).getByRole('link').click();
  await expect(page.getByRole('button', { name: 'Add a modality' })).toBeFocused();
  for (let index = 0; index < 20; index += 1) await page.getByRole('button', { name: 'Add a modality' }).click();
  await expect(page.locator('.modality-row')).toHaveCount(20);
  await expect(page.getByRole('button', { name: 'Add a modality' })).toBeDisabled();
});

test('copies the results as escaped Markdown, and falls back to a selected text box', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await field(page, 'modality-name-m1').fill('CR | <b>DX</b>');
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the results as Markdown.' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('# Imaging storage and bandwidth estimate');
  expect(copied).toContain('| CR \\| \\<b\\>DX\\</b\\> | 150 | 20 MB | 3,000 MB |');
  expect(copied).toContain('| Per day | 47.29 GB | 18.92 GB |');

  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
  expect(file.suggestedFilename()).toMatch(/^imaging-sizing-\d{4}-\d\d-\d\d\.md$/);
  expect(readFileSync((await file.path())!, 'utf8')).toBe(copied);

  // A browser that refuses the clipboard gets the text selected in a box instead.
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) } });
  });
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  const box = page.getByLabel('Markdown to copy');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(copied);
  expect(await box.evaluate((element: HTMLTextAreaElement) => element.selectionEnd - element.selectionStart)).toBe(copied.length);
  await expect(page.getByRole('status').filter({ hasText: 'did not allow copying' })).toBeVisible();
});

test('inputs survive a reload, invalid ones with their messages, and Reset restores the defaults', async ({ page }) => {
  await open(page);
  await field(page, 'modality-studies-m1').fill('321');
  await page.getByRole('radio', { name: 'Lossy (irreversible)' }).check();
  await field(page, 'lossy-ratio').fill('15');
  await page.getByRole('button', { name: 'Add a modality' }).click();
  await expect(field(page, 'modality-name-m8')).toBeFocused();
  await field(page, 'modality-name-m8').fill('XA angiography');
  await page.reload();
  await open(page);
  await expect(field(page, 'modality-studies-m1')).toHaveValue('321');
  await expect(page.getByRole('radio', { name: 'Lossy (irreversible)' })).toBeChecked();
  await expect(field(page, 'lossy-ratio')).toHaveValue('15');
  await expect(field(page, 'modality-name-m8')).toHaveValue('XA angiography');
  // The new row has no figures yet, so the reloaded page says why there are no results.
  await expect(summary(page).getByRole('link')).toHaveText(['Enter the number of XA angiography studies per day', 'Enter the average XA angiography study size in MB']);

  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All inputs are back to the defaults.' })).toBeVisible();
  await expect(field(page, 'modality-studies-m1')).toHaveValue('150');
  await expect(page.locator('.modality-row')).toHaveCount(7);
  await expect(summary(page)).toHaveCount(0);
  await page.reload();
  await open(page);
  await expect(field(page, 'modality-studies-m1')).toHaveValue('150');
  await expect(page.getByRole('radio', { name: 'Lossless' })).toBeChecked();
});

test('saved input with fewer rows than the defaults comes back ready to edit', async ({ page }) => {
  await open(page);
  for (let index = 0; index < 5; index += 1) await page.getByRole('button', { name: /^Remove modality 3,/ }).click();
  await expect(page.locator('.modality-row')).toHaveCount(2);
  await field(page, 'modality-studies-m2').fill('42');
  await page.reload();
  await open(page);
  await expect(page.locator('.modality-row')).toHaveCount(2);
  await expect(field(page, 'modality-studies-m2')).toHaveValue('42');
  await expect(field(page, 'modality-studies-m2')).toBeEnabled();
  await field(page, 'modality-studies-m2').fill('43');
  await page.reload();
  await open(page);
  await expect(field(page, 'modality-studies-m2')).toHaveValue('43');
});

test('works with the keyboard alone', async ({ page }) => {
  await open(page);
  await field(page, 'modality-studies-m1').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('x');
  // Tab to Calculate and press Enter.
  for (let step = 0; step < 80; step += 1) {
    await page.keyboard.press('Tab');
    if (await page.getByRole('button', { name: 'Calculate' }).evaluate((element) => element === document.activeElement)) break;
  }
  await expect(page.getByRole('button', { name: 'Calculate' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(summary(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(summary(page).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field(page, 'modality-studies-m1')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('150');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Results', exact: true })).toBeFocused();
  await expect(storageRow(page, 'Per day')).toContainText('47.29 GB');

  // Radio buttons move with the arrow keys and reveal their ratio field.
  await page.getByRole('radio', { name: 'Lossless' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Lossy (irreversible)' })).toBeChecked();
  await expect(field(page, 'lossy-ratio')).toBeVisible();
});

test('axe finds nothing in the default, error and result states, in either theme', async ({ page }) => {
  test.slow();
  await installAxe(page.context());
  await open(page);
  await expectNoViolations(page, 'default');
  await field(page, 'modality-studies-m1').fill('abc');
  await field(page, 'retention-years').fill('0');
  await page.getByRole('button', { name: 'Calculate' }).click();
  await expect(summary(page)).toBeVisible();
  await expectNoViolations(page, 'errors');
  await field(page, 'modality-studies-m1').fill('10');
  await field(page, 'retention-years').fill('5');
  await page.getByRole('radio', { name: 'Lossy (irreversible)' }).check();
  await page.getByRole('button', { name: 'Calculate' }).click();
  await expect(page.locator('#bandwidth-table')).toBeVisible();
  await expectNoViolations(page, 'results');
});

test('at 390 px nothing scrolls sideways, with results or with errors', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await noSidewaysScroll(page);
  await field(page, 'modality-size-m1').fill('1000001');
  await page.getByRole('button', { name: 'Calculate' }).click();
  await expect(summary(page)).toBeVisible();
  await noSidewaysScroll(page);
});
