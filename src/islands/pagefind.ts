import type { PagefindApi } from '../lib/pagefind-types';

/**
 * Pagefind's index only exists after `npm run build`, so it is loaded at run time from
 * the deployed base path, never bundled.
 */
export async function loadPagefind(base: string): Promise<PagefindApi> {
  const url = `${base}pagefind/pagefind.js`;
  const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
  await pagefind.options({ baseUrl: base, excerptLength: 28 });
  await pagefind.init();
  // Search responses only carry per-filter counts once the filter index is loaded.
  await pagefind.filters();
  return pagefind;
}
