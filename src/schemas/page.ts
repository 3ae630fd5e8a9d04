import { z } from 'astro/zod';

export const pageSchema = z
  .object({
    /** The h1 and the <title>. */
    title: z.string().min(3).max(80),
    /** The meta description and the lede under the title. */
    description: z.string().min(40).max(200),
  })
  .strict();
