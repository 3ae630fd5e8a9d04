import { expect, test, type Page } from '@playwright/test';
import { OVERVIEW_PATH } from './site';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search' });
const searchbox = (page: Page) => page.getByRole('searchbox', { name: 'Search the site' });

test('Ctrl+K opens search, and "dicom" in lower case finds the standards overview', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await expect(dialog(page)).toBeVisible();
  await expect(searchbox(page)).toBeFocused();
  await searchbox(page).fill('dicom');
  await expect(page.getByRole('status').filter({ hasText: /\d+ results? for “dicom”/ })).toBeVisible();
  // Glossary entries crowd the first results; among guide pages the DICOM page ranks first and the overview follows.
  await dialog(page).getByRole('radio', { name: /^Guide/ }).check();
  await expect(page.getByRole('status').filter({ hasText: /in Guide\.$/ })).toBeVisible();
  const overview = dialog(page).locator(`.search-result > a[href="${OVERVIEW_PATH}"]`);
  await expect(overview).toContainText('What each standard addresses');
  await expect(overview.locator('mark').first()).toHaveText(/dicom/i);
  await expect(dialog(page).locator('.search-result > a').first()).toHaveAttribute('href', '/guide/dicom-and-imaging-workflows/');
});

test('"/" opens search, but types a slash inside a text field', async ({ page }) => {
  await page.goto('/this-page-does-not-exist/');
  const field = page.getByRole('searchbox', { name: 'What were you looking for?' });
  await field.focus();
  await page.keyboard.type('a/b');
  await expect(field).toHaveValue('a/b');
  await expect(dialog(page)).toBeHidden();

  await page.goto('/');
  await page.keyboard.press('/');
  await expect(dialog(page)).toBeVisible();
  await expect(searchbox(page)).toBeFocused();
  await expect(searchbox(page)).toHaveValue('');
});

test('the search button opens the dialog and Escape returns focus to it', async ({ page }) => {
  await page.goto(OVERVIEW_PATH);
  const button = page.getByRole('button', { name: 'Search' }).first();
  await button.click();
  await expect(dialog(page)).toBeVisible();
  await searchbox(page).fill('fhir');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(button).toBeFocused();
});

test('arrow keys move through results and Enter opens one', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await searchbox(page).fill('standard');
  const links = dialog(page).locator('a.search-result-link');
  await expect(links.first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(links.first()).toBeFocused();
  if ((await links.count()) > 1) {
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(links.first()).toBeFocused();
  }
  await page.keyboard.press('ArrowUp');
  await expect(searchbox(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const href = await links.first().getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[#?]/g, '\\$&')}$`));
});

test('Enter in the search field opens the first result', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await searchbox(page).fill('dicom');
  const first = dialog(page).locator('.search-result > a').first();
  await expect(first).toBeVisible();
  const href = await first.getAttribute('href');
  await searchbox(page).press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test('the type filter narrows results and announces the scope', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await searchbox(page).fill('hl7');
  const filters = dialog(page).getByRole('group', { name: 'Show results from' });
  for (const name of ['All', /^Guide/, /^Glossary/, /^Tools/]) await expect(filters.getByRole('radio', { name })).toHaveCount(1);
  await expect(filters.getByRole('radio', { name: /^Guide \d+$/ })).not.toHaveAccessibleName('Guide 0');
  await filters.getByRole('radio', { name: /^Guide/ }).check();
  await expect(page.getByRole('status').filter({ hasText: /in Guide\.$/ })).toBeVisible();
  await expect(dialog(page).locator('.search-result-type').first()).toHaveText('Guide');
  await filters.getByRole('radio', { name: /^Glossary/ }).check();
  await expect(page.getByRole('status').filter({ hasText: /results? for “hl7” in Glossary\.$/ })).toBeVisible();
  for (const type of await dialog(page).locator('.search-result-type').allTextContents()) expect(type).toBe('Glossary');
});

test('a query that matches nothing says so', async ({ page }) => {
  // Pagefind 1.6 tolerates typos, so even nonsense words find loose matches; symbols alone find nothing.
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await searchbox(page).fill('§§§');
  await expect(page.getByRole('status').filter({ hasText: 'No results for “§§§”. Try a shorter or different word.' })).toBeVisible({ timeout: 15_000 });
  await expect(dialog(page).locator('.search-result')).toHaveCount(0);
});

test('search text is shown as text, never as markup', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await searchbox(page).fill('<img src=x onerror=alert(1)>');
  await expect(page.getByRole('status')).toContainText('<img src=x onerror=alert(1)>');
  await expect(dialog(page).locator('img')).toHaveCount(0);
});

test('the search code is fetched only when search is opened', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(OVERVIEW_PATH);
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((path) => /pagefind/.test(path))).toEqual([]);
  const before = fetched.length;
  await page.keyboard.press('Control+k');
  await expect(dialog(page)).toBeVisible();
  await expect.poll(() => fetched.slice(before).some((path) => path.includes('/pagefind/'))).toBe(true);
});
