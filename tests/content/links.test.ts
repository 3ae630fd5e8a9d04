// Links across the built site: every internal link and fragment resolves (linkinator crawls
// the site from its home page and sitemap), and every external link is a well-formed https
// address. No test here touches the network.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LinkChecker } from 'linkinator';
import { distDir } from './site.ts';

const pages = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));

test('every internal link and #fragment on every page resolves', { timeout: 240_000 }, async () => {
  const checker = new LinkChecker();
  const result = await checker.check({
    path: pages,
    serverRoot: distDir,
    recurse: true,
    checkFragments: true,
    concurrency: 50,
    // Only our own server's addresses are followed; the rest are checked for form below.
    linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(link),
  });
  const scanned = result.links.filter((link) => link.state === 'OK').length;
  assert.ok(scanned > pages.length, `only ${scanned} links were checked`);
  const broken = result.links
    .filter((link) => link.state === 'BROKEN')
    .map((link) => `${link.url} (${link.status ?? 'no status'}) on ${link.parent ?? '?'}${link.failureDetails?.[0] ? `: ${String((link.failureDetails[0] as Error).message ?? '')}` : ''}`);
  assert.deepEqual(broken, []);
});

test('every external link is a well-formed https address', () => {
  const problems: string[] = [];
  let count = 0;
  for (const page of pages) {
    const html = readFileSync(join(distDir, page), 'utf8');
    for (const [, href] of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
      if (!href || !/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      count += 1;
      const decoded = href.replaceAll('&amp;', '&');
      let url: URL | undefined;
      try {
        url = new URL(decoded);
      } catch {
        problems.push(`${page}: ${href} is not a URL`);
        continue;
      }
      if (url.protocol === 'mailto:') continue;
      if (url.protocol !== 'https:') problems.push(`${page}: ${href} is not https`);
      else if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname)) problems.push(`${page}: ${href} has no proper host name`);
      else if (/\s/.test(decoded) || /[<>"{}|\\^`]/.test(decoded)) problems.push(`${page}: ${href} holds characters a URL may not`);
    }
  }
  assert.ok(count > 300, `only ${count} external links found`);
  assert.deepEqual(problems, []);
});
