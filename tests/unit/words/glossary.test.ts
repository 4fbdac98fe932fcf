import { describe, expect, it } from 'vitest';
import { chartMessages } from '../../../src/charts/chartMessages';
import type { MessageBundle, MessageTable } from '../../../src/i18n/defineMessages';
import { presentMessages } from '../../../src/features/present/presentMessages';
import { resultsMessages } from '../../../src/features/results/resultsMessages';
import { roundsLinkMessages } from '../../../src/features/rounds/roundsLinkMessages';
import { roundsMessages } from '../../../src/features/rounds/roundsMessages';

// "Words: one per meaning" (docs/analysis.md): in the results views, the presenter, the report
// and the rounds page each of four meanings has one word per language, and no word carries two.
//
//   meaning                                  nl                               en
//   the gap (between groups on a statement)  verschil                         gap
//   a change between rounds                  verandering                      change
//   the evidence verdict, p < 0.10           bespreekpunt (a large gap),      discussion point,
//                                            waarschijnlijk geen toeval       unlikely to be chance
//   the evidence verdict, p ≥ 0.10           kan toeval zijn                  could be chance
//   a change that reads 0.00                 onveranderd                      unchanged
//   the band of a mean                       band (sterk, aandacht, zorg)     band (strong, attention, concern)

type Bundle = MessageBundle<MessageTable>;
const bundles: Record<string, Bundle> = { chartMessages, resultsMessages, presentMessages, roundsMessages, roundsLinkMessages };
const entries = (bundle: Bundle, language: 'nl' | 'en') => Object.entries(bundle[language] as Record<string, string>);
const all = (language: 'nl' | 'en') => Object.entries(bundles).flatMap(([name, bundle]) => entries(bundle, language).map(([key, text]) => ({ where: `${name}.${key}`, key, text })));

/** The rounds bundle also holds the comparison of two groups within one scan: its figure is a gap. */
const TWO_GROUPS = /^(groups|refused_|mode_|modeLabel|level|col[AB]$|colDifference|partner|restOf|gapNoun|noGap|chanceGroups$)/;
const roundsChange = (language: 'nl' | 'en') =>
  [...entries(roundsMessages, language), ...entries(roundsLinkMessages, language)].filter(([key]) => !TWO_GROUPS.test(key)).map(([key, text]) => ({ where: key, text }));
const twoGroups = (language: 'nl' | 'en') => entries(roundsMessages, language).filter(([key]) => TWO_GROUPS.test(key)).map(([key, text]) => ({ where: key, text }));
const resultsSide = (language: 'nl' | 'en') =>
  [chartMessages, resultsMessages, presentMessages].flatMap((bundle) => entries(bundle, language)).map(([key, text]) => ({ where: key, text }));

function offenders(list: readonly { where: string; text: string }[], word: RegExp): string[] {
  return list.filter(({ text }) => word.test(text)).map(({ where, text }) => `${where}: ${text}`);
}

describe('one word per meaning', () => {
  it('uses none of the words that meant two or three things', () => {
    // "onzeker" was the verdict on a gap and on a change, "beoordeling" the band and the verdict;
    // "uncertain", "assessment", "rating", "difference" were their English twins.
    expect(offenders(all('nl'), /onzeker|beoordeling/i)).toEqual([]);
    expect(offenders(all('en'), /uncertain|assessment|\brating\b|\bdifferences?\b/i)).toEqual([]);
  });

  it('calls a change between rounds a change, never a gap', () => {
    expect(offenders(roundsChange('nl'), /\bverschil(len)?\b/i)).toEqual([]);
    expect(offenders(roundsChange('en'), /\bgaps?\b/i)).toEqual([]);
    // And it does use its word.
    expect(roundsMessages.nl.colChange).toBe('Verandering');
    expect(roundsMessages.en.colChange).toBe('Change');
    expect(roundsMessages.nl.changeNoun).toBe('verandering');
    expect(roundsMessages.en.changeNoun).toBe('change');
  });

  it('calls a gap a gap, never a change, in the results, the slides and the two-group comparison', () => {
    expect(offenders([...resultsSide('nl'), ...twoGroups('nl')], /\bverander/i)).toEqual([]);
    expect(offenders([...resultsSide('en'), ...twoGroups('en')], /\bchang(e|es|ed)\b/i)).toEqual([]);
    expect(chartMessages.nl.gap).toBe('Verschil');
    expect(chartMessages.en.gap).toBe('Gap');
    expect(roundsMessages.nl.gapNoun).toBe('verschil');
    expect(roundsMessages.en.gapNoun).toBe('gap');
  });

  it('gives the verdict without evidence one phrase: on a gap, on a change and on two groups', () => {
    for (const [language, phrase] of [['nl', 'kan toeval zijn'], ['en', 'could be chance']] as const) {
      expect(chartMessages[language].uncertainDifference.toLowerCase()).toBe(phrase);
      expect(chartMessages[language].couldBeChance).toBe(phrase);
      expect(roundsMessages[language].verdictChance).toContain(phrase);
      expect(chartMessages[language].knobWhyGapChance).toContain(phrase);
      expect(resultsMessages[language].summaryUncertain).toContain(language === 'nl' ? 'toeval kunnen zijn' : 'could be chance');
    }
    expect(roundsMessages.nl.verdictEvidence).toContain('waarschijnlijk geen toeval');
    expect(roundsMessages.en.verdictEvidence).toContain('unlikely to be chance');
  });

  it('reads an unchanged statement as unchanged', () => {
    expect(roundsMessages.nl.unchanged).toBe('onveranderd');
    expect(roundsMessages.en.unchanged).toBe('unchanged');
  });

  it('calls the band a band, with its three names', () => {
    expect(chartMessages.nl.band).toBe('Band');
    expect(chartMessages.en.band).toBe('Band');
    for (const language of ['nl', 'en'] as const) {
      const t = chartMessages[language];
      expect(t.knobWhyAttention).toContain(`${language === 'nl' ? 'band ' : ''}${t.bandAttention.toLowerCase()}`);
      expect(t.knobWhyStrong).toContain(t.bandStrong.toLowerCase());
    }
  });
});
