// One pass over every page of the built site, checking what every page must be: the frame
// (one h1, header, main, footer with the privacy line, description, policy), no request to
// another origin, no script error or policy violation, no WCAG 2.2 AA violation in the light
// and the dark theme, and no sideways scrolling at a 390 px phone width. Visiting each page
// once for all of these keeps the sweep within the test budget.
import { expect, test, type Page } from '@playwright/test';
import { installAxe, violationsInBothThemes } from './axe';
import { allPagePaths, chunks, watch } from './site';

const DESKTOP = { width: 1280, height: 720 };

// Pages as the server sends them: a service worker would answer unknown paths with the 404
// page's body and status 200, and its precaching would compete with the sweep for the machine.
// The offline spec covers the service worker.
test.use({ serviceWorkers: 'block' });
const PHONE = { width: 390, height: 844 };

async function frameProblems(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  const notFound = path.includes('does-not-exist');
  const response = await page.goto(path);
  if (response?.status() !== (notFound ? 404 : 200)) problems.push(`status ${response?.status()}`);
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    h1: document.querySelectorAll('h1').length,
    description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
    csp: document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '',
    header: !!document.querySelector('header.site-header'),
    main: document.querySelectorAll('main#main-content').length,
    footer: document.querySelector('footer')?.textContent ?? '',
  }));
  if (facts.lang !== 'en') problems.push('no <html lang="en">');
  if (facts.h1 !== 1) problems.push(`${facts.h1} h1 elements`);
  if (facts.description.length < 40) problems.push('meta description missing or short');
  if (!facts.csp.includes("default-src 'self'")) problems.push('no strict content security policy');
  if (!facts.header || facts.main !== 1) problems.push('header or main missing');
  if (!facts.footer.includes('Everything you type stays in this browser')) problems.push('privacy statement missing');
  return problems;
}

for (const [index, group] of chunks(allPagePaths(), 6).entries()) {
  test(`every page: frame, no foreign request or error, WCAG 2.2 AA light and dark, fits 390 px (part ${index + 1})`, async ({ context, page, baseURL }) => {
    test.setTimeout(group.length * 8_000 + 60_000);
    await installAxe(context);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const { foreign, errors } = watch(page, baseURL!);
    await page.emulateMedia({ colorScheme: 'light' });
    const problems: string[] = [];
    for (const path of group) {
      await page.setViewportSize(DESKTOP);
      for (const problem of await frameProblems(page, path)) problems.push(`${path}: ${problem}`);
      problems.push(...(await violationsInBothThemes(page, path)));
      await page.setViewportSize(PHONE);
      const overflow = await page.evaluate(
        () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(document.documentElement.scrollWidth - document.documentElement.clientWidth))),
      );
      if (overflow > 0) problems.push(`${path}: ${overflow}px too wide at 390 px`);
    }
    expect(problems).toEqual([]);
    expect(foreign, 'requests to other origins').toEqual([]);
    expect(errors, 'script errors and policy violations').toEqual([]);
  });
}
