import { z } from 'astro/zod';

export const GLOSSARY_FAMILIES = [
  'HL7 v2',
  'FHIR',
  'DICOM',
  'IHE',
  'Integration and transport',
  'Terminologies',
  'Clinical systems',
  'Programs and bodies',
] as const;

export type GlossaryFamily = (typeof GLOSSARY_FAMILIES)[number];

/** One glossary entry, content/glossary/<slug>.yaml, where slug is the term slugified. */
export const glossarySchema = z
  .object({
    /** The term as people write it: "MLLP", "C-STORE", "Z-segment". */
    term: z.string().min(1).max(60),
    /** What an acronym stands for, or a fuller name; omit when the term is already plain words. */
    expansion: z.string().min(3).max(120).optional(),
    /** Other spellings and names people search for: "C STORE", "admit discharge transfer". */
    aliases: z.array(z.string().min(1).max(80)).default([]),
    family: z.enum(GLOSSARY_FAMILIES),
    /** Our own plain words, one to three sentences. */
    definition: z.string().min(40).max(600),
    /** One line: why a product team should care. */
    whyItMatters: z.string().min(20).max(260),
    /** A short concrete example, where one helps. */
    example: z.string().min(5).max(400).optional(),
    /** Slugs of related glossary entries; each must exist. */
    related: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)).min(1).max(8),
    /** One authoritative source. */
    source: z.object({
      title: z.string().min(3),
      url: z.string().url().startsWith('https://', { message: 'Source links must use https://' }),
    }),
  })
  .strict();

export type GlossaryEntryData = z.infer<typeof glossarySchema>;
