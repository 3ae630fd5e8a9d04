import { z } from 'astro/zod';

/** Question ids are stored in the learner's browser: short, lower case, stable. */
export const QUIZ_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** One answer a learner can choose, with why it is right or wrong. */
export const quizOptionSchema = z
  .object({
    /** The answer as the learner reads it next to its radio button. `code` in backticks is allowed. */
    text: z.string().min(3).max(400),
    /** Marks the one right answer; leave it out on the others. */
    correct: z.boolean().default(false),
    /** Why this answer is right or wrong, shown when the learner checks it. */
    explanation: z.string().min(20).max(900),
  })
  .strict();

/** One multiple-choice question: three or four options, exactly one of them correct. */
export const quizQuestionSchema = z
  .object({
    /** Stable id, unique in its quiz; answers are saved under it, so do not rename it lightly. */
    id: z.string().regex(QUIZ_ID_PATTERN, 'Use lower-case letters, digits and hyphens (at most 60)'),
    /** The question, shown as the fieldset legend (and as the summary without JavaScript). */
    question: z.string().min(10).max(400),
    options: z.array(quizOptionSchema).min(3, 'Give 3 or 4 options').max(4, 'Give 3 or 4 options'),
  })
  .strict()
  .superRefine((question, context) => {
    const correct = question.options.filter((option) => option.correct).length;
    if (correct !== 1) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['options'],
        message: `Question "${question.id}" needs exactly one option with correct: true, found ${correct}`,
      });
    }
  });

/**
 * The "Check yourself" quiz of one guide page: content/quizzes/<guide-slug>.yaml. The file
 * name is the page it belongs to; the build fails if there is no such page.
 */
export const quizSchema = z
  .object({
    questions: z.array(quizQuestionSchema).length(3, 'Every guide page ends with exactly three questions'),
  })
  .strict()
  .superRefine((quiz, context) => {
    const seen = new Set<string>();
    quiz.questions.forEach((question, index) => {
      if (seen.has(question.id)) {
        context.addIssue({ code: z.ZodIssueCode.custom, path: ['questions', index, 'id'], message: `Duplicate question id "${question.id}"` });
      }
      seen.add(question.id);
    });
  });

export type QuizData = z.infer<typeof quizSchema>;
