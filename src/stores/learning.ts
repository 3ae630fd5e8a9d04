import { persistentAtom } from '@nanostores/persistent';
import { clearPage, decodeProgress, EMPTY_PROGRESS, encodeProgress, recordAnswer, type LearningProgress } from '../lib/quiz';
import { installSafeStorage } from './storage';

installSafeStorage();

/**
 * The learner's answers to every guide page's knowledge check, in this browser only
 * (localStorage, through the guarded engine). Shared by the quizzes and the learning path,
 * and kept in step across tabs by @nanostores/persistent.
 */
export const $learning = persistentAtom<LearningProgress>('interop-workbook:learning', EMPTY_PROGRESS, {
  encode: encodeProgress,
  decode: decodeProgress,
});

export function answerQuestion(page: string, questionId: string, choice: number): void {
  const current = $learning.get();
  const next = recordAnswer(current, page, questionId, choice);
  if (next !== current) $learning.set(next);
}

export function clearPageAnswers(page: string): void {
  const current = $learning.get();
  const next = clearPage(current, page);
  if (next !== current) $learning.set(next);
}

export function clearAllAnswers(): void {
  $learning.set(EMPTY_PROGRESS);
}
