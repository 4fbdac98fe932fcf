// The answer flow is a row of steps; a draft remembers its step as `position`.
//   0            organisation (and level)
//   1 … N        the N statements
//   N + 1        the optional extras (three words, point to improve)
//   N + 2        review and submit

export const ORGANISATION_STEP = 0;

export function extrasStep(itemCount: number): number {
  return itemCount + 1;
}

export function reviewStep(itemCount: number): number {
  return itemCount + 2;
}

/** A stored position, clamped to the steps this instrument has. */
export function clampStep(position: number, itemCount: number): number {
  if (!Number.isInteger(position) || position < 0) return ORGANISATION_STEP;
  return Math.min(position, reviewStep(itemCount));
}

/** The statement index (0-based) a step shows, or null for the other steps. */
export function statementIndexOf(step: number, itemCount: number): number | null {
  return step >= 1 && step <= itemCount ? step - 1 : null;
}
