import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { allPagePaths } from './site';

const paths = allPagePaths();

test('every page has a unique title', async ({ page }) => {
  const titles = new Map<string, string>();
  for (const path of paths) {
    await page.goto(path);
    const title = await page.title();
    expect(titles.get(title), `${path} repeats the title of ${titles.get(title)}`).toBeUndefined();
    titles.set(title, path);
  }
});

for (const path of paths) {
  test(`${path}: frame, landmarks, no foreign requests or script errors`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const notFound = path.includes('does-not-exist');
    page.on('console', (message) => {
      // The 404 page is served with status 404, which Chromium logs as a failed load of the document itself.
      const documentStatus = notFound && message.location().url === new URL(path, baseURL).href && /404/.test(message.text());
      if (message.type() === 'error' && !documentStatus) errors.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });

    const response = await page.goto(path);
    expect(response?.status()).toBe(notFound ? 404 : 200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/);
    await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveAttribute('content', /default-src 'self'/);
    await expect(page.locator('header.site-header')).toBeVisible();
    await expect(page.locator('main#main-content')).toHaveCount(1);
    await expect(page.locator('footer')).toContainText('Everything you type stays in this browser');

    // Using the page's scripted parts must not reach out either.
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
