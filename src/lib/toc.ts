/** A heading as Astro's render() reports it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem {
  slug: string;
  text: string;
  children: TocItem[];
}

/**
 * The "On this page" tree: h2 entries with their h3 entries nested. An h3 that comes
 * before any h2 is kept at the top level rather than dropped.
 */
export function buildToc(headings: readonly Heading[], minDepth = 2, maxDepth = 3): TocItem[] {
  const toc: TocItem[] = [];
  let parent: TocItem | undefined;
  for (const heading of headings) {
    if (heading.depth < minDepth || heading.depth > maxDepth) continue;
    const item: TocItem = { slug: heading.slug, text: heading.text, children: [] };
    if (heading.depth === minDepth || !parent) {
      toc.push(item);
      parent = heading.depth === minDepth ? item : undefined;
    } else {
      parent.children.push(item);
    }
  }
  return toc;
}
