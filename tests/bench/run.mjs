// `npm run bench`: figures, not pass/fail tests. Builds the site (skip with --no-build), serves
// it, and prints what each page type costs a reader with its Lighthouse scores, then build,
// search and worksheet figures, the explorers' parse times, and the same site built ten times
// larger (skip with --no-scale; --no-lighthouse skips the Lighthouse runs, and --cpu-slowdown=N runs
// them as if this machine were slower).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { findBrowser, NO_BROWSER_MESSAGE } from '../browser.mjs';
import { makeScaledSite, SCALE } from './scale.mjs';
import { buildLargeDicom } from '../../src/lib/dicom/bench.ts';
import { makeLargeMessage } from '../../src/lib/hl7v2/bench.ts';

const PORT = 4430;
const SCALED_PORT = 4431;
const PAGES = [
  ['home', '/'],
  ['guide contents', '/guide/'],
  ['guide page', '/guide/hl7-v2-in-practice/'],
  ['worksheet', '/worksheet/'],
  ['glossary index', '/glossary/'],
  ['glossary term', '/glossary/mllp/'],
  ['cheat sheet', '/glossary/cheat-sheet/'],
  ['explore index', '/explore/'],
  ['HL7 v2 explorer', '/explore/hl7v2/'],
  ['FHIR explorer', '/explore/fhir/'],
  ['DICOM inspector', '/explore/dicom/'],
  ['v2 to FHIR', '/explore/v2-to-fhir/'],
  ['imaging sizing', '/explore/imaging-sizing/'],
  ['strategy aid', '/explore/strategy/'],
  ['workshop', '/workshop/'],
  ['presenter timer', '/workshop/timer/'],
  ['compare briefs', '/workshop/compare/'],
  ['404', '/no-such-page/'],
];
const args = new Set(process.argv.slice(2));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const kb = (bytes) => (bytes / 1024).toFixed(1);
const astro = 'node_modules/astro/astro.js';

const browserPath = findBrowser();
if (!browserPath) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

/** Builds the project in `cwd`, returning the seconds it took (Astro, Pagefind and the service worker). */
function build(cwd) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [astro, 'build'], { cwd, env, stdio: 'ignore' });
  if (result.status !== 0) {
    console.error(`The build in ${cwd} failed: run \`npm run build\` there to see why.`);
    process.exit(1);
  }
  return (performance.now() - started) / 1000;
}

/** Serves a built site with `astro preview`; resolves with a function that stops it. */
async function serve(cwd, port) {
  const server = spawn(process.execPath, [astro, 'preview', '--port', String(port)], { cwd, env, stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', stop);
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) return stop;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`The preview server on port ${port} did not start.`);
}

