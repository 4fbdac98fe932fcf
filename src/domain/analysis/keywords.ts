// Frequencies of the "three words" participants give. Words that differ only in case or
// spacing are the same word; a word a participant typed twice counts once for that response.

import { normaliseKeyword, tidyKeyword } from '../countRules';
import type { KeywordFrequency } from './types';

// The rule itself (tidy, then lower-case with Dutch rules) is shared with the stored tally.
export { normaliseKeyword, tidyKeyword };

/** One way of spelling a word, as typed and tidied, with the responses that used it. */
interface Spelling {
  word: Word;
  display: string;
  count: number;
}

/** One word (all spellings that normalise to the same key). */
interface Word {
  key: string;
  count: number;
  spellings: Map<string, Spelling>;
}

/** Counts keywords response by response, in about one map look-up per keyword. */
export class KeywordCounter {
  private readonly words = new Map<string, Word>();
  // Participants repeat the same few words, so each distinct raw string is tidied and
  // lower-cased (locale-aware, slow) once; after that a keyword costs one map look-up.
  private readonly byRaw = new Map<string, Spelling | null>();
  private readonly seenInResponse: Word[] = [];

  addResponse(keywords: readonly unknown[]): void {
    // Words already counted for this response live in seen[0 … seenCount − 1]. The array is
    // reused rather than emptied: `length = 0` would free its storage, one allocation per response.
    const seen = this.seenInResponse;
    let seenCount = 0;
    for (let i = 0; i < keywords.length; i++) {
      const raw = keywords[i];
      if (typeof raw !== 'string') continue;
      let spelling = this.byRaw.get(raw);
      if (spelling === undefined) {
        spelling = this.findSpelling(raw);
        this.byRaw.set(raw, spelling);
      }
      if (spelling === null || isAmong(seen, seenCount, spelling.word)) continue;
      seen[seenCount++] = spelling.word;
      spelling.word.count++;
      spelling.count++;
    }
  }

  /**
   * `count` responses that gave this spelling (first spelling of its word in each): the stored
   * tally's way in (storedTally.ts), equal to calling addResponse for each of them.
   */
  addSpelling(raw: string, count: number): void {
    const spelling = this.findSpelling(raw);
    if (spelling === null || count <= 0) return;
    spelling.word.count += count;
    spelling.count += count;
  }

  /** Most frequent first; equal counts alphabetically (Dutch collation). */
  result(): KeywordFrequency[] {
    const frequencies: KeywordFrequency[] = [];
    for (const word of this.words.values()) {
      if (word.count === 0) continue;
      frequencies.push({ key: word.key, display: mostCommonSpelling(word.spellings.values()), count: word.count });
    }
    return frequencies.sort((a, b) => b.count - a.count || compareText(a.key, b.key));
  }

  /** The spelling record of a raw keyword (created on first sight); null for an empty word. */
  private findSpelling(raw: string): Spelling | null {
    const display = tidyKeyword(raw);
    const key = display.toLocaleLowerCase('nl');
    if (key === '') return null;
    let word = this.words.get(key);
    if (word === undefined) {
      word = { key, count: 0, spellings: new Map() };
      this.words.set(key, word);
    }
    let spelling = word.spellings.get(display);
    if (spelling === undefined) {
      spelling = { word, display, count: 0 };
      word.spellings.set(display, spelling);
    }
    return spelling;
  }
}

function isAmong(words: readonly Word[], count: number, word: Word): boolean {
  for (let i = 0; i < count; i++) if (words[i] === word) return true;
  return false;
}

/** The spelling used by most responses; on a tie the first in Dutch collation (lower case first), so order never matters. */
function mostCommonSpelling(spellings: Iterable<Spelling>): string {
  let best = '';
  let bestCount = 0;
  for (const { display, count } of spellings) {
    if (count > bestCount || (count === bestCount && count > 0 && compareText(display, best) < 0)) {
      best = display;
      bestCount = count;
    }
  }
  return best;
}

// Words made of lower-case ASCII letters, digits and spaces sort the same in Dutch collation as
// by code unit (space, then digits, then a-z; a test holds the two equal), and most keywords are
// such words. They skip the collator: making the first Intl.Collator loads ICU's collation tables,
// about 25 ms of main thread on a phone when the results page opens (docs/budgets.md).
const PLAIN_WORD = /^[a-z0-9 ]*$/;
let collator: Intl.Collator | undefined;

/** Dutch collation, falling back to code units so that distinct strings never compare equal. */
export function compareText(a: string, b: string): number {
  const byCodeUnit = a < b ? -1 : a > b ? 1 : 0;
  if (PLAIN_WORD.test(a) && PLAIN_WORD.test(b)) return byCodeUnit;
  collator ??= new Intl.Collator('nl');
  return collator.compare(a, b) || byCodeUnit;
}
