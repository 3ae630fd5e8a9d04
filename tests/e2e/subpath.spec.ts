import { expect, test } from '@playwright/test';
import { sitemapPaths } from './site';

const BASE = '/interop-workbook/';
const paths = sitemapPaths('dist-subpath');

test('the sub-path build lists its pages under the base', () => {
  expect(paths.length).toBeGreaterThan(2);
  for (const path of paths) expect(path.startsWith(BASE)).toBe(true);
});

/** Every page except the glossary's term pages, which share one template: 20 of those, and the index that links to all. */
function crawlPaths(): string[] {
  const terms = paths.filter((path) => /\/glossary\/[^/]+\/$/.test(path) && !path.endsWith('/cheat-sheet/'));
  const step = Math.max(1, Math.floor(terms.length / 20));
  return [...paths.filter((path) => !terms.includes(path)), ...terms.filter((_, index) => index % step === 0)];
}

test('every internal link, script, style and image resolves under the base', async ({ page, request }) => {
  test.slow();
  const checked = new Map<string, number>();
  for (const path of crawlPaths()) {
    await page.goto(path);
    const urls = await page.evaluate(() =>
      [
        ...Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'), (a) => a.href),
        ...Array.from(document.querySelectorAll<HTMLLinkElement>('link[href]'), (link) => link.href),
        ...Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'), (script) => script.src),
        ...Array.from(document.querySelectorAll<HTMLImageElement>('img[src]'), (img) => img.src),
      ],
    );
    for (const raw of urls) {
      const url = new URL(raw);
      if (url.origin !== new URL(page.url()).origin) continue;
      expect(url.pathname.startsWith(BASE), `${path} links to ${url.pathname}, outside ${BASE}`).toBe(true);
      const key = url.pathname;
      if (!checked.has(key)) checked.set(key, (await request.get(key)).status());
      expect(checked.get(key), `${path} → ${key}`).toBe(200);
      if (url.hash && url.pathname === new URL(page.url()).pathname) {
        await expect(page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`), `${path}${url.hash}`).toHaveCount(1);
      }
    }
  }
  expect(checked.size).toBeGreaterThan(5);
});

test('search works under the base and links into it', async ({ page }) => {
  await page.goto(BASE);
  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox', { name: 'Search the site' }).fill('dicom');
  await page.getByRole('radio', { name: /^Guide/ }).check();
  const overview = page.locator(`.search-result > a[href="${BASE}guide/what-each-standard-addresses/"]`);
  await expect(overview).toBeVisible();
  for (const href of await page.locator('.search-result-link').evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
    expect(href?.startsWith(BASE), `${href} is outside ${BASE}`).toBe(true);
  }
  await overview.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What each standard addresses');
});

test('a missing page under the base gets the 404 page with working styles', async ({ page }) => {
  const response = await page.goto(`${BASE}nowhere/`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', BASE);
  const background = await page.locator('.skip-link').evaluate((node) => getComputedStyle(node).position);
  expect(background).toBe('absolute');
});
