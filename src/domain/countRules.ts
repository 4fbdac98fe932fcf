// The two counting rules shared by the stored tally (tallyRecord.ts, on the participant's route)
// and the analysis (analysis/tally.ts, analysis/keywords.ts): which slot an answer is counted in,
// and when two keywords are the same word. Kept in one tiny module so the two ways of counting
// cannot drift apart (docs/scale.md "The tally").

/** Slot of "don't know"; answers 1…5 are in slots 0…4. */
export const DK_SLOT = 5;

/** Slot of an answer, or −1 for a value that is no answer (never repaired, never counted). */
export function slotOf(answer: unknown): number {
  switch (answer) {
    case 1: return 0;
    case 2: return 1;
    case 3: return 2;
    case 4: return 3;
    case 5: return 4;
    case 'dk': return DK_SLOT;
    default: return -1;
  }
}

/** Trimmed, internal whitespace collapsed to one space: a word as typed, tidied. */
export function tidyKeyword(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** The key identical words share: tidied and lower-cased with Dutch rules; '' for an empty word. */
export function normaliseKeyword(raw: string): string {
  return tidyKeyword(raw).toLocaleLowerCase('nl');
}
