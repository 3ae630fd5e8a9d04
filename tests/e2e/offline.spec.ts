import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/** Resolves once the service worker has precached the site and is active. */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== 'activated') {
      await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    }
  });
}

test('after one visit the whole site works offline: pages never visited, search and the worksheet', async ({ page, context }) => {
  test.slow();
  await page.goto('/');
  await waitForServiceWorker(page);
  await context.setOffline(true);

  await page.goto('/glossary/mllp/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('MLLP');
  await page.goto('/guide/pitfalls/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pitfalls that catch teams');

  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox', { name: 'Search the site' }).fill('worklist');
  await expect(page.locator('.search-result').first()).toBeVisible();
  await page.getByRole('radio', { name: /^Glossary/ }).check();
  await expect(page.getByRole('status').filter({ hasText: /results? for “worklist” in Glossary/ })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.goto('/worksheet/');
  await expect(page.locator('.worksheet[data-ready]')).toBeVisible();
  await page.getByLabel('Brief title', { exact: true }).fill('Written offline');
  await expect(page.getByRole('status').filter({ hasText: /^Saved at/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Brief title', { exact: true })).toHaveValue('Written offline');

  await page.goto('/no-such-page/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('a new build is offered as "A new version is available" and takes over on Reload', async ({ page }) => {
  test.slow();
  await page.goto('/guide/');
  await waitForServiceWorker(page);
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  const original = readFileSync('dist/sw.js', 'utf8');
  try {
    appendFileSync('dist/sw.js', `\n// rebuilt ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const banner = page.getByRole('status').filter({ hasText: 'A new version is available.' });
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await banner.getByRole('button', { name: 'Reload' }).click();
    await page.waitForEvent('load');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The guide');
    await expect(page.getByRole('status').filter({ hasText: 'A new version is available.' })).toHaveCount(0);
  } finally {
    writeFileSync('dist/sw.js', original);
  }
});

test('the site can be installed: a manifest with a name, start URL and icons', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.name).toBe('Interop Workbook');
  expect(manifest.start_url).toBe('./');
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.length).toBeGreaterThan(0);
});
