import { z } from 'astro/zod';

/** A primary source a page relies on, listed under "Sources" at the foot of the page. */
export const sourceSchema = z.object({
  /** What the reader will find there, e.g. "FHIR R4 specification: Patient". */
  title: z.string().min(3),
  /** An absolute https link to the source itself. */
  url: z.string().url().startsWith('https://', { message: 'Source links must use https://' }),
  /** Who publishes it, e.g. "HL7 International". */
  publisher: z.string().min(2),
});

export const guideSchema = z
  .object({
    /** The page title: the h1, the <title> and the sidebar label. */
    title: z.string().min(3).max(80),
    /** One sentence for the meta description, search results and the guide's contents page. */
    description: z.string().min(40).max(200),
    /** The sidebar section the page belongs to. Sections are ordered by their lowest page order. */
    section: z.string().min(3).max(40),
    /** Position of the page in the whole guide (1, 2, 3…); unique across the guide. */
    order: z.number().int().positive(),
    /** Shorter label for the sidebar when the title is long. */
    sidebarLabel: z.string().min(3).max(40).optional(),
    /** The date a person last checked the page against its sources. */
    lastReviewed: z.coerce.date(),
    /** The primary sources the page relies on: at least one. */
    sources: z.array(sourceSchema).min(1),
  })
  .strict();

export type GuideFrontmatter = z.infer<typeof guideSchema>;
export type Source = z.infer<typeof sourceSchema>;
