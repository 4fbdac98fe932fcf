import { normaliseKeyword, slotOf, tidyKeyword } from './countRules';
import type { Response } from './types';

// The stored tally of one scan (docs/scale.md): every count the results need, kept up to date in
// the same IndexedDB transaction as each write of a submitted response, so the results page reads
// a few hundred numbers instead of every response. Counts are per organisation × level, so the
// level and partner filters still work from it:
//
//   key  = <organisationId> \u0001 <level or '-'> \u0001 <field>
//   field  'n'                    submitted responses
//          'a' \u0001 <item> \u0001 <slot>   answers: slot 0…4 for 1…5, 5 for don't know, -1 for no valid answer
//          'k' \u0001 <spelling>         responses that gave this keyword (first spelling per word and response)
//
// The keys are built (countIntoTally) and taken apart (parseTallyKey) here and nowhere else. The
// slot is a number and a level one of a few names, so neither holds the separator; a spelling is
// a key's last part and an item sits between the field and the slot, so either may hold it and
// still reads back whole. Organisation ids never do: the app makes them from the partner's name
// as a slug of a–z, 0–9 and '-' (scan.ts `slugify`), and the exchange format refuses control
// characters in ids (exchange/schema.ts).
//
// Small on purpose: it runs on the participant's route when an answer is submitted. The
// analysis turns it back into its in-memory tally (analysis/storedTally.ts), and a test holds
// the two ways of counting equal for random sequences of writes.

export interface TallyRecord {
  scanId: string;
  counts: Record<string, number>;
}

const TALLY_SEPARATOR = '\u0001';

/**
 * Adds (sign 1) or removes (sign −1) one submitted response; drafts are never counted. Keywords
 * are tidied and compared by the analysis' own rule (countRules.ts): a word given twice in one
 * response counts once, under the first spelling.
 */
export function countIntoTally(counts: Record<string, number>, response: Response, sign: 1 | -1): void {
  if (response.status !== 'submitted') return;
  const prefix = response.organisationId + TALLY_SEPARATOR + (response.level ?? '-') + TALLY_SEPARATOR;
  const bump = (field: string) => {
    const key = prefix + field;
    const value = (counts[key] ?? 0) + sign;
    if (value === 0) delete counts[key];
    else counts[key] = value;
  };
  bump('n');
  for (const [item, answer] of Object.entries(response.answers ?? {})) bump('a' + TALLY_SEPARATOR + item + TALLY_SEPARATOR + slotOf(answer));
  const seen = new Set<string>();
  for (const raw of Array.isArray(response.keywords) ? response.keywords : []) {
    if (typeof raw !== 'string') continue;
    const spelling = tidyKeyword(raw);
    const word = normaliseKeyword(spelling);
    if (word === '' || seen.has(word)) continue;
    seen.add(word);
    bump('k' + TALLY_SEPARATOR + spelling);
  }
}

/** A key taken apart; `level` null for responses without a level. */
export type TallyKey = { organisationId: string; level: string | null } & (
  | { field: 'n' }
  | { field: 'a'; item: string; slot: number }
  | { field: 'k'; spelling: string }
);

/** The parts of a key, or null for a key countIntoTally never writes. */
export function parseTallyKey(key: string): TallyKey | null {
  const [organisationId = '', level, field, ...rest] = key.split(TALLY_SEPARATOR);
  const group = { organisationId, level: level === '-' ? null : (level ?? null) };
  if (level === undefined) return null;
  if (field === 'n') return rest.length === 0 ? { ...group, field } : null;
  if (field === 'k') return rest.length > 0 ? { ...group, field, spelling: rest.join(TALLY_SEPARATOR) } : null;
  const slot = Number(rest.pop());
  return field === 'a' && rest.length > 0 ? { ...group, field, item: rest.join(TALLY_SEPARATOR), slot } : null;
}

/** Submitted responses the tally holds, over every organisation and level. */
export function submittedInTally(record: TallyRecord): number {
  let total = 0;
  for (const key in record.counts) if (parseTallyKey(key)?.field === 'n') total += record.counts[key]!;
  return total;
}
