import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { guideSchema } from './schemas/guide';
import { pageSchema } from './schemas/page';
import { glossarySchema } from './schemas/glossary';
import { strategyOutcomeSchema, strategyQuestionSchema } from './schemas/strategy';

/**
 * All prose lives in the top-level content/ folder. Each guide page's place in the
 * sidebar (its section and order) comes from its own front matter.
 */
const guide = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './content/guide' }),
  schema: guideSchema,
});

/** Stand-alone pages outside the guide, such as the home page. */
const pages = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './content/pages' }),
  schema: pageSchema,
});

/** One YAML file per term; the file name is the term's slug and its URL. */
const glossary = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/glossary' }),
  schema: glossarySchema,
});

/** The standalone-or-integrated decision aid: its questions and the outcomes they point to. */
const strategyQuestions = defineCollection({
  loader: file('content/strategy/questions.yaml'),
  schema: strategyQuestionSchema,
});

const strategyOutcomes = defineCollection({
  loader: file('content/strategy/outcomes.yaml'),
  schema: strategyOutcomeSchema,
});

export const collections = { guide, pages, glossary, strategyQuestions, strategyOutcomes };
