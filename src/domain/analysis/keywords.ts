// Frequencies of the "three words" participants give. Words that differ only in case or
// spacing are the same word; a word a participant typed twice counts once for that response.

import type { KeywordFrequency } from './types';

/** Trimmed, internal whitespace collapsed to one space: a word as typed, tidied. */
export function tidyKeyword(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** The key identical words share: tidied and lower-cased with Dutch rules; '' for an empty word. */
export function normaliseKeyword(raw: string): string {
  return tidyKeyword(raw).toLocaleLowerCase('nl');
}

interface Normalised {
  key: string;
  display: string;
}

interface KeywordEntry {
  count: number;
  /** Spelling as typed (tidied) → responses that used it. */
  spellings: Map<string, number>;
}

const collator = new Intl.Collator('nl');

/** Counts keywords response by response; reads each distinct raw string's normal form once. */
export class KeywordCounter {
  private readonly entries = new Map<string, KeywordEntry>();
  // Participants repeat the same few words, so caching the normal form turns thousands of
  // locale-aware lower-casings into map look-ups.
  private readonly cache = new Map<string, Normalised>();
  private readonly seenInResponse: string[] = [];

  addResponse(keywords: readonly unknown[]): void {
    const seen = this.seenInResponse;
    seen.length = 0;
    for (const raw of keywords) {
      if (typeof raw !== 'string') continue;
      const normalised = this.normalise(raw);
      if (normalised.key === '' || seen.includes(normalised.key)) continue;
      seen.push(normalised.key);
      let entry = this.entries.get(normalised.key);
      if (entry === undefined) {
        entry = { count: 0, spellings: new Map() };
        this.entries.set(normalised.key, entry);
      }
      entry.count++;
      entry.spellings.set(normalised.display, (entry.spellings.get(normalised.display) ?? 0) + 1);
    }
  }

  /** Most frequent first; equal counts alphabetically (Dutch collation). */
  result(): KeywordFrequency[] {
    const frequencies: KeywordFrequency[] = [];
    for (const [key, entry] of this.entries) {
      frequencies.push({ key, display: mostCommonSpelling(entry.spellings), count: entry.count });
    }
    return frequencies.sort((a, b) => b.count - a.count || compareText(a.key, b.key));
  }

  private normalise(raw: string): Normalised {
    let normalised = this.cache.get(raw);
    if (normalised === undefined) {
      const display = tidyKeyword(raw);
      normalised = { key: display.toLocaleLowerCase('nl'), display };
      this.cache.set(raw, normalised);
    }
    return normalised;
  }
}

/** The spelling used by most responses; on a tie the first in Dutch collation (lower case first), so order never matters. */
function mostCommonSpelling(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && compareText(spelling, best) < 0)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/** Dutch collation, falling back to code units so that distinct strings never compare equal. */
function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
