import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from '@playwright/test';

/** WCAG 2.2 level A and AA, as axe tags them. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Injects axe into every document the context (or the one page) opens. Sweeping hundreds of
 * pages this way costs a fraction of re-injecting it for each check, which keeps the run within budget.
 */
export async function installAxe(target: BrowserContext | Page): Promise<void> {
  await target.addInitScript({ content: axeSource });
}

/** The rules whose outcome depends on colours, which is all that differs between the themes. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

type AxeRunOnly = { type: 'tag' | 'rule'; values: string[] };
type AxeWindow = { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } };

/**
 * Checks the page as it is in both themes: every WCAG 2.2 A and AA rule in the light theme, then
 * only the colour rules in the dark one, since the themes differ in colour and nothing else.
 * Each violation is described in one line. The page is left in the theme it had. Both runs
 * happen in one call into the page, which matters when hundreds of pages are swept.
 *
 * Content that `content-visibility: auto` leaves unrendered off screen (the HL7 explorer's
 * segments) is rendered for the check: axe cannot judge the contrast of text inside such a subtree
 * (with the glossary's letters skipped this way it marked 310 nodes "incomplete", which is not a
 * violation), and a reader who scrolls there sees it.
 */
export async function violationsInBothThemes(page: Page, label: string): Promise<string[]> {
  return page.evaluate(
    async ({ label, passes }) => {
      const { axe } = window as unknown as AxeWindow;
      const root = document.documentElement;
      const original = root.dataset['theme'];
      const found: string[] = [];
      const renderAll = new CSSStyleSheet();
      renderAll.replaceSync('* { content-visibility: visible !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, renderAll];
      try {
        for (const { theme, runOnly } of passes) {
          root.dataset['theme'] = theme;
          const result = await axe.run(document, { runOnly, resultTypes: ['violations'] });
          for (const violation of result.violations) {
            const where = violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ');
            found.push(`${label} (${theme}): ${violation.id} (${violation.help}) at ${where}`);
          }
        }
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== renderAll);
        if (original === undefined) delete root.dataset['theme'];
        else root.dataset['theme'] = original;
      }
      return found;
    },
    {
      label,
      passes: [
        { theme: 'light', runOnly: { type: 'tag', values: WCAG_22_AA } satisfies AxeRunOnly },
        { theme: 'dark', runOnly: { type: 'rule', values: COLOUR_RULES } satisfies AxeRunOnly },
      ],
    },
  );
}
