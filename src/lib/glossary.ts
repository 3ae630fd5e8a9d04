import { slugify } from './slug.ts';

/** The parts of a glossary entry the checks and listings read. */
export interface GlossaryEntryLike {
  id: string;
  data: {
    term: string;
    expansion?: string | undefined;
    aliases: string[];
    family: string;
    related: string[];
  };
}

/**
 * Problems the build must not ship: a file name that is not the term's slug (its URL would
 * not be the one people guess), a term defined twice, and related links to nowhere.
 */
export function glossaryProblems(entries: readonly GlossaryEntryLike[]): string[] {
  const problems: string[] = [];
  const ids = new Set(entries.map((entry) => entry.id));
  const byTerm = new Map<string, string>();
  for (const entry of entries) {
    const { term, related } = entry.data;
    const expected = slugify(term);
    if (entry.id !== expected) problems.push(`content/glossary/${entry.id}.yaml: the term "${term}" needs the file name ${expected}.yaml`);
    const key = term.trim().toLowerCase();
    const clash = byTerm.get(key);
    if (clash) problems.push(`content/glossary/${entry.id}.yaml: "${term}" is already defined in ${clash}.yaml`);
    byTerm.set(key, entry.id);
    for (const slug of related) {
      if (slug === entry.id) problems.push(`content/glossary/${entry.id}.yaml: lists itself as related`);
      else if (!ids.has(slug)) problems.push(`content/glossary/${entry.id}.yaml: related term "${slug}" does not exist`);
    }
  }
  return problems;
}

/** Fails the build with every problem listed at once. */
export function assertValidGlossary(entries: readonly GlossaryEntryLike[]): void {
  const problems = glossaryProblems(entries);
  if (problems.length > 0) throw new Error(`The glossary has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
}

/** Sorting ignores case and leading symbols, so "$everything" files under E and "_include" under I. */
export function sortKey(term: string): string {
  return term.replace(/^[^\p{L}\p{N}]+/u, '').toLocaleLowerCase('en');
}

export function sortEntries<T extends GlossaryEntryLike>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => sortKey(a.data.term).localeCompare(sortKey(b.data.term), 'en', { numeric: true }));
}

/** The A to Z heading a term files under; digits share "0–9". */
export function letterOf(term: string): string {
  const first = sortKey(term).normalize('NFKD').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '0–9';
}

export interface LetterGroup<T> {
  letter: string;
  entries: T[];
}

export function groupByLetter<T extends GlossaryEntryLike>(entries: readonly T[]): LetterGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const entry of sortEntries(entries)) {
    const letter = letterOf(entry.data.term);
    groups.set(letter, [...(groups.get(letter) ?? []), entry]);
  }
  return [...groups.entries()]
    .map(([letter, grouped]) => ({ letter, entries: grouped }))
    .sort((a, b) => (a.letter === '0–9' ? -1 : b.letter === '0–9' ? 1 : a.letter.localeCompare(b.letter)));
}

/**
 * Words a reader might search for that the page does not otherwise contain: the aliases,
 * the expansion, and the term with its punctuation spaced out or removed ("C STORE", "CSTORE").
 */
export function searchAliases(data: GlossaryEntryLike['data']): string[] {
  const variants = new Set<string>();
  for (const text of [data.term, data.expansion, ...data.aliases]) {
    if (!text) continue;
    variants.add(text);
    const spaced = text.replace(/[-_./$+]+/g, ' ').replace(/\s+/g, ' ').trim();
    if (spaced) variants.add(spaced);
    const joined = text.replace(/[-_./$+\s]+/g, '');
    if (joined) variants.add(joined);
  }
  variants.delete(data.term);
  return [...variants];
}
