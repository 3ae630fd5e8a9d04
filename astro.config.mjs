// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { rehypeBaseLinks } from './src/lib/rehype-base-links.ts';
import { rehypeScrollBoxes } from './src/lib/rehype-scroll-boxes.ts';
import { rehypeDropRawDirective } from './src/lib/rehype-drop-raw-directive.ts';
import { afterParentDirective } from './src/integrations/after-parent.ts';
import { searchAndOffline } from './src/integrations/search-and-offline.ts';
import { SECURITY_HEADERS } from './src/lib/security-headers.ts';

/**
 * Deploying under a sub-path (for example https://example.org/interop-workbook/) is one
 * environment variable: BASE_PATH=/interop-workbook/. SITE_URL gives the sitemap its origin.
 */
const base = normaliseBase(process.env.BASE_PATH ?? '/');
const site = process.env.SITE_URL ?? 'http://localhost:4321';

/** @type {NonNullable<import('astro').AstroUserConfig['experimental']>['csp']} */
const csp = {
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
  ],
};

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'ignore',
  integrations: [mdx(), preact(), sitemap(), afterParentDirective(), searchAndOffline()],
  markdown: {
    // Prism marks tokens with classes; Shiki's inline style attributes would break the strict style policy.
    syntaxHighlight: 'prism',
    rehypePlugins: [[rehypeBaseLinks, { base }], rehypeScrollBoxes, rehypeDropRawDirective],
  },
  experimental: { csp },
  // The same headers the deployed site's `_headers` file sets, so dev, preview and the tests run under them.
  server: { port: 4321, host: false, headers: { ...SECURITY_HEADERS } },
  devToolbar: { enabled: false },
  // Stylesheets stay files: cached across pages, and allowed by style-src 'self' without
  // per-page hashes (Astro leaves the hash of CSS inlined from MDX-imported islands out of the policy).
  build: { inlineStylesheets: 'never' },
});

/** @param {string} path */
function normaliseBase(path) {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
