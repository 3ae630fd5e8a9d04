import { readdirSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { guideSchema } from './schemas/guide';
import { pageSchema } from './schemas/page';
import { glossarySchema } from './schemas/glossary';
import { quizSchema } from './schemas/quiz';
import { strategyOutcomeSchema, strategyQuestionSchema } from './schemas/strategy';
import { toolSchema } from './schemas/tool';
import { quizPageProblems } from './lib/quiz';

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

/**
 * The "Check yourself" quiz at the end of each guide page: content/quizzes/<guide-slug>.yaml.
 * The build fails when a quiz names no guide page or a page has no quiz (src/lib/quiz.ts).
 */
const quizzes = defineCollection({
  loader: quizLoader(),
  schema: quizSchema,
});

/** File names in a content folder without their extension (a glob loader's ids); none if it is missing. */
function namesIn(folder: URL, extensions: readonly string[]): string[] {
  try {
    return readdirSync(folder)
      .filter((file) => extensions.some((extension) => file.endsWith(extension)) && !file.startsWith('_'))
      .map((file) => file.slice(0, file.lastIndexOf('.')).toLowerCase());
  } catch {
    return [];
  }
}

/**
 * The quizzes' glob loader, which first fails the build (and `astro sync`) when a quiz names a
 * guide page that does not exist. A page without a quiz fails when the page is rendered.
 */
function quizLoader(): Loader {
  const files = glob({ pattern: '*.yaml', base: './content/quizzes' });
  return {
    name: 'guide-quizzes',
    load: async (context) => {
      const quizIds = namesIn(new URL('content/quizzes/', context.config.root), ['.yaml']);
      const pageIds = namesIn(new URL('content/guide/', context.config.root), ['.md', '.mdx']);
      const orphans = quizPageProblems(pageIds, quizIds).filter((problem) => problem.startsWith('content/quizzes/'));
      if (orphans.length > 0) throw new Error(orphans.join('\n'));
      await files.load(context);
    },
  };
}

/** The standalone-or-integrated decision aid: its questions and the outcomes they point to. */
const strategyQuestions = defineCollection({
  loader: file('content/strategy/questions.yaml'),
  schema: strategyQuestionSchema,
});

const strategyOutcomes = defineCollection({
  loader: file('content/strategy/outcomes.yaml'),
  schema: strategyOutcomeSchema,
});

/** The hands-on tools under /explore/, in the order the explore page lists them. */
const tools = defineCollection({
  loader: file('./content/tools.json'),
  schema: toolSchema,
});

export const collections = { guide, pages, glossary, quizzes, strategyQuestions, strategyOutcomes, tools };
