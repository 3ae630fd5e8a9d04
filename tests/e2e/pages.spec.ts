import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { allPagePaths, chunks, samplePaths } from './site';

const paths = allPagePaths();

test('every page has a unique title', () => {
  // Read from the built files: a browser adds nothing to <title>.
  const titles = new Map<string, string>();
  for (const path of paths.filter((path) => !path.includes('does-not-exist'))) {
    const html = readFileSync(`dist${path}index.html`, 'utf8');
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    expect(title, `${path} has no title`).not.toBe('');
    expect(titles.get(title), `${path} repeats the title of ${titles.get(title)}`).toBeUndefined();
    titles.set(title, path);
  }
  expect(titles.size).toBeGreaterThan(200);
});

/** What every page must have, checked page by page; returns the problems found. */
async function frameProblems(page: Page, path: string, baseURL: string): Promise<string[]> {
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
  void baseURL;
  return problems;
}

function watch(page: Page, baseURL: string) {
  const origin = new URL(baseURL).origin;
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // The 404 page is served with status 404, which Chromium logs as a failed load of the document itself.
    const documentStatus = /does-not-exist/.test(message.location().url) && /404/.test(message.text());
    if (message.type() === 'error' && !documentStatus) errors.push(`${page.url()}: ${message.text()}`);
  });
  return { foreign, errors };
}

for (const [index, group] of chunks(paths, 4).entries()) {
  test(`every page has the frame, and none makes a foreign request or throws (part ${index + 1})`, async ({ page, baseURL }) => {
    test.slow();
    const { foreign, errors } = watch(page, baseURL!);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const problems: string[] = [];
    for (const path of group) for (const problem of await frameProblems(page, path, baseURL!)) problems.push(`${path}: ${problem}`);
    expect(problems).toEqual([]);
    expect(foreign, 'requests to other origins').toEqual([]);
    expect(errors, 'script errors').toEqual([]);
  });
}

for (const path of samplePaths()) {
  test(`${path}: search and the theme toggle work without foreign requests or errors`, async ({ page, baseURL }) => {
    const { foreign, errors } = watch(page, baseURL!);
    await page.goto(path);
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search the site' }).fill('hl7');
    await expect(page.getByRole('status').filter({ hasText: /result/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(foreign, 'requests to other origins').toEqual([]);
    expect(errors, 'script errors').toEqual([]);
  });
}

test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
  await page.goto('/guide/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);
  await expect(page.locator('#main-content')).toBeFocused();
});

test('a reading page loads at most 8 KB of script (gzip), none of it search or Preact', async ({ page }) => {
  const scripts: { path: string; body: Promise<Buffer> }[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push({ path: new URL(response.url()).pathname, body: response.body() });
  });
  await page.goto('/guide/what-each-standard-addresses/');
  await page.waitForLoadState('networkidle');
  const inline = await page.locator('script:not([src])').evaluateAll((nodes) => nodes.map((node) => node.textContent ?? '').join(''));
  const external = await Promise.all(scripts.map((script) => script.body));
  const gzipBytes = gzipSync(Buffer.concat([Buffer.from(inline), ...external])).length;
  expect(gzipBytes).toBeLessThanOrEqual(8 * 1024);
  expect(scripts.map((script) => script.path).join(' ')).not.toMatch(/pagefind|preact|search|hooks/i);
});
