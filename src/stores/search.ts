import { map } from 'nanostores';

export type SearchType = 'Guide' | 'Glossary' | 'Tools';
export const SEARCH_TYPES: readonly SearchType[] = ['Guide', 'Glossary', 'Tools'];

export interface SearchState {
  open: boolean;
  /** The text to start with when the dialog opens (e.g. from the 404 page's form). */
  initialQuery: string;
  /** Counts openings, so opening again with the same query still refocuses the field. */
  openings: number;
}

export const $search = map<SearchState>({ open: false, initialQuery: '', openings: 0 });

export function openSearch(initialQuery = ''): void {
  $search.set({ open: true, initialQuery, openings: $search.get().openings + 1 });
}

export function closeSearch(): void {
  $search.setKey('open', false);
}
