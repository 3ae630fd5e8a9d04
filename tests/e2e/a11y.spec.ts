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

test('axe checks text inside a subtree that content-visibility leaves unrendered, and leaves the page as it was', async ({ page }) => {
  // The HL7 explorer's segments skip rendering this way; here one glossary letter stands in for them.
  await page.goto('/glossary/');
  const lastGroup = page.locator('.letter-group').last();
  await lastGroup.evaluate((group: HTMLElement) => {
    group.style.contentVisibility = 'auto';
    group.querySelector<HTMLElement>('.glossary-entry p')!.style.color = '#bbbbbb';
  });
  expect(await lastGroup.evaluate((group) => group.getBoundingClientRect().top > innerHeight * 3)).toBe(true);
  const found = await violationsInBothThemes(page, 'glossary');
  expect(found.some((line) => line.includes('(light): color-contrast'))).toBe(true);
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
});
