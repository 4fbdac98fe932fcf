import { describe, expect, it } from 'vitest';
import { flagsByChance } from '../../../src/domain/analysis';
import { chanceSentence } from '../../../src/features/results/ChanceNote';

// Chance in plain words (docs/analysis.md): tests × 0.10 flags when nothing is there, said as
// "at most about N" (exact tests are discrete, their real rate is at most 10 %).

describe('flags by chance', () => {
  it('is tests × 0.10, rounded to a whole number, or "below one" under a half', () => {
    expect(flagsByChance(13)).toEqual({ tests: 13, expected: 13 * 0.1, kind: 'about', count: 1 });
    expect(flagsByChance(52)).toMatchObject({ kind: 'about', count: 5 });
    expect(flagsByChance(65)).toMatchObject({ kind: 'about', count: 6 }); // 6.5: at most, so rounded down at the half
    expect(flagsByChance(15)).toMatchObject({ kind: 'about', count: 1 });
    expect(flagsByChance(17)).toMatchObject({ kind: 'about', count: 2 });
    expect(flagsByChance(6)).toMatchObject({ kind: 'about', count: 1 });
    expect(flagsByChance(5)).toMatchObject({ kind: 'belowOne', count: 0 });
    expect(flagsByChance(1)).toMatchObject({ kind: 'belowOne', count: 0 });
    expect(flagsByChance(0)).toMatchObject({ tests: 0, kind: 'belowOne' });
  });

  it('takes another rate when asked', () => {
    expect(flagsByChance(40, 0.05)).toMatchObject({ kind: 'about', count: 2 });
  });
});

describe('the chance sentence of the results, slides and report', () => {
  it('says it in Dutch with the right forms', () => {
    expect(chanceSentence('nl', 13)).toBe('Bij 13 getoetste stellingen geeft toeval alleen al hooguit ongeveer 1 bespreekpunt (p < 0,10), ook als de partners het eigenlijk eens zijn.');
    expect(chanceSentence('nl', 26)).toBe('Bij 26 getoetste stellingen geeft toeval alleen al hooguit ongeveer 3 bespreekpunten (p < 0,10), ook als de partners het eigenlijk eens zijn.');
    expect(chanceSentence('nl', 1)).toBe('Bij 1 getoetste stelling geeft toeval alleen gemiddeld minder dan één bespreekpunt (p < 0,10), ook als de partners het eigenlijk eens zijn.');
  });

  it('says it in English with the right forms', () => {
    expect(chanceSentence('en', 13)).toBe('With 13 tested statements, chance alone gives at most about 1 discussion point (p < 0.10), even when the partners in fact agree.');
    expect(chanceSentence('en', 20)).toBe('With 20 tested statements, chance alone gives at most about 2 discussion points (p < 0.10), even when the partners in fact agree.');
    expect(chanceSentence('en', 4)).toBe('With 4 tested statements, chance alone gives less than one discussion point on average (p < 0.10), even when the partners in fact agree.');
    expect(chanceSentence('en', 1)).toBe('With 1 tested statement, chance alone gives less than one discussion point on average (p < 0.10), even when the partners in fact agree.');
  });

  it('says nothing when no statement was tested', () => {
    expect(chanceSentence('nl', 0)).toBeNull();
  });
});
