import { expect, test } from '@playwright/test';
import { installAxe, violationsInBothThemes } from './axe';
import { OVERVIEW_PATH } from './site';

test.beforeEach(async ({ context }) => {
  await installAxe(context);
});

test('the open search dialog with results, in both themes', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox', { name: 'Search the site' }).fill('hl7');
  await expect(page.locator('.search-result').first()).toBeVisible();
  expect(await violationsInBothThemes(page, 'search dialog')).toEqual([]);
});

test('the open mobile menu and a focused link, in both themes', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(OVERVIEW_PATH);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Guide' }).getByRole('link').first().focus();
  expect(await violationsInBothThemes(page, 'mobile menu')).toEqual([]);
});

test('text that content-visibility leaves unrendered off screen is still checked, and left as it was', async ({ page }) => {
  await page.goto('/glossary/');
  const lastGroup = page.locator('.letter-group').last();
  await lastGroup.locator('.glossary-entry p').first().evaluate((paragraph: HTMLElement) => {
    paragraph.style.color = '#bbbbbb';
  });
  expect(await lastGroup.evaluate((group) => getComputedStyle(group).contentVisibility)).toBe('auto');
  expect(await lastGroup.evaluate((group) => group.getBoundingClientRect().top > innerHeight * 3)).toBe(true);
  const found = await violationsInBothThemes(page, 'glossary');
  expect(found.some((line) => line.includes('(light): color-contrast'))).toBe(true);
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
});
