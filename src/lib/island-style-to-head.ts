const ISLAND_STYLE = /<style>astro-island,astro-slot,astro-static-slot\{display:contents\}<\/style>/;

/**
 * Astro writes this one rule inside <body>, before the first island, where a <style> element
 * is invalid HTML. Moved to the end of <head> it applies the same way, and its hash, already
 * in the page's policy, still matches.
 */
export function islandStyleToHead(html: string): string {
  const style = ISLAND_STYLE.exec(html)?.[0];
  const headEnd = html.indexOf('</head>');
  if (!style || headEnd === -1 || html.indexOf(style) < headEnd) return html;
  const withoutStyle = html.replace(style, '');
  return withoutStyle.slice(0, headEnd) + style + withoutStyle.slice(headEnd);
}
