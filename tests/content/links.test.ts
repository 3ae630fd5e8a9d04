// Links across the built site: every internal link and fragment resolves (linkinator crawls
// the site from its home page and sitemap), the same for the build deployed under a sub-path,
// and every external link is a well-formed https address. No test here touches the network.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { LinkChecker } from 'linkinator';
import { distDir, repoRoot } from './site.ts';

/** Where `npm test`'s second build is deployed: the base it is built with. */
const SUBPATH_BASE = 'interop-workbook';

const pages = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));

/** Crawls the given pages under `serverRoot` and lists every broken internal link or #fragment. */
async function brokenInternalLinks(serverRoot: string, paths: string[]): Promise<{ scanned: number; broken: string[] }> {
  const checker = new LinkChecker();
  const result = await checker.check({
    path: paths,
    serverRoot,
    recurse: true,
    checkFragments: true,
    concurrency: 50,
    // Only our own server's addresses are followed; the rest are checked for form below.
    linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(link),
  });
  return {
    scanned: result.links.filter((link) => link.state === 'OK').length,
    broken: result.links
      .filter((link) => link.state === 'BROKEN')
      .map((link) => `${link.url} (${link.status ?? 'no status'}) on ${link.parent ?? '?'}${link.failureDetails?.[0] ? `: ${String((link.failureDetails[0] as Error).message ?? '')}` : ''}`),
  };
}

test('every internal link and #fragment on every page resolves', { timeout: 240_000 }, async () => {
  const { scanned, broken } = await brokenInternalLinks(distDir, pages);
  assert.ok(scanned > pages.length, `only ${scanned} links were checked`);
  assert.deepEqual(broken, []);
});

test('deployed under a sub-path, every link, script, style and image on every page stays under it and resolves', { timeout: 240_000 }, async (t) => {
  const builtUnderBase = join(repoRoot, 'dist-subpath');
  if (!existsSync(builtUnderBase)) return t.skip('no sub-path build (npm test makes one in dist-subpath)');
  // The server's root holds only the base folder, so an address that leaves the base is a 404.
  const serverRoot = mkdtempSync(join(tmpdir(), 'subpath-links-'));
  t.after(() => rmSync(serverRoot, { recursive: true, force: true }));
  symlinkSync(builtUnderBase, join(serverRoot, SUBPATH_BASE));
  const basePages = readdirSync(builtUnderBase, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(SUBPATH_BASE, file));
  const { scanned, broken } = await brokenInternalLinks(serverRoot, basePages);
  assert.ok(scanned > basePages.length, `only ${scanned} links were checked`);
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
