// `npm run bench`: figures, not pass/fail tests. Builds the site, serves it, and prints one
// table of what each page type costs a reader, plus build time, search and worksheet typing.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { findBrowser, NO_BROWSER_MESSAGE } from '../browser.mjs';

const PORT = 4430;
const ORIGIN = `http://localhost:${PORT}`;
const PAGES = [
  ['home', '/'],
  ['guide contents', '/guide/'],
  ['guide page', '/guide/hl7-v2-in-practice/'],
  ['worksheet', '/worksheet/'],
  ['glossary index', '/glossary/'],
  ['glossary term', '/glossary/mllp/'],
  ['blank form', '/worksheet/blank/'],
  ['404', '/no-such-page/'],
];
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const kb = (bytes) => `${(bytes / 1024).toFixed(1)}`;

const browserPath = findBrowser();
if (!browserPath) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

let buildSeconds = null;
if (!process.argv.includes('--no-build')) {
  const started = performance.now();
  const build = spawnSync('npm', ['run', 'build'], { env, stdio: 'ignore' });
  if (build.status !== 0) {
    console.error('The build failed: run `npm run build` to see why.');
    process.exit(1);
  }
  buildSeconds = (performance.now() - started) / 1000;
}

const server = spawn(process.execPath, ['node_modules/astro/astro.js', 'preview', '--port', String(PORT)], { env, stdio: 'ignore', detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    // Already gone.
  }
};
process.on('exit', stopServer);
for (let attempt = 0; attempt < 100; attempt += 1) {
  try {
    if ((await fetch(ORIGIN)).ok) break;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const browser = await chromium.launch({
  ...(browserPath.executablePath ? { executablePath: browserPath.executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

/** Loads a page and totals what it fetched before the reader does anything. */
async function measurePage(path) {
  const page = await browser.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(ORIGIN + path, { waitUntil: 'networkidle' });
  const inline = await page.evaluate(() => ({
    js: [...document.querySelectorAll('script:not([src])')].map((node) => node.textContent ?? '').join(''),
    css: [...document.querySelectorAll('style')].map((node) => node.textContent ?? '').join(''),
  }));
  const totals = { html: [0, 0], css: [0, 0], js: [0, 0], requests: responses.length };
  for (const response of responses) {
    const type = response.request().resourceType();
    const key = type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' ? 'js' : null;
    if (!key) continue;
    const body = await response.body().catch(() => Buffer.alloc(0));
    totals[key][0] += body.length;
    totals[key][1] += gzipSync(body).length;
  }
  for (const [key, text] of [['js', inline.js], ['css', inline.css]]) {
    if (!text) continue;
    // Inline code travels inside the HTML; count it here as well so it is visible.
    totals[key][0] += Buffer.byteLength(text);
    totals[key][1] += gzipSync(Buffer.from(text)).length;
  }
  await page.close();
  return totals;
}

/**
 * Pagefind bytes for the first search of a first visit, decoded and as transferred by a host
 * that gzips text (every static host does; Pagefind's own index, fragments and WASM are
 * already gzip files, so they count as they are).
 */
async function measureFirstSearchBytes() {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/guide/`, { waitUntil: 'networkidle' });
  const bodies = [];
  page.on('response', (response) => {
    if (response.url().includes('/pagefind/')) bodies.push(response.body().catch(() => Buffer.alloc(0)));
  });
  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox', { name: 'Search the site' }).fill('mllp');
  await page.locator('.search-result').first().waitFor();
  await page.waitForLoadState('networkidle');
  const fetched = await Promise.all(bodies);
  await context.close();
  return {
    decoded: fetched.reduce((sum, body) => sum + body.length, 0),
    transferred: fetched.reduce((sum, body) => sum + Math.min(body.length, gzipSync(body).length), 0),
    files: fetched.length,
  };
}

/**
 * Time from typing a query to results on a warmed page: a returning reader's, whose service
 * worker has precached the site and who has opened search once.
 */
async function measureSearch() {
  const page = await browser.newPage();
  await page.goto(`${ORIGIN}/guide/`, { waitUntil: 'networkidle' });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload({ waitUntil: 'networkidle' });
  await page.keyboard.press('Control+k');
  const box = page.getByRole('searchbox', { name: 'Search the site' });
  await box.fill('mllp');
  await page.locator('.search-result').first().waitFor();
  const timings = [];
  for (const query of ['dicom', 'observation', 'acknowledgment', 'worklist', 'smart', 'z-segment', 'transfer syntax', 'ADT']) {
    await box.fill('');
    await page.getByRole('status').filter({ hasText: 'Type to search' }).waitFor();
    // Timed inside the page: from the input event to the results being in the document.
    const elapsed = await page.evaluate(
      (text) =>
        new Promise((resolve) => {
          const input = document.getElementById('search-input');
          const status = document.getElementById('search-status');
          const observer = new MutationObserver(() => {
            if (/results? for|No results/.test(status.textContent ?? '')) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          const started = performance.now();
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      query,
    );
    timings.push(Math.round(elapsed));
  }
  await page.close();
  timings.sort((a, b) => a - b);
  return { median: timings[Math.floor(timings.length / 2)], max: timings.at(-1) };
}

/** Keystroke to painted frame in a brief holding 100 KB of text. */
async function measureTyping() {
  const page = await browser.newPage();
  await page.goto(`${ORIGIN}/worksheet/`, { waitUntil: 'networkidle' });
  await page.locator('.worksheet[data-ready]').waitFor();
  await page.getByLabel('Data fields', { exact: true }).fill('x'.repeat(100 * 1024));
  const workflow = page.getByLabel('Clinical workflow', { exact: true });
  await workflow.fill('y'.repeat(2000));
  await workflow.focus();
  await page.evaluate(() => {
    const samples = [];
    window.__typingSamples = samples;
    document.addEventListener(
      'keydown',
      () => {
        const started = performance.now();
        requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - started), 0));
      },
      true,
    );
  });
  for (let index = 0; index < 40; index += 1) await page.keyboard.press('a');
  await page.waitForTimeout(700);
  const samples = (await page.evaluate(() => window.__typingSamples)).sort((a, b) => a - b);
  await page.close();
  return { median: samples[Math.floor(samples.length / 2)], p95: samples[Math.floor(samples.length * 0.95)] };
}

const rows = [];
for (const [name, path] of PAGES) rows.push([name, await measurePage(path)]);
const firstSearch = await measureFirstSearchBytes();
const search = await measureSearch();
const typing = await measureTyping();
await browser.close();
stopServer();

const pageCount = spawnSync('find', ['dist', '-name', '*.html'], { encoding: 'utf8' }).stdout.trim().split('\n').length;
const termCount = readdirSync('content/glossary').filter((file) => file.endsWith('.yaml')).length;
const precached = [...readFileSync('dist/sw.js', 'utf8').matchAll(/url:"([^"]+)"/g)].map((match) => match[1]);
const precacheBytes = precached.reduce((sum, url) => sum + statSync(`dist/${url}`).size, 0);
const line = (cells) => `| ${cells.join(' | ')} |`;
console.log(line(['page type', 'HTML KB raw / gzip', 'CSS KB raw / gzip', 'JS KB raw / gzip', 'requests']));
console.log(line(['---', '---', '---', '---', '---']));
for (const [name, totals] of rows) {
  console.log(
    line([name, `${kb(totals.html[0])} / ${kb(totals.html[1])}`, `${kb(totals.css[0])} / ${kb(totals.css[1])}`, `${kb(totals.js[0])} / ${kb(totals.js[1])}`, String(totals.requests)]),
  );
}
console.log('');
console.log(`build (Astro, Pagefind, service worker): ${buildSeconds === null ? 'skipped (--no-build)' : `${buildSeconds.toFixed(1)} s`}, ${pageCount} pages, ${termCount} glossary terms`);
console.log(`offline precache: ${precached.length} files, ${(precacheBytes / 1024 / 1024).toFixed(2)} MB`);
console.log(`search: a first visit's first query fetches ${kb(firstSearch.transferred)} KB from Pagefind as transferred (${kb(firstSearch.decoded)} KB decoded, ${firstSearch.files} files)`);
console.log(`search: typing to results on a warmed page ${search.median} ms median, ${search.max} ms slowest of 8`);
console.log(`worksheet typing with 100 KB in the brief: keystroke to next frame ${typing.median.toFixed(1)} ms median, ${typing.p95.toFixed(1)} ms p95`);
process.exit(0);
