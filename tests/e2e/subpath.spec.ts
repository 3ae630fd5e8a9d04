import { expect, test } from '@playwright/test';
import { sitemapPaths } from './site';

const BASE = '/interop-workbook/';
const paths = sitemapPaths('dist-subpath');

test('the sub-path build lists its pages under the base', () => {
  expect(paths.length).toBeGreaterThan(2);
  for (const path of paths) expect(path.startsWith(BASE)).toBe(true);
});

// Every link, script, style and image of every page under the base is checked without a
// browser, in tests/content/links.test.ts.

test('search works under the base and links into it', async ({ page }) => {
  await page.goto(BASE);
  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox', { name: 'Search the site' }).fill('dicom');
  await page.getByRole('radio', { name: /^Guide/ }).check();
  const overview = page.locator(`.search-result > a[href="${BASE}guide/what-each-standard-addresses/"]`);
  await expect(overview).toBeVisible();
  for (const href of await page.locator('.search-result-link').evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
    expect(href?.startsWith(BASE), `${href} is outside ${BASE}`).toBe(true);
  }
  await overview.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What each standard addresses');
});

test('a missing page under the base gets the 404 page with working styles', async ({ page }) => {
  const response = await page.goto(`${BASE}nowhere/`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', BASE);
  const background = await page.locator('.skip-link').evaluate((node) => getComputedStyle(node).position);
  expect(background).toBe('absolute');
});
