// The answer flow is a row of steps; a draft remembers its step as `position`.
//   0            organisation (and level)
//   1 … N        the N statements
//   N + 1        the optional extras (three words, point to improve), left out when the scan asks neither
//   N + 2        review and submit (N + 1 without the extras step)

export const ORGANISATION_STEP = 0;

export function extrasStep(itemCount: number): number {
  return itemCount + 1;
}

export function reviewStep(itemCount: number, hasExtras = true): number {
  return itemCount + (hasExtras ? 2 : 1);
}

/** The statement index (0-based) a step shows, or null for the other steps. */
export function statementIndexOf(step: number, itemCount: number): number | null {
  return step >= 1 && step <= itemCount ? step - 1 : null;
}

/**
 * Each step has its own history entry, so back and forward move between steps and never out
 * of the questionnaire: the welcome screen is `#/s/<scan>`, step n is `#/s/<scan>/<n>`.
 */
export function stepPath(scanId: string, step: number): string {
  return step === ORGANISATION_STEP ? `/s/${scanId}` : `/s/${scanId}/${step}`;
}

/** The step in the address, or null for the welcome screen or anything that is not a step. */
export function parseStepParam(param: string | undefined): number | null {
  if (param === undefined || !/^\d{1,3}$/.test(param)) return null;
  const step = Number(param);
  return step === ORGANISATION_STEP ? null : step;
}
