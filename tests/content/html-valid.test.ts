// Every built page is valid HTML by the Nu Html Checker (vnu-jar, on the machine's Java).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { distDir } from './site.ts';

interface NuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
}

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));
const pages = readdirSync(distDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .map((file) => join(distDir, file));

test('the checker runs over every built page', () => {
  assert.ok(pages.length > 200, `only ${pages.length} pages found in ${distDir}`);
});

test('the Nu Html Checker finds no errors on any page', () => {
  // One Java process for all pages: starting the checker costs more than checking a page.
  const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...pages], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(run.stderr.trim().startsWith('{'), `the checker did not run: ${run.error?.message ?? run.stderr.slice(0, 300)}`);
  const { messages } = JSON.parse(run.stderr) as { messages: NuMessage[] };
  const errors = messages
    .filter((message) => message.type === 'error' || message.subType === 'fatal')
    .map((message) => `${relative(distDir, new URL(message.url).pathname)}:${message.lastLine ?? '?'} ${message.message}`);
  assert.deepEqual(errors, []);
});
