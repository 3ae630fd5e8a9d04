import type { GuidePageMeta } from './navigation.ts';

/** The subset of a content entry that the guide's navigation reads. */
export interface GuideEntryLike {
  id: string;
  data: {
    title: string;
    sidebarLabel?: string | undefined;
    section: string;
    order: number;
    description: string;
  };
}

export function toPageMeta(entry: GuideEntryLike): GuidePageMeta {
  const { title, sidebarLabel, section, order, description } = entry.data;
  return { slug: entry.id, title, sidebarLabel, section, order, description };
}
