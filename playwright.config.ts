import { defineConfig, devices } from '@playwright/test';
import { findBrowser, NO_BROWSER_MESSAGE } from './tests/browser.mjs';

const browser = findBrowser();
if (!browser) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

/** The site is tested as built: at the root, and again deployed under a sub-path. */
/** PORT_BASE lets two checkouts run their browser tests side by side on one machine. */
const PORT_BASE = Number(process.env['PORT_BASE'] ?? 4410);
export const ROOT_PORT = PORT_BASE;
export const SUBPATH_PORT = PORT_BASE + 1;
export const SUBPATH_BASE = '/interop-workbook/';
export const DEV_PORT = PORT_BASE + 2;

const preview = (port: number, env: Record<string, string>) => ({
  command: `node node_modules/astro/astro.js preview --port ${port}`,
  url: `http://localhost:${port}${env['BASE_PATH'] ?? '/'}`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  env: { ASTRO_TELEMETRY_DISABLED: '1', ...env },
});

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './tests/.results/artifacts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list'], ['json', { outputFile: 'tests/.results/e2e.json' }]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${ROOT_PORT}`,
    launchOptions: {
      ...(browser.executablePath ? { executablePath: browser.executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'site', testIgnore: /(subpath|dev)\.spec\.ts/ },
    { name: 'dev', testMatch: /dev\.spec\.ts/, use: { baseURL: `http://localhost:${DEV_PORT}` } },
    { name: 'subpath', testMatch: /subpath\.spec\.ts/, use: { baseURL: `http://localhost:${SUBPATH_PORT}` } },
  ],
  // The dev server for the `dev` project is started by tests/e2e/dev.spec.ts itself.
  webServer: [
    preview(ROOT_PORT, {}),
    preview(SUBPATH_PORT, { BASE_PATH: SUBPATH_BASE, OUT_DIR: './dist-subpath' }),
  ],
});
