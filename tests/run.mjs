// `npm test`: type check and builds (at the root and under a sub-path) with the unit tests beside
// them, then the checks over the built pages and the browser tests against the built sites. Ends
// with one line: "N passed, N failed".
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findBrowser, NO_BROWSER_MESSAGE } from './browser.mjs';

const SUBPATH = { BASE_PATH: '/interop-workbook/', OUT_DIR: './dist-subpath' };
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const totals = { passed: 0, failed: 0 };
const summary = [];

/**
 * Runs a command and resolves with its exit code and what it printed. Its output is echoed as it
 * comes, or, with `quiet`, kept and printed whole at the end, so that steps running side by side
 * do not interleave their logs.
 */
function run(command, args, { extraEnv = {}, quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (stream) => (chunk) => {
      output += chunk;
      if (!quiet) stream.write(chunk);
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function record(suite, passed, failed, seconds) {
  totals.passed += passed;
  totals.failed += failed;
  summary.push(`${suite.padEnd(12)} ${String(passed).padStart(4)} passed, ${failed} failed  (${seconds.toFixed(1)} s)`);
}

/** A step that is one check (type check, a build) counts as one test. */
async function step(name, command, args, extraEnv) {
  const started = performance.now();
  console.log(`\n▶ ${name}`);
  const { code } = await run(command, args, { extraEnv });
  record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1, (performance.now() - started) / 1000);
  return code === 0;
}

function finish() {
  console.log('\nSummary');
  for (const line of summary) console.log(`  ${line}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed === 0 ? 0 : 1);
}

/** Runs the node:test files of the given folders in one process and counts their tests from the TAP summary. */
async function nodeTests(suite, dirs, { quiet = false } = {}) {
  const started = performance.now();
  if (!quiet) console.log(`\n▶ ${suite}`);
  const { code, output } = await run(node, ['--import', 'tsx', '--test-reporter=tap', 'tests/node-tests.mjs', ...dirs], { quiet });
  if (quiet) console.log(`\n▶ ${suite}\n${output}`);
  const passed = Number(/^# pass (\d+)/m.exec(output)?.[1] ?? 0);
  const failed = Number(/^# fail (\d+)/m.exec(output)?.[1] ?? 0);
  record(suite, passed, failed || (code === 0 ? 0 : 1), (performance.now() - started) / 1000);
}

const browser = findBrowser();
if (!browser) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

const node = process.execPath;
const astro = 'node_modules/astro/astro.js';

// The unit tests need no build, so they run beside the type check and the two builds; their
// log is printed whole when they end. The type check and builds stay in sequence, since each
// writes Astro's generated types and content cache.
const unit = nodeTests('unit', ['tests/unit', 'tests/build'], { quiet: true });

// Each build also writes the Pagefind index and the service worker (src/integrations/).
await step('typecheck', node, [astro, 'check']);
const built = (await step('build', node, [astro, 'build'])) && (await step('build-base', node, [astro, 'build'], SUBPATH));
await unit;

if (!built) {
  console.error('\nThe build failed, so the browser tests did not run.');
  finish();
}

// Checks over the built pages: every example validated, valid HTML, links, security policy, word counts.
await nodeTests('content', ['tests/content']);

{
  const started = performance.now();
  console.log('\n▶ e2e');
  rmSync('tests/.results', { recursive: true, force: true });
  mkdirSync('tests/.results', { recursive: true });
  const { code } = await run(node, ['node_modules/@playwright/test/cli.js', 'test']);
  let passed = 0;
  let failed = 0;
  try {
    const stats = JSON.parse(readFileSync('tests/.results/e2e.json', 'utf8')).stats;
    passed = stats.expected + stats.flaky;
    failed = stats.unexpected;
  } catch {
    failed = 1;
  }
  if (code !== 0 && failed === 0) failed = 1;
  record('e2e', passed, failed, (performance.now() - started) / 1000);
}

finish();
