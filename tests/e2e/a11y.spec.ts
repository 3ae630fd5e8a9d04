import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { allPagePaths, chunks, OVERVIEW_PATH, useTheme } from './site';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const readable = violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
  expect(readable).toEqual([]);
}

async function violationsOn(page: Page, path: string) {
  await page.goto(path);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return violations.map((violation) => `${path}: ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  for (const [index, group] of chunks(allPagePaths(), 6).entries()) {
    test(`every page in the ${theme} theme has no WCAG 2.2 AA violations (part ${index + 1})`, async ({ page }) => {
      test.setTimeout(group.length * 6_000 + 30_000);
      await useTheme(page, theme);
      const found: string[] = [];
      for (const path of group) found.push(...(await violationsOn(page, path)));
      expect(found).toEqual([]);
    });
  }

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
