import { expect, test } from '@playwright/test';
import { OVERVIEW_PATH } from './site';

test('print shows the content only, with external link addresses written out', async ({ page }) => {
  await page.goto(OVERVIEW_PATH);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header', '.sidebar-pane', '.toc-pane', '.prev-next', '.site-footer', '.toc-mobile']) {
    await expect(page.locator(selector)).toBeHidden();
  }
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const source = page.locator('.sources a[href^="https://"]').first();
  const href = await source.getAttribute('href');
  const after = await source.evaluate((link) => getComputedStyle(link, '::after').content);
  expect(after).toBe(`" (${href})"`);
  const internal = await page.locator('main a[href^="/"], main a[href^="#"]').evaluateAll((links) =>
    links.map((link) => getComputedStyle(link, '::after').content),
  );
  expect(internal.length).toBeGreaterThan(0);
  expect(new Set(internal)).toEqual(new Set(['none']));
});
