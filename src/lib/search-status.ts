/** What the search dialog's live region says, so screen-reader users hear every change. */
export type SearchPhase = 'empty' | 'loading' | 'done' | 'unavailable' | 'build-needed';

export function searchStatus(phase: SearchPhase, query: string, count: number, filterLabel?: string): string {
  const scope = filterLabel ? ` in ${filterLabel}` : '';
  switch (phase) {
    case 'empty':
      return 'Type to search the guide and reference pages.';
    case 'loading':
      return 'Searching…';
    case 'build-needed':
      return 'Search works on the built site: run npm start, which builds the site and its search index, then search there.';
    case 'unavailable':
      return 'The search index could not be loaded. Reload the page and try again.';
    case 'done':
      if (count === 0) return `No results for “${query}”${scope}. Try a shorter or different word.`;
      return `${count} ${count === 1 ? 'result' : 'results'} for “${query}”${scope}.`;
  }
}
