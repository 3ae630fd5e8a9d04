import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** Paths of every page in a built site's sitemap, relative to the server (base included). */
export function sitemapPaths(outDir = 'dist'): string[] {
  const index = readFileSync(`${outDir}/sitemap-index.xml`, 'utf8');
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname.split('/').pop()!);
  const paths = maps.flatMap((file) =>
    [...readFileSync(`${outDir}/${file}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname),
  );
  if (paths.length === 0) throw new Error(`${outDir}'s sitemap lists no pages: build the site first.`);
  return paths;
}

/** Splits a list into `count` nearly equal parts, so a long sweep runs as several parallel tests. */
export function chunks<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / count);
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, index * size + size));
}

/** One page of each kind, for checks that exercise scripts rather than content. */
export function samplePaths(): string[] {
  const all = allPagePaths();
  const firstOf = (prefix: string) => all.find((path) => path.startsWith(prefix) && path !== prefix);
  return [...new Set(['/', '/guide/', firstOf('/guide/'), '/worksheet/', '/glossary/', firstOf('/glossary/'), '/this-page-does-not-exist/'])].filter(
    (path): path is string => path !== undefined && all.includes(path),
  );
}

/** Every page a visitor can reach: the sitemap plus the 404 page. */
export function allPagePaths(): string[] {
  return [...sitemapPaths(), '/this-page-does-not-exist/'];
}

/** Sets the theme before any script runs, as a returning visitor's saved choice would. */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript((value) => {
    try {
      localStorage.setItem('interop-workbook:theme', value);
    } catch {
      // A page with blocked storage still follows the emulated colour scheme.
    }
  }, theme);
}

export const OVERVIEW_PATH = '/guide/what-each-standard-addresses/';
