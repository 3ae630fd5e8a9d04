import { persistentAtom } from '@nanostores/persistent';
import { decodeStoredAnswers, type Answers } from '../lib/strategy';
import { installSafeStorage } from './storage';

installSafeStorage();

/** The decision aid's answers, question id → option id, saved in this browser only. */
export const $strategyAnswers = persistentAtom<Answers>('interop-workbook:strategy-answers', {}, {
  encode: JSON.stringify,
  decode: decodeStoredAnswers,
});

export function answer(questionId: string, optionId: string): void {
  $strategyAnswers.set({ ...$strategyAnswers.get(), [questionId]: optionId });
}

export function resetAnswers(): void {
  $strategyAnswers.set({});
}
