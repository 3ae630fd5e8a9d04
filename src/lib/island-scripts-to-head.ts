const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;
/** What marks Astro's inline island scripts: the <astro-island> element, and each client directive. */
const ASTRO_ISLAND_CODE = /customElements\.define\("astro-island"|\(self\.Astro\|\|\(self\.Astro=\{\}\)\)/;

/**
 * Astro writes its island scripts inline in <body>, just before the first island. An inline
 * script after a stylesheet waits for it, and Chrome paints what it has parsed meanwhile: the
 * first paint showed only the header, and the rest of the page was parsed, styled and laid out
 * after it, in tasks that count as blocking time. Moved into <head>, before the first
 * stylesheet, they run at once and the body parses in one go. Their hashes, already in the
 * page's policy, still match.
 */
export function islandScriptsToHead(html: string): string {
  const bodyStart = html.indexOf('<body');
  if (bodyStart === -1) return html;
  const scripts = [...html.slice(bodyStart).matchAll(INLINE_SCRIPT)].filter((match) => ASTRO_ISLAND_CODE.test(match[1] ?? '')).map((match) => match[0]);
  if (scripts.length === 0) return html;
  let body = html.slice(bodyStart);
  for (const script of scripts) body = body.replace(script, '');
  const head = html.slice(0, bodyStart);
  const firstStylesheet = head.search(/<link\b[^>]*\brel="stylesheet"/);
  const at = firstStylesheet === -1 ? head.lastIndexOf('</head>') : firstStylesheet;
  if (at === -1) return html;
  return head.slice(0, at) + scripts.join('') + head.slice(at) + body;
}
