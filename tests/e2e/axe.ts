import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from '@playwright/test';

/** WCAG 2.2 level A and AA, as axe tags them. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Injects axe into every page the context opens. Sweeping hundreds of pages this way
 * costs a fraction of re-injecting it for each check, which keeps the run within budget.
 */
export async function installAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axeSource });
}

/** The rules whose outcome depends on colours, which is all that differs between the themes. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Runs axe on the page as it is and describes each violation in one line. With `rules`,
 * only those rules run (still limited to WCAG 2.2 A and AA).
 */
export async function violations(page: Page, label: string, rules?: readonly string[]): Promise<string[]> {
  const found = await page.evaluate(
    async ({ tags, rules }) => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags };
      const result = await axe.run(document, { runOnly, resultTypes: ['violations'] });
      return result.violations.map((violation) => `${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
    },
    { tags: WCAG_22_AA, rules: rules ? [...rules] : undefined },
  );
  return found.map((line) => `${label}: ${line}`);
}

/**
 * Checks the page as it is in both themes: every WCAG 2.2 A and AA rule in the light theme, then
 * only the colour rules in the dark one, since the themes differ in colour and nothing else.
 * The page is left in the theme it had.
 */
export async function violationsInBothThemes(page: Page, label: string): Promise<string[]> {
  const setTheme = (theme: string) => page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
  const original = await page.evaluate(() => document.documentElement.dataset['theme'] ?? 'light');
  await setTheme('light');
  const found = await violations(page, `${label} (light)`);
  await setTheme('dark');
  found.push(...(await violations(page, `${label} (dark)`, COLOUR_RULES)));
  await setTheme(original);
  return found;
}
