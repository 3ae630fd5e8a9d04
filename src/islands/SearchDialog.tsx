import { useStore } from '@nanostores/preact';
import type { TargetedEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PagefindApi, PagefindResult, PagefindResultData } from '../lib/pagefind-types';
import { parseExcerpt } from '../lib/search-excerpt';
import { searchStatus, type SearchPhase } from '../lib/search-status';
import { $search, closeSearch, SEARCH_TYPES, type SearchType } from '../stores/search';
import { loadPagefind } from './pagefind';

const PAGE_SIZE = 8;
const MAX_SUB_RESULTS = 3;

type Filter = 'all' | SearchType;

interface Outcome {
  phase: SearchPhase;
  query: string;
  results: PagefindResultData[];
  total: number;
  counts: Partial<Record<SearchType, number>>;
}

const EMPTY: Outcome = { phase: 'empty', query: '', results: [], total: 0, counts: {} };

function Excerpt({ html }: { html: string }) {
  return (
    <>
      {parseExcerpt(html).map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text))}
    </>
  );
}

function ResultItem({ result }: { result: PagefindResultData }) {
  const type = result.filters['type']?.[0];
  const title = result.meta['title'] ?? result.url;
  // A glossary entry is short: its definition says it all, without section links.
  const subResults = result.meta['definition']
    ? []
    : result.sub_results.filter((sub) => sub.url.includes('#') && !sub.url.endsWith('#_top') && sub.title !== title).slice(0, MAX_SUB_RESULTS);
  return (
    <li class="search-result">
      <a class="search-result-link" href={result.url}>
        <span class="search-result-heading">
          <span class="search-result-title">{title}</span>
          {type && <span class="search-result-type">{type}</span>}
        </span>
        <span class="search-result-excerpt">
          {result.meta['definition'] ? result.meta['definition'] : <Excerpt html={result.excerpt} />}
        </span>
      </a>
      {subResults.length > 0 && (
        <ul class="search-subresults">
          {subResults.map((sub) => (
            <li key={sub.url}>
              <a class="search-result-link search-subresult-link" href={sub.url}>
                <span class="search-result-title">{sub.title}</span>
                <span class="search-result-excerpt">
                  <Excerpt html={sub.excerpt} />
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function SearchDialog({ base }: { base: string }) {
  const { open, initialQuery, openings } = useStore($search);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const pagefindRef = useRef<Promise<PagefindApi> | null>(null);
  const searchIdRef = useRef(0);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [family, setFamily] = useState('');
  const [families, setFamilies] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(EMPTY);
  const allResultsRef = useRef<PagefindResult[]>([]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open) {
      if (!dialog.open) {
        returnFocusRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        dialog.showModal();
      }
      if (initialQuery) setQuery(initialQuery);
      inputRef.current?.focus();
      inputRef.current?.select();
      if (!pagefindRef.current) {
        pagefindRef.current = loadPagefind(base);
        // Loading starts early; a failure is reported by the search that awaits it.
        pagefindRef.current.catch(() => undefined);
      }
    } else if (dialog.open) {
      dialog.close();
    }
  }, [open, openings]);

  useEffect(() => {
    const term = query.trim();
    const searchId = ++searchIdRef.current;
    if (!term) {
      setOutcome(EMPTY);
      return;
    }
    setOutcome((previous) => ({ ...previous, phase: 'loading' }));
    const timer = window.setTimeout(async () => {
      try {
        const pagefind = await (pagefindRef.current ??= loadPagefind(base));
        const filters: Record<string, string> = {};
        if (filter !== 'all') filters['type'] = filter;
        if (filter === 'Glossary' && family) filters['family'] = family;
        const response = await pagefind.search(term, Object.keys(filters).length > 0 ? { filters } : {});
        const familyCounts = response?.totalFilters['family'] ?? {};
        setFamilies(Object.keys(familyCounts).sort());
        if (!response || searchId !== searchIdRef.current) return;
        const first = await Promise.all(response.results.slice(0, PAGE_SIZE).map((result) => result.data()));
        if (searchId !== searchIdRef.current) return;
        const typeCounts = response.totalFilters['type'] ?? {};
        allResultsRef.current = response.results;
        setOutcome({
          phase: 'done',
          query: term,
          results: first,
          total: response.results.length,
          counts: Object.fromEntries(SEARCH_TYPES.map((type) => [type, typeCounts[type] ?? 0])),
        });
      } catch {
        if (searchId !== searchIdRef.current) return;
        setOutcome({ ...EMPTY, phase: import.meta.env.DEV ? 'build-needed' : 'unavailable', query: term });
      }
    }, 30);
    return () => window.clearTimeout(timer);
  }, [query, filter, family]);

  async function showMore() {
    const shown = outcome.results.length;
    const next = allResultsRef.current.slice(shown, shown + PAGE_SIZE);
    const searchId = searchIdRef.current;
    const data = await Promise.all(next.map((result) => result.data()));
    if (searchId !== searchIdRef.current) return;
    setOutcome((previous) => ({ ...previous, results: [...previous.results, ...data] }));
    // Keep the keyboard where the reader was: on the first of the newly shown results.
    requestAnimationFrame(() => resultsRef.current?.querySelectorAll<HTMLAnchorElement>(':scope > ol > li > a')[shown]?.focus());
  }

  function resultLinks(): HTMLAnchorElement[] {
    return Array.from(resultsRef.current?.querySelectorAll<HTMLAnchorElement>('a.search-result-link') ?? []);
  }

  function onInputKeyDown(event: TargetedEvent<HTMLInputElement, KeyboardEvent>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      resultLinks()[0]?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      resultLinks()[0]?.click();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      closeSearch();
    }
  }

  function onResultsKeyDown(event: TargetedEvent<HTMLDivElement, KeyboardEvent>) {
    const links = resultLinks();
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    const moves: Record<string, number | undefined> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: links.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    if (target < 0) inputRef.current?.focus();
    else links[Math.min(target, links.length - 1)]?.focus();
  }

  function onClose() {
    closeSearch();
    returnFocusRef.current?.focus();
  }

  function onDialogClick(event: TargetedEvent<HTMLDialogElement, MouseEvent>) {
    if (event.target === dialogRef.current) closeSearch();
  }

  const filterLabel = filter === 'all' ? undefined : filter === 'Glossary' && family ? `Glossary: ${family}` : filter;
  const status = searchStatus(outcome.phase, outcome.query, outcome.total, filterLabel);
  const hasMore = outcome.phase === 'done' && outcome.results.length < outcome.total;

  return (
    <dialog ref={dialogRef} class="search-dialog" aria-labelledby="search-dialog-title" onClose={onClose} onClick={onDialogClick}>
      <div class="search-panel">
        <div class="search-top">
          <h2 id="search-dialog-title" class="visually-hidden">
            Search
          </h2>
          <form role="search" class="search-form" onSubmit={(event) => event.preventDefault()}>
            <label for="search-input" class="search-label">
              <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <circle cx="10.5" cy="10.5" r="6.5" />
                <path d="m15.5 15.5 5 5" />
              </svg>
              <span class="visually-hidden">Search the site</span>
            </label>
            <input
              ref={inputRef}
              id="search-input"
              class="search-input"
              type="search"
              autocomplete="off"
              spellcheck={false}
              placeholder="Search terms, standards, pages"
              aria-describedby="search-status"
              aria-controls="search-results"
              value={query}
              onInput={(event) => setQuery(event.currentTarget.value)}
              onKeyDown={onInputKeyDown}
            />
          </form>
          <button type="button" class="search-close" onClick={() => closeSearch()}>
            Close
          </button>
        </div>
        <fieldset class="search-filter">
          <legend class="visually-hidden">Show results from</legend>
          {(['all', ...SEARCH_TYPES] as Filter[]).map((value) => (
            <label class="search-filter-option" key={value}>
              <input
                type="radio"
                name="search-type"
                value={value}
                checked={filter === value}
                onChange={() => setFilter(value)}
              />
              <span>
                {value === 'all' ? 'All' : value}
                {value !== 'all' && outcome.phase === 'done' && (
                  <span class="search-filter-count">
                    {' '}
                    {outcome.counts[value] ?? 0}
                  </span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
        {filter === 'Glossary' && families.length > 0 && (
          <div class="search-family">
            <label for="search-family">Family</label>
            <select id="search-family" value={family} onChange={(event) => setFamily(event.currentTarget.value)}>
              <option value="">All families</option>
              {families.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        )}
        <p id="search-status" class="search-status" role="status" aria-live="polite">
          {status}
        </p>
        <div id="search-results" class="search-results" ref={resultsRef} onKeyDown={onResultsKeyDown}>
          {outcome.results.length > 0 && (
            <ol class="search-result-list" aria-label={`Results for ${outcome.query}`}>
              {outcome.results.map((result) => (
                <ResultItem key={result.url} result={result} />
              ))}
            </ol>
          )}
          {hasMore && (
            <button type="button" class="button search-more" onClick={() => void showMore()}>
              Show more results
            </button>
          )}
        </div>
        <p class="search-keys" aria-hidden="true">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close
        </p>
      </div>
    </dialog>
  );
}
