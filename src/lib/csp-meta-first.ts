const CSP_META = /<meta http-equiv="content-security-policy" content="[^"]*">/;
const CHARSET_META = /<meta charset="utf-8">/i;

/**
 * A <meta> policy governs only what comes after it, and Astro writes it at the end of <head>,
 * after the inline theme script. Moving it directly after the charset puts the whole page
 * under it. Inline scripts are untouched, so their hashes still match.
 */
export function cspMetaFirst(html: string): string {
  const policy = CSP_META.exec(html)?.[0];
  const charset = CHARSET_META.exec(html);
  if (!policy || !charset) return html;
  const withoutPolicy = html.replace(policy, '');
  const at = withoutPolicy.search(CHARSET_META) + charset[0].length;
  return withoutPolicy.slice(0, at) + policy + withoutPolicy.slice(at);
}
