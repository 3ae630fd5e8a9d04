// One pass over every page of the built site, checking what every page must be: the frame
// (one h1, header, main, footer with the privacy line, description, policy), no request to
// another origin, no script error or policy violation, no WCAG 2.2 AA violation in the light
// and the dark theme (on the glossary's term pages, see pagesForAxe), and no sideways scrolling
// at a 390 px phone width. Visiting each page once for all of these keeps the sweep within the
// test budget.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { installAxe, violationsInBothThemes } from './axe';
import { allPagePaths, chunks, markupShapes, watch } from './site';

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

const allPaths = allPagePaths();
const termPages = allPaths.filter((path) => path.startsWith('/glossary/') && readFileSync(`dist${path}index.html`, 'utf8').includes('class="term-body"'));
const termShapes = new Map(termPages.map((path) => [path, markupShapes(path)]));

/**
 * The pages axe checks. That is every page except the glossary's term pages, which are one
 * template filled from content/glossary: axe's verdict on them turns on which elements, classes
 * and attributes appear, not on the words (the glossary schema gives every element a term page
 * shows its text). Axe checks every fourth term page, and any term page whose markup has a shape that
 * the term pages before it lack, so every shape a term page takes is checked in both themes.
 * Every term page still gets every other check.
 */
function pagesForAxe(): Set<string> {
  const chosen = new Set(allPaths.filter((path) => !termShapes.has(path)));
  const seen = new Set<string>();
  termPages.forEach((path, index) => {
    const shapes = termShapes.get(path)!;
    if (index % 4 === 0 || [...shapes].some((shape) => !seen.has(shape))) {
      chosen.add(path);
      shapes.forEach((shape) => seen.add(shape));
    }
  });
  return chosen;
}

const checkedByAxe = pagesForAxe();

test('axe checks every page but a spread of glossary term pages, and every markup shape those take', () => {
  const checkedTerms = termPages.filter((path) => checkedByAxe.has(path));
  expect(termPages.length).toBeGreaterThan(200);
  expect(allPaths.filter((path) => !termShapes.has(path)).every((path) => checkedByAxe.has(path))).toBe(true);
  const checkedShapes = new Set(checkedTerms.flatMap((path) => [...termShapes.get(path)!]));
  const unchecked = termPages.flatMap((path) => [...termShapes.get(path)!].filter((shape) => !checkedShapes.has(shape)).map((shape) => `${path}: ${shape}`));
  expect(unchecked).toEqual([]);
  expect(checkedTerms.length).toBeGreaterThanOrEqual(termPages.length / 4);
});

/** How far the page scrolls sideways, once layout has settled. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(document.documentElement.scrollWidth - document.documentElement.clientWidth))));

for (const [index, group] of chunks(allPaths, 6).entries()) {
  test(`every page: frame, no foreign request or error, WCAG 2.2 AA light and dark, fits 390 px (part ${index + 1} of 6)`, async ({ context, page, baseURL }) => {
    test.setTimeout(group.length * 8_000 + 60_000);
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    // Pages axe checks open at desktop width and then narrow to a phone's; the others open at
    // a phone's width in a page of their own, without axe, since nothing else checked here
    // depends on the width.
    await installAxe(page);
    const phonePage = await context.newPage();
    await phonePage.setViewportSize(PHONE);
    const watched = [page, phonePage].map((open) => watch(open, baseURL!));
    for (const open of [page, phonePage]) await open.emulateMedia({ colorScheme: 'light' });
    const problems: string[] = [];
    for (const path of group) {
      const axe = checkedByAxe.has(path);
      const current = axe ? page : phonePage;
      if (axe) await current.setViewportSize(DESKTOP);
      for (const problem of await frameProblems(current, path)) problems.push(`${path}: ${problem}`);
      if (axe) {
        problems.push(...(await violationsInBothThemes(current, path)));
        await current.setViewportSize(PHONE);
      }
      const overflow = await sidewaysOverflow(current);
      if (overflow > 0) problems.push(`${path}: ${overflow}px too wide at 390 px`);
    }
    expect(problems).toEqual([]);
    expect(watched.flatMap(({ foreign }) => foreign), 'requests to other origins').toEqual([]);
    expect(watched.flatMap(({ errors }) => errors), 'script errors and policy violations').toEqual([]);
  });
}
