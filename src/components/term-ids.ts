let count = 0;

/** Unique, repeatable ids for term tooltips across one build. */
export function nextTermId(slug: string): string {
  count += 1;
  return `term-${slug}-${count}`;
}
