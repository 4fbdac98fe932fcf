import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable } from '../../../src/charts/DataTable';
import { getChartFormat } from '../../../src/charts/format';
import type { ChangeFigure } from '../../../src/domain/rounds/compareRounds';
import type { Language } from '../../../src/domain/types';
import { chartMessages } from '../../../src/charts/chartMessages';
import { translate } from '../../../src/i18n/defineMessages';
import type { Translate } from '../../../src/i18n/useMessages';
import { ChangeChart, type ChangeRow } from '../../../src/features/rounds/ChangeChart';
import { changeColumns, changeVerdict, comparisonChanceSentence, countChangeTests, formatChange } from '../../../src/features/rounds/changeColumns';
import { roundsMessages } from '../../../src/features/rounds/roundsMessages';

// The rounds page and the two-group comparison say a change (a gap) with its verdict in one word
// per meaning: "could be chance" without evidence, "unchanged" when it reads 0.00, never
// "uncertain (p = 1.00)" (docs/analysis.md, "Words: one per meaning").

const tr = (language: Language): Translate<typeof roundsMessages.nl> => (key, params) => translate(roundsMessages, language, key, params);
const figure = (earlierMean: number, laterMean: number, p: number | null): ChangeFigure => ({
  earlierMean,
  laterMean,
  change: laterMean - earlierMean,
  earlierN: 5,
  laterN: 5,
  p,
  pMethod: null,
  pError: null,
  isUncertain: p === null || !(p < 0.1),
});

describe('the verdict on a change', () => {
  const nl = getChartFormat('nl');
  const en = getChartFormat('en');

  it('names a change with evidence, one that could be chance, and an unchanged statement', () => {
    expect(changeVerdict(figure(3, 3.4, 0.031), tr('nl'), nl, 'change', 'nl')).toBe('verandering, waarschijnlijk geen toeval (p = 0,031)');
    expect(changeVerdict(figure(3, 3.4, 0.45), tr('nl'), nl, 'change', 'nl')).toBe('verandering, kan toeval zijn (p = 0,450)');
    expect(changeVerdict(figure(3, 3, 1), tr('nl'), nl, 'change', 'nl')).toBe('onveranderd');
    // A change that reads 0.00 is unchanged, even if it is 0.003 underneath.
    expect(changeVerdict(figure(3, 3.003, 0.9), tr('nl'), nl, 'change', 'nl')).toBe('onveranderd');
    expect(changeVerdict(figure(3, 3.4, 0.031), tr('en'), en, 'change', 'en')).toBe('change, unlikely to be chance (p = 0.031)');
    expect(changeVerdict(figure(3, 3.4, 0.45), tr('en'), en, 'change', 'en')).toBe('change, could be chance (p = 0.450)');
    // Below what is shown: "p < 0,001", never "p = < 0,001".
    expect(changeVerdict(figure(3, 4.4, 0.0002), tr('nl'), nl, 'change', 'nl')).toBe('verandering, waarschijnlijk geen toeval (p < 0,001)');
    expect(changeVerdict(figure(3, 4.4, 0.0002), tr('en'), en, 'change', 'en')).toBe('change, unlikely to be chance (p < 0.001)');
    expect(changeVerdict(figure(3, 3, 1), tr('en'), en, 'change', 'en')).toBe('unchanged');
    expect(changeVerdict({ ...figure(3, 3, null), change: null, laterMean: null }, tr('en'), en, 'change', 'en')).toBe('change, no test');
    // The method stands beside p (docs/analysis.md, "Which p-value").
    expect(changeVerdict({ ...figure(3, 3.4, 0.031), pMethod: 'exact' }, tr('nl'), nl, 'change', 'nl')).toBe('verandering, waarschijnlijk geen toeval (p = 0,031, exact)');
  });

  it('reads a p just under 0.10 so that it agrees with the verdict', () => {
    expect(changeVerdict(figure(3, 3.5, 0.0994), tr('nl'), nl, 'change', 'nl')).toBe('verandering, waarschijnlijk geen toeval (p = 0,099)');
  });

  it('calls the two-group figure a gap, not a change', () => {
    expect(changeVerdict(figure(3, 3.4, 0.45), tr('nl'), nl, 'gap', 'nl')).toBe('verschil, kan toeval zijn (p = 0,450)');
    expect(changeVerdict(figure(3, 3, 1), tr('nl'), nl, 'gap', 'nl')).toBe('geen verschil');
    expect(changeVerdict(figure(3, 3, 1), tr('en'), en, 'gap', 'en')).toBe('no gap');
  });

  it('shows an unchanged change as 0,00 without a sign', () => {
    expect(formatChange(0.003, nl)).toBe('0,00');
    expect(formatChange(-0.003, nl)).toBe('0,00');
    expect(formatChange(0.4, nl)).toBe('+0,40');
    expect(formatChange(null, nl)).toBe('–');
  });
});

