// The two counting rules shared by the stored tally (tallyRecord.ts, on the participant's route)
// and the analysis (analysis/tally.ts, analysis/keywords.ts): which slot an answer is counted in,
// and when two keywords are the same word. Kept in one tiny module so the two ways of counting
// cannot drift apart (docs/scale.md "The tally").

/** Slot of "don't know"; answers 1…5 are in slots 0…4. */
export const DK_SLOT = 5;

/** Slot of an answer, or −1 for a value that is no answer (never repaired, never counted). */
export function slotOf(answer: unknown): number {
  return answer === 'dk' ? DK_SLOT : answer === 1 || answer === 2 || answer === 3 || answer === 4 || answer === 5 ? answer - 1 : -1;
}

/** Trimmed, internal whitespace collapsed to one space: a word as typed, tidied. */
export function tidyKeyword(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** The key identical words share: tidied and lower-cased with Dutch rules; '' for an empty word. */
export function normaliseKeyword(raw: string): string {
  return tidyKeyword(raw).toLocaleLowerCase('nl');
}
