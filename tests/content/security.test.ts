// The content security policy of every built page, read from the files: strict, first in
// <head>, and covering exactly the inline code the page carries.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { headersFile } from '../../src/lib/security-headers.ts';
import { distDir } from './site.ts';

const pages = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

test('every page starts its <head> with a strict policy that hashes each inline script and style', () => {
  const problems: string[] = [];
  for (const page of pages) {
    const html = readFileSync(join(distDir, page), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    const meta = /^<!DOCTYPE html>\s*<html[^>]*>\s*<head>\s*<meta charset="utf-8">\s*<meta http-equiv="content-security-policy" content="([^"]+)">/i.exec(head);
    if (!meta) {
      problems.push(`${page}: the policy is not the first thing after the charset`);
      continue;
    }
    const policy = directives(meta[1]!);
    const script = policy.get('script-src') ?? [];
    const style = policy.get('style-src') ?? [];
    if (policy.get('default-src')?.join(' ') !== "'self'") problems.push(`${page}: default-src is not 'self'`);
    if (policy.get('object-src')?.join(' ') !== "'none'") problems.push(`${page}: object-src is not 'none'`);
    if (policy.get('base-uri')?.join(' ') !== "'self'") problems.push(`${page}: base-uri is not 'self'`);
    for (const [name, values] of [['script-src', script], ['style-src', style]] as const) {
      if (values.some((value) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'https:'].includes(value))) problems.push(`${page}: ${name} is loose: ${values.join(' ')}`);
      if (!values.includes("'self'")) problems.push(`${page}: ${name} lacks 'self'`);
    }
    for (const [, body] of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      if (body && !script.includes(sha256(body))) problems.push(`${page}: an inline script is not in script-src: ${body.slice(0, 60)}`);
    }
    for (const [, body] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
      if (!style.includes(sha256(body ?? ''))) problems.push(`${page}: an inline style is not in style-src: ${body?.slice(0, 60)}`);
    }
    // A style attribute would need 'unsafe-inline'; the policy blocks it, so none may be written.
    if (/<[a-z][^>]*\sstyle="/i.test(html)) problems.push(`${page}: has a style attribute, which the policy blocks`);
    if (/\son[a-z]+="/i.test(html.replace(/<script[\s\S]*?<\/script>/g, ''))) problems.push(`${page}: has an inline event handler`);
    if (!head.includes('<meta name="referrer" content="no-referrer">')) problems.push(`${page}: no referrer policy`);
  }
  assert.ok(pages.length > 200);
  assert.deepEqual(problems, []);
});

test('the host headers file carries the permissions, referrer and framing policies', () => {
  const file = join(distDir, '_headers');
  assert.ok(existsSync(file), 'dist/_headers is missing');
  const base = process.env['BASE_PATH'] ? `/${process.env['BASE_PATH'].replace(/^\/+|\/+$/g, '')}/` : '/';
  assert.equal(readFileSync(file, 'utf8'), headersFile(base));
});
