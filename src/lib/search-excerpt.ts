/** A run of excerpt text, marked when it matched the query. */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Pagefind returns excerpts as HTML-escaped text with <mark> around matches. Splitting
 * them into plain-text parts lets the search UI render them as text nodes, so nothing
 * from the index is ever injected as HTML.
 */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/gi;
  let cursor = 0;
  for (const found of excerpt.matchAll(pattern)) {
    const start = found.index ?? 0;
    if (start > cursor) parts.push({ text: decodeEntities(stripTags(excerpt.slice(cursor, start))), match: false });
    parts.push({ text: decodeEntities(stripTags(found[1] ?? '')), match: true });
    cursor = start + found[0].length;
  }
  if (cursor < excerpt.length) parts.push({ text: decodeEntities(stripTags(excerpt.slice(cursor))), match: false });
  return parts.filter((part) => part.text.length > 0);
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}
