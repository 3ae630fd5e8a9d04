import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { WCAG_22_AA } from './axe';
import { OVERVIEW_PATH, useTheme } from './site';

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const readable = violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
  expect(readable).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test(`the open search dialog with results, ${theme}`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto('/');
    await page.keyboard.press('Control+k');
    await page.getByRole('searchbox', { name: 'Search the site' }).fill('hl7');
    await expect(page.locator('.search-result').first()).toBeVisible();
    await expectNoViolations(page);
  });

  test(`the open mobile menu and a focused link, ${theme}`, async ({ page }) => {
    await useTheme(page, theme);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(OVERVIEW_PATH);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Guide' }).getByRole('link').first().focus();
    await expectNoViolations(page);
  });
}
