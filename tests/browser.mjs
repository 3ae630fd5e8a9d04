// Where the tests find Chromium: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a browser
// that `npx playwright install chromium` put in Playwright's cache.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const NO_BROWSER_MESSAGE = process.env.CHROMIUM_PATH
  ? `CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist: point it at a Chromium binary, or unset it to use /usr/bin/chromium (apt-get install chromium) or Playwright's browser (npx playwright install chromium).`
  : 'No Chromium found for the browser tests: run `apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium binary.';

/** @returns {{ executablePath: string | undefined, source: string } | undefined} */
export function findBrowser() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { executablePath: fromEnv, source: 'CHROMIUM_PATH' } : undefined;
  if (existsSync('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', source: '/usr/bin/chromium' };
  let bundled;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return { executablePath: undefined, source: 'Playwright' };
  return undefined;
}
