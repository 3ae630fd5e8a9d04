/** The parts of Pagefind's browser API (pagefind.js, 1.x) that the search dialog uses. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface PagefindApi {
  options(options: { baseUrl?: string; excerptLength?: number; bundlePath?: string }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string, options?: { filters?: Record<string, string | string[]> }): Promise<PagefindResponse | null>;
  debouncedSearch(
    term: string,
    options?: { filters?: Record<string, string | string[]> },
    debounceMs?: number,
  ): Promise<PagefindResponse | null>;
}
