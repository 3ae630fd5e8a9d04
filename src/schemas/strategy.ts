import { z } from 'astro/zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case words joined by hyphens');

/** One answer to a decision-aid question. */
export const strategyOptionSchema = z
  .object({
    id: slug,
    /** The answer as the reader sees it next to its radio button. */
    label: z.string().min(2).max(120),
    /** Points this answer gives each outcome, by outcome id (0 to 5). */
    weights: z.record(slug, z.number().int().min(0).max(5)),
    /** Why this answer points to the outcomes it weights, shown with the recommendation. */
    reason: z.string().min(10).max(300).optional(),
  })
  .strict();

/** A question of the standalone-or-integrated decision aid (content/strategy/questions.yaml). */
export const strategyQuestionSchema = z.object({
  /** Position in the form (1, 2, 3…). */
  order: z.number().int().positive(),
  /** Whether a recommendation needs this answer. */
  required: z.boolean(),
  question: z.string().min(10).max(160),
  help: z.string().min(5).max(200).optional(),
  options: z.array(strategyOptionSchema).min(2).max(6),
});

/** A recommendation the decision aid can give (content/strategy/outcomes.yaml). */
export const strategyOutcomeSchema = z.object({
  /** Position in the phased strategy; ties between outcomes go to the lower one. */
  order: z.number().int().positive(),
  title: z.string().min(5).max(100),
  summary: z.string().min(20).max(300),
  nextSteps: z.array(z.string().min(10).max(300)).min(1).max(5),
});

export type StrategyOptionData = z.infer<typeof strategyOptionSchema>;
export type StrategyQuestionData = z.infer<typeof strategyQuestionSchema>;
export type StrategyOutcomeData = z.infer<typeof strategyOutcomeSchema>;
