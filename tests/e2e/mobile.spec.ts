import { expect, test } from '@playwright/test';
import { OVERVIEW_PATH } from './site';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('at 390 px the sidebar is behind a menu button', async ({ page }) => {
  await page.goto(OVERVIEW_PATH);
  const menu = page.getByRole('button', { name: 'Menu' });
  const sidebar = page.getByRole('navigation', { name: 'Guide' });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(sidebar).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(sidebar).toBeVisible();
  await expect(sidebar.locator('[aria-current="page"]')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(sidebar).toBeHidden();
  await expect(menu).toBeFocused();

  await menu.click();
  await sidebar.getByRole('link', { name: 'Guide contents' }).click();
  await expect(page).toHaveURL(/\/guide\/$/);
  await expect(page.getByRole('navigation', { name: 'Guide' })).toBeHidden();
});

test('at 390 px the search opens full screen from the header button', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(389);
});

test('between phone and desktop widths the header never makes the page scroll sideways', async ({ page }) => {
  for (const width of [800, 860, 920, 1000, 1100]) {
    await page.setViewportSize({ width, height: 700 });
    await page.goto(OVERVIEW_PATH);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${width} px`).toBe(0);
  }
});
