import { DONT_KNOW, type Answer, type Score } from './types';

export function isScore(value: unknown): value is Score {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

export function isAnswer(value: unknown): value is Answer {
  return value === DONT_KNOW || isScore(value);
}

/** Counts statements of the instrument that have an answer (a score or "don't know"). */
export function countAnswered(answers: Record<string, Answer>, itemIds: readonly string[]): number {
  let n = 0;
  for (const id of itemIds) if (answers[id] !== undefined) n++;
  return n;
}

/** Statement ids that have no answer yet, in instrument order. */
export function listUnanswered(answers: Record<string, Answer>, itemIds: readonly string[]): string[] {
  return itemIds.filter((id) => answers[id] === undefined);
}