describe('the change table and chart', () => {
  const rows: ChangeRow[] = [
    { key: 'q01', label: '1. Een', figure: figure(3, 3.4, 0.031) },
    { key: 'q02', label: '2. Twee', figure: figure(3, 2.6, 0.45) },
    { key: 'q03', label: '3. Drie', figure: figure(3.2, 3.2, 1) },
  ];

  it('has one verdict per row in the table', () => {
    const t = tr('nl');
    const columns = changeColumns(t, getChartFormat('nl'), { earlier: 'Ronde 1', later: 'Ronde 2', change: t('colChange') }, 'change', 'nl');
    const { container } = render(<DataTable caption="Verandering" columns={columns} rows={rows} getRowKey={(r) => r.key} />);
    expect(Array.from(container.querySelectorAll('thead th')).map((th) => th.textContent)).toEqual(['Stelling', 'Ronde 1', 'Ronde 2', 'Verandering', 'Uitkomst toets']);
    const cells = Array.from(container.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent));
    expect(cells.map((row) => row.slice(2))).toEqual([
      ['+0,40', 'verandering, waarschijnlijk geen toeval (p = 0,031)'],
      ['−0,40', 'verandering, kan toeval zijn (p = 0,450)'],
      ['0,00', 'onveranderd'],
    ]);
  });

  it('labels an unchanged statement "unchanged" in the chart, a change without evidence "could be chance"', () => {
    const t = tr('en');
    const { container } = render(<ChangeChart rows={rows} title="Change" description="d" language="en" uncertainLabel={translate(chartMessages, 'en', 'couldBeChance')} unchangedLabel={t('unchanged')} />);
    const label = (key: string) => container.querySelector(`[data-statement="${key}"] > text:last-of-type`)?.textContent;
    expect(label('q01')).toBe('+0.40');
    expect(label('q02')).toBe('−0.40 could be chance');
    expect(label('q03')).toBe('unchanged');
  });
});

describe('chance on the rounds page and in the two-group comparison', () => {
  it('counts the tests the page runs: every figure with a p', () => {
    expect(countChangeTests([figure(3, 3.4, 0.03), figure(3, 3, null), figure(2, 3, 0.5)])).toBe(2);
  });

  it('says how many changes chance alone gives, in Dutch and English, with plural forms', () => {
    // The demo series: 13 statements × (chain + 3 organisations) = 52 tests.
    expect(comparisonChanceSentence(tr('nl'), 'nl', 52, 'change')).toBe(
      'Deze vergelijking doet 52 toetsen (elke stelling voor de keten en voor elke organisatie); toeval alleen geeft daarbij al hooguit ongeveer 5 veranderingen met p < 0,10, ook als er eigenlijk niets veranderd is.',
    );
    expect(comparisonChanceSentence(tr('nl'), 'nl', 13, 'change')).toContain('hooguit ongeveer 1 verandering met p < 0,10');
    expect(comparisonChanceSentence(tr('en'), 'en', 52, 'change')).toBe(
      'This comparison runs 52 tests (each statement for the chain and for each organisation); chance alone gives at most about 5 changes with p < 0.10 among them, even when nothing in fact changed.',
    );
    expect(comparisonChanceSentence(tr('en'), 'en', 1, 'change')).toBe(
      'This comparison runs 1 test (each statement for the chain and for each organisation); chance alone gives p < 0.10 less than once on average, even when nothing in fact changed.',
    );
    expect(comparisonChanceSentence(tr('en'), 'en', 13, 'gap')).toContain('at most about 1 gap with p < 0.10');
    expect(comparisonChanceSentence(tr('nl'), 'nl', 26, 'gap')).toContain('hooguit ongeveer 3 verschillen met p < 0,10, ook als de twee groepen het eigenlijk eens zijn');
    expect(comparisonChanceSentence(tr('nl'), 'nl', 0, 'gap')).toBeNull();
  });
});
