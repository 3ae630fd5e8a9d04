import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { generateSW } from 'workbox-build';
import { cspMetaFirst } from '../lib/csp-meta-first';
import { islandScriptsToHead } from '../lib/island-scripts-to-head';
import { islandStyleToHead } from '../lib/island-style-to-head';
import { headersFile } from '../lib/security-headers';

/**
 * After Astro writes the site: put each page's content security policy first in <head>, and
 * Astro's island style rule (valid HTML) and island scripts (a first paint of the whole page) in it,
 * write the host headers file, index it with Pagefind, then write a service worker that
 * precaches every page, asset and the whole search index, so that after one visit the
 * site (pages never visited included), its search and the worksheet work offline.
 */
export function searchAndOffline(): AstroIntegration {
  let base = '/';
  return {
    name: 'interop-workbook:search-and-offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Before the service worker step, whose precache manifest hashes each page's bytes.
        const pages = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
        for (const page of pages) {
          const path = join(outDir, page);
          const html = await readFile(path, 'utf8');
          const moved = islandScriptsToHead(islandStyleToHead(cspMetaFirst(html)));
          if (moved !== html) await writeFile(path, moved);
        }
        await writeFile(join(outDir, '_headers'), headersFile(base));

        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const indexed = await index.addDirectory({ path: outDir });
        if (indexed.errors.length > 0) throw new Error(`Pagefind could not index the site: ${indexed.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Pagefind indexed ${indexed.page_count} pages.`);

        const { count, size, warnings } = await generateSW({
          globDirectory: outDir,
          globPatterns: ['**/*.{html,js,css,svg,ico,json,webmanifest,dcm}', 'pagefind/**/*'],
          // Pagefind's ready-made interfaces are not used: the site has its own search dialog.
          globIgnores: [
            'pagefind/pagefind-ui.*',
            'pagefind/pagefind-modular-ui.*',
            'pagefind/pagefind-component-ui.*',
            'pagefind/pagefind-highlight.*',
            // Reference data beyond what the explorers' samples use (FHIR definitions of the other
            // resource types, HL7 dictionaries of other versions) would take the precache past 5 MB:
            // it is cached the first time it is used instead (runtimeCaching below).
            'explore/fhir/definitions/!(core|Patient|Observation|DiagnosticReport|Bundle).json',
            'explore/hl7v2/dictionary/!(2.5.1).json',
          ],
          runtimeCaching: [
            {
              urlPattern: ({ url }) => /\/explore\/(fhir\/definitions|hl7v2\/dictionary)\/[^/]+\.json$/.test(url.pathname),
              handler: 'StaleWhileRevalidate',
              options: { cacheName: 'reference-data', expiration: { maxEntries: 200 } },
            },
          ],
          swDest: `${outDir}/sw.js`,
          maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
          // pagefind.js asks for its entry file with ?ts=<time>; without this, offline search finds no index.
          ignoreURLParametersMatching: [/^ts$/, /^utm_/],
          directoryIndex: 'index.html',
          navigateFallback: '404.html',
          navigateFallbackDenylist: [/\/pagefind\//],
          cleanupOutdatedCaches: true,
          // The page asks the reader before a new version takes over ("A new version is available").
          skipWaiting: false,
          clientsClaim: false,
          sourcemap: false,
          mode: 'production',
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(`Service worker precaches ${count} files, ${(size / 1024 / 1024).toFixed(2)} MB.`);
      },
    },
  };
}
