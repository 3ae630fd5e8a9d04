/** Technical prose with tables and examples reads slower than fiction. */
export const WORDS_PER_MINUTE = 200;

/**
 * Words a reader reads in an MDX or Markdown body: prose, headings, table cells and list
 * items count; front matter, import/export lines, HTML tags, code blocks and link URLs do not.
 */
export function countWords(body: string): number {
  const prose = body
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(?:```|~~~)[^\n]*\n[\s\S]*?^(?:```|~~~)\s*$/gm, ' ')
    .replace(/^(?:import|export)\s.*$/gm, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/`([^`]*)`/g, '$1');
  const words = prose.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-^/]*/gu);
  return words ? words.length : 0;
}

/** Whole minutes, never less than one. */
export function readingMinutes(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}