const buildSeconds = args.has('--no-build') ? null : build('.');
const stopServer = await serve('.', PORT);
const origin = `http://localhost:${PORT}`;
const browser = await chromium.launch({
  ...(browserPath.executablePath ? { executablePath: browserPath.executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

/** Loads a page and totals what it fetched before the reader does anything. */
async function measurePage(path) {
  const page = await browser.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(origin + path, { waitUntil: 'networkidle' });
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
 * Lighthouse 12's default (mobile) preset, run by its own CLI in the same Chromium, five times:
 * each category's median is reported. Lighthouse's guidance on variability says the median of
 * five runs about halves the spread of one; on a shared 2-core machine one run's performance
 * score moves by 10 points or more, and three runs still left a page 8 points apart between benches.
 */
const LIGHTHOUSE_RUNS = 5;
/** The mobile preset's own simulated CPU slowdown. */
const PRESET_CPU_SLOWDOWN = 4;
/**
 * `--cpu-slowdown=N` replaces the preset's simulated 4× CPU slowdown. The score depends on how fast
 * this machine ran the page, so a larger factor asks what a slower machine would have scored: 8× here
 * is roughly 4× on a machine of half the benchmark index.
 */
const cpuSlowdown = Number([...args].find((arg) => arg.startsWith('--cpu-slowdown='))?.split('=')[1] ?? PRESET_CPU_SLOWDOWN);
/** Every run's benchmark index: Lighthouse's measure of how fast this machine was at that moment. */
const benchmarkIndexes = [];

function lighthouseScores(url) {
  const runs = Array.from({ length: LIGHTHOUSE_RUNS }, () => lighthouseRun(url)).filter((scores) => scores !== null);
  if (runs.length === 0) return 'failed';
  return [0, 1, 2, 3].map((category) => median(runs.map((scores) => scores[category]))).join(' / ');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One Lighthouse run: the four category scores out of 100, or null if it failed. */
function lighthouseRun(url) {
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/lighthouse/cli/index.js',
      url,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      '--only-categories=performance,accessibility,best-practices,seo',
      `--throttling.cpuSlowdownMultiplier=${cpuSlowdown}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
    ],
    { env: { ...env, CHROME_PATH: browserPath.executablePath ?? chromium.executablePath() }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  try {
    const { categories, environment } = JSON.parse(run.stdout);
    benchmarkIndexes.push(environment.benchmarkIndex);
    return ['performance', 'accessibility', 'best-practices', 'seo'].map((id) => Math.round((categories[id]?.score ?? 0) * 100));
  } catch {
    return null;
  }
}

/**
 * Pagefind bytes for the first search of a first visit, decoded and as transferred by a host
 * that gzips text (every static host does; Pagefind's own index, fragments and WASM are
 * already gzip files, so they count as they are).
 */
async function measureFirstSearchBytes() {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${origin}/guide/`, { waitUntil: 'networkidle' });
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
async function measureSearch(siteOrigin) {
  const page = await browser.newPage();
  await page.goto(`${siteOrigin}/guide/`, { waitUntil: 'networkidle' });
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
  await page.goto(`${origin}/worksheet/`, { waitUntil: 'networkidle' });
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

/**
 * Opens a large file in an explorer, in the browser, and reads the time the page itself reports
 * for parsing it, plus the time until the first results are on screen.
 */
async function measureExplorer(path, ready, file, reported, shown) {
  const page = await browser.newPage();
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  await page.locator(ready).waitFor();
  const started = Date.now();
  await page.locator('input[type="file"]').first().setInputFiles(file);
  const status = page.getByRole('status').filter({ hasText: reported });
  await status.waitFor({ timeout: 120_000 });
  await page.locator(shown).first().waitFor({ timeout: 120_000 });
  const onScreen = Date.now() - started;
  const parseMs = Number(/in ([\d,]+) ms/.exec((await status.textContent()) ?? '')?.[1]?.replaceAll(',', '') ?? NaN);
  await page.close();
  return { parseMs, onScreen };
}

/** Bytes of the search index (Pagefind's UIs, which the site does not use, left out). */
function indexBytes(distDir) {
  const folder = join(distDir, 'pagefind');
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => !/pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file))
    .reduce((sum, file) => {
      const stats = statSync(join(folder, file));
      return stats.isFile() ? sum + stats.size : sum;
    }, 0);
}

const countPages = (distDir) => readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).length;
const line = (cells) => `| ${cells.join(' | ')} |`;

const pages = PAGES.filter(([, path]) => path === '/no-such-page/' || existsSync(`dist${path}index.html`));
// Each row is printed as soon as it is measured: the Lighthouse runs take minutes.
const lighthouseHeading = `Lighthouse mobile${cpuSlowdown === PRESET_CPU_SLOWDOWN ? '' : ` at ${cpuSlowdown}× CPU`} P / A / BP / SEO`;
console.log(line(['page type', 'HTML KB raw / gzip', 'CSS KB raw / gzip', 'JS KB raw / gzip', 'requests', lighthouseHeading]));
console.log(line(['---', '---', '---', '---', '---', '---']));
for (const [name, path] of pages) {
  const totals = await measurePage(path);
  // Lighthouse stops at a 404 status, so the not-found page is scored at the address the host serves it from.
  const scores = args.has('--no-lighthouse') ? 'skipped' : lighthouseScores(origin + (path === '/no-such-page/' ? '/404.html' : path));
  console.log(
    line([name, `${kb(totals.html[0])} / ${kb(totals.html[1])}`, `${kb(totals.css[0])} / ${kb(totals.css[1])}`, `${kb(totals.js[0])} / ${kb(totals.js[1])}`, String(totals.requests), scores]),
  );
}
if (benchmarkIndexes.length > 0) {
  console.log('');
  console.log(
    `Lighthouse: ${benchmarkIndexes.length} of ${pages.length * LIGHTHOUSE_RUNS} runs completed, at a simulated ${cpuSlowdown}× slower CPU; this machine's benchmark index ${Math.round(median(benchmarkIndexes))} median, ${Math.round(Math.min(...benchmarkIndexes))} to ${Math.round(Math.max(...benchmarkIndexes))}`,
  );
}
console.log('');
const firstSearch = await measureFirstSearchBytes();
const search = await measureSearch(origin);
const typing = await measureTyping();
const hl7 = await measureExplorer(
  '/explore/hl7v2/',
  '.hl7-explorer[data-ready]',
  { name: 'large.hl7', mimeType: 'text/plain', buffer: Buffer.from(makeLargeMessage(1_048_576)) },
  /Read [\d,]+ segments in/,
  '.hl7-segment',
);
// Playwright takes at most 50 MB as a buffer, so the file goes through the disk.
const largeDicom = join(mkdtempSync(join(tmpdir(), 'bench-dicom-')), 'large.dcm');
writeFileSync(largeDicom, buildLargeDicom(50));
const dicom = await measureExplorer(
  '/explore/dicom/',
  'astro-island:not([ssr]) .dicom-inspector',
  largeDicom,
  /Read “large\.dcm”/,
  '.dicom-summary, .dicom-elements',
);
rmSync(dirname(largeDicom), { recursive: true, force: true });

const pageCount = countPages('dist');
const termCount = readdirSync('content/glossary').filter((file) => file.endsWith('.yaml')).length;
const precached = [...readFileSync('dist/sw.js', 'utf8').matchAll(/url:"([^"]+)"/g)].map((match) => match[1]);
const precacheBytes = precached.reduce((sum, url) => sum + statSync(`dist/${url}`).size, 0);
console.log(`build (Astro, Pagefind, service worker): ${buildSeconds === null ? 'skipped (--no-build)' : `${buildSeconds.toFixed(1)} s`}, ${pageCount} pages, ${termCount} glossary terms`);
console.log(`offline precache: ${precached.length} files, ${(precacheBytes / 1024 / 1024).toFixed(2)} MB; search index ${kb(indexBytes('dist'))} KB`);
console.log(`search: a first visit's first query fetches ${kb(firstSearch.transferred)} KB from Pagefind as transferred (${kb(firstSearch.decoded)} KB decoded, ${firstSearch.files} files)`);
console.log(`search: typing to results on a warmed page ${search.median} ms median, ${search.max} ms slowest of 8`);
console.log(`worksheet typing with 100 KB in the brief: keystroke to next frame ${typing.median.toFixed(1)} ms median, ${typing.p95.toFixed(1)} ms p95`);
console.log(`HL7 v2 explorer, a 1 MB message: parsed in ${hl7.parseMs} ms (in its worker), first segments on screen ${hl7.onScreen} ms after the file was chosen`);
console.log(`DICOM inspector, a 50 MB file: parsed in ${dicom.parseMs} ms, elements on screen ${dicom.onScreen} ms after the file was chosen`);

if (!args.has('--no-scale')) {
  const scaled = makeScaledSite();
  try {
    const scaledBuild = build(scaled.dir);
    const stopScaled = await serve(scaled.dir, SCALED_PORT);
    const scaledSearch = await measureSearch(`http://localhost:${SCALED_PORT}`);
    stopScaled();
    const scaledPages = countPages(join(scaled.dir, 'dist'));
    const realBuild = buildSeconds ?? build('.');
    const realGuide = readdirSync('content/guide').filter((file) => file.endsWith('.mdx')).length;
    const ratio = (a, b) => `×${(a / b).toFixed(1)}`;
    console.log('');
    console.log(`scale: the same site with ${scaled.terms} glossary terms and ${scaled.guidePages} guide pages (real: ${termCount} and ${realGuide})`);
    console.log(line(['', 'real site', `${SCALE}× site`, 'growth']));
    console.log(line(['---', '---', '---', '---']));
    console.log(line(['pages', String(pageCount), String(scaledPages), ratio(scaledPages, pageCount)]));
    console.log(line(['build s', realBuild.toFixed(1), scaledBuild.toFixed(1), ratio(scaledBuild, realBuild)]));
    console.log(line(['index KB', kb(indexBytes('dist')), kb(indexBytes(join(scaled.dir, 'dist'))), ratio(indexBytes(join(scaled.dir, 'dist')), indexBytes('dist'))]));
    console.log(line(['search ms (median)', String(search.median), String(scaledSearch.median), ratio(scaledSearch.median, search.median)]));
  } finally {
    rmSync(scaled.dir, { recursive: true, force: true });
  }
}

await browser.close();
stopServer();
process.exit(0);
