import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { allPagePaths, samplePaths, watch } from './site';

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
