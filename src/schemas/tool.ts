import { reference } from 'astro:content';
import { z } from 'astro/zod';

/** One hands-on tool under /explore/, listed on the explore page (content/tools.json). */
export const toolSchema = z
  .object({
    /** The tool's key, which the file loader also uses as the entry's id. */
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(3).max(80),
    /** The tool's site-absolute path. */
    href: z.string().regex(/^\/explore\/[a-z0-9-]+\/$/),
    /** What the tool does, in one or two sentences. */
    summary: z.string().min(40).max(260),
    /** The guide page to read alongside it. */
    guide: reference('guide'),
  })
  .strict();
