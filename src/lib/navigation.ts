/** The facts about a guide page that navigation needs; built from front matter. */
export interface GuidePageMeta {
  slug: string;
  title: string;
  sidebarLabel?: string | undefined;
  section: string;
  order: number;
  description: string;
}

export interface NavLink {
  slug: string;
  label: string;
  title: string;
  description: string;
  order: number;
}

export interface NavSection {
  label: string;
  pages: NavLink[];
}

export interface PrevNext {
  prev: NavLink | undefined;
  next: NavLink | undefined;
}

/** Guide pages in reading order; fails loudly when two pages claim the same position. */
export function orderPages(pages: readonly GuidePageMeta[]): GuidePageMeta[] {
  const byOrder = new Map<number, GuidePageMeta>();
  for (const page of pages) {
    const clash = byOrder.get(page.order);
    if (clash) {
      throw new Error(
        `Guide pages "${clash.slug}" and "${page.slug}" both have order ${page.order}: give each page its own order in its front matter.`,
      );
    }
    byOrder.set(page.order, page);
  }
  return [...pages].sort((a, b) => a.order - b.order);
}

function toLink(page: GuidePageMeta): NavLink {
  return {
    slug: page.slug,
    label: page.sidebarLabel ?? page.title,
    title: page.title,
    description: page.description,
    order: page.order,
  };
}

/**
 * Sidebar sections in reading order. A section's position is that of its first page,
 * so authors move a section by changing the order of the pages in it.
 */
export function buildSidebar(pages: readonly GuidePageMeta[]): NavSection[] {
  const sections = new Map<string, NavSection>();
  for (const page of orderPages(pages)) {
    let section = sections.get(page.section);
    if (!section) {
      section = { label: page.section, pages: [] };
      sections.set(page.section, section);
    }
    section.pages.push(toLink(page));
  }
  return [...sections.values()];
}

/** The pages before and after `slug` in reading order, across section boundaries. */
export function prevNext(pages: readonly GuidePageMeta[], slug: string): PrevNext {
  const ordered = orderPages(pages);
  const index = ordered.findIndex((page) => page.slug === slug);
  if (index === -1) return { prev: undefined, next: undefined };
  const before = ordered[index - 1];
  const after = ordered[index + 1];
  return {
    prev: before ? toLink(before) : undefined,
    next: after ? toLink(after) : undefined,
  };
}
