import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { installAxe, violations, WCAG_22_AA } from './axe';
import { allPagePaths, chunks, OVERVIEW_PATH, useTheme } from './site';

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const readable = violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
  expect(readable).toEqual([]);
}

for (const [index, group] of chunks(allPagePaths(), 4).entries()) {
  test(`every page has no WCAG 2.2 AA violations in the light and dark themes (part ${index + 1})`, async ({ context, page }) => {
    test.setTimeout(group.length * 4_000 + 30_000);
    await installAxe(context);
    await page.emulateMedia({ colorScheme: 'light' });
    const found: string[] = [];
    for (const path of group) {
      await page.goto(path);
      await page.evaluate(() => (document.documentElement.dataset['theme'] = 'light'));
      found.push(...(await violations(page, `${path} (light)`)));
      // The dark theme is the same page with other colours: switch in place rather than reload.
      await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
      found.push(...(await violations(page, `${path} (dark)`)));
    }
    expect(found).toEqual([]);
  });
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
