import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';

// The dev server starts here rather than with the built sites' servers: only this file needs it,
// and it takes seconds to start, which the rest of the run need not wait for.
let server: ChildProcess | undefined;

test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(90_000);
  const url = testInfo.project.use.baseURL!;
  server = spawn(process.execPath, ['node_modules/astro/astro.js', 'dev', '--port', new URL(url).port], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  await expect
    .poll(async () => (await fetch(url).catch(() => undefined))?.status, { timeout: 80_000, intervals: [250] })
    .toBe(200);
});

test.afterAll(() => {
  server?.kill();
});

test('in `npm run dev` the search dialog explains that search needs a build', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox', { name: 'Search the site' }).fill('dicom');
  await expect(page.getByRole('status')).toHaveText(/Search works on the built site: run npm start/);
});
