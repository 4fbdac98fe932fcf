import type { ReactNode } from 'react';
import type { DataTableColumn } from '../../charts/DataTable';
import { getChartFormat } from '../../charts/format';
import { flagsByChance } from '../../domain/analysis';
import { pMethodLabel } from '../../charts/pMethod';
import { CHANGE_EVIDENCE_P, type ChangeFigure, type NotComparedPartner } from '../../domain/rounds/compareRounds';
import type { Language } from '../../domain/types';
import { translate } from '../../i18n/defineMessages';
import { formatList } from '../../i18n/format';
import type { Translate } from '../../i18n/useMessages';
import { chartMessages } from '../../charts/chartMessages';
import type { ChangeRow } from './ChangeChart';
import type { roundsMessages } from './roundsMessages';

/**
 * What the two sides of a change table are: two rounds ('change': later − earlier) or two groups
 * within one scan ('gap': B − A). The verdict names the figure with its own word
 * (docs/analysis.md, "Words: one per meaning").
 */
export type ChangeKind = 'change' | 'gap';

/**
 * The table beside a change chart: statement, the two sides' means with n, the difference and
 * the test's verdict. The change between rounds and the comparison of two groups within one scan
 * (GroupComparison.tsx, the results page's gap view) show the same table under their own headers.
 */
export function changeColumns(
  t: Translate<typeof roundsMessages.nl>,
  format: ReturnType<typeof getChartFormat>,
  headers: { earlier: string; later: string; change: string },
  kind: ChangeKind,
  language: Language,
): DataTableColumn<ChangeRow>[] {
  // A withheld side reads as such, never as "– (n=0)" (docs/analysis.md, "Too few scores").
  const tooFewScores = translate(chartMessages, language, 'tooFewScores');
  const meanWithN = (mean: number | null, n: number, tooFew?: boolean) => (tooFew ? tooFewScores : t('meanWithN', { mean: format.mean(mean), n }));
  return [
    { id: 'statement', header: translate(chartMessages, language, 'statement'), isRowHeader: true, render: (r) => r.label },
    { id: 'earlier', header: headers.earlier, isNumeric: true, render: (r) => meanWithN(r.figure.earlierMean, r.figure.earlierN, r.figure.earlierTooFew) },
    { id: 'later', header: headers.later, isNumeric: true, render: (r) => meanWithN(r.figure.laterMean, r.figure.laterN, r.figure.laterTooFew) },
    { id: 'change', header: headers.change, isNumeric: true, render: (r) => formatChange(r.figure.change, format) },
    { id: 'evidence', header: t('colEvidence'), render: (r) => changeVerdict(r.figure, t, format, kind, language) },
  ];
}

/** A change with its sign (+0.40, −0.25), 0.00 without one, or a dash where one side has no answers. */
export function formatChange(value: number | null, format: ReturnType<typeof getChartFormat>): string {
  if (isShownUnchanged(value, format)) return format.mean(0);
  return format.change(value);
}

/** The change reads as zero where it is shown (0.00): "unchanged", whatever its p. */
export function isShownUnchanged(value: number | null, format: ReturnType<typeof getChartFormat>): boolean {
  return value !== null && format.mean(Math.abs(value)) === format.mean(0);
}

/**
 * The verdict on one change: "unchanged" (no gap) when it reads 0.00; otherwise the change (gap)
 * with "unlikely to be chance" (p < 0.10) or "could be chance", and its p; "no test" without one.
 */
export function changeVerdict(
  figure: ChangeFigure,
  t: Translate<typeof roundsMessages.nl>,
  format: ReturnType<typeof getChartFormat>,
  kind: ChangeKind,
  language: Language,
): string {
  if (figure.earlierTooFew || figure.laterTooFew) return t('verdictTooFew');
  if (isShownUnchanged(figure.change, format)) return t(kind === 'change' ? 'unchanged' : 'noGap');
  const what = t(kind === 'change' ? 'changeNoun' : 'gapNoun');
  if (figure.p === null) return t('verdictNoTest', { what });
  // The method beside p (docs/analysis.md, "Which p-value"): "p = 0,060, exact".
  const method = pMethodLabel(language, figure.pMethod ? { method: figure.pMethod, pError: figure.pError } : null);
  // "p = 0,031" or, below what is shown, "p < 0,001" (never "p = < 0,001").
  const p = method ? `${format.pStatement(figure.p)}, ${method}` : format.pStatement(figure.p);
  return figure.isUncertain ? t('verdictChance', { what, p }) : t('verdictEvidence', { what, p });
}

/** The tests behind a comparison: every figure with a p (the chain's and each group's). */
export function countChangeTests(figures: readonly ChangeFigure[]): number {
  return figures.filter((f) => f.p !== null).length;
}

/**
 * What p < 0.10 means for this many tests, in one sentence: how many flags chance alone gives
 * when nothing changed (rounds) or the two groups agree (docs/analysis.md, "Chance in plain
 * words"). Null without a test.
 */
export function comparisonChanceSentence(t: Translate<typeof roundsMessages.nl>, language: Language, tests: number, kind: ChangeKind): string | null {
  const chance = flagsByChance(tests);
  if (chance.tests === 0) return null;
  // count 0 is "less than once" (belowOne); the plural rules pick the rest (src/i18n/defineMessages.ts).
  return t(kind === 'change' ? 'chanceRounds' : 'chanceGroups', { tests: chance.tests, count: chance.count, alpha: getChartFormat(language).mean(CHANGE_EVIDENCE_P) });
}

/**
 * The cells of one change as the rounds page's table shows them (each side's mean with n, the
 * change, the test's verdict), for a part that says a change in words beside something else: the
 * follow-up of agreements (docs/agreements.md, "Follow-up in the next round").
 */
export function changeCells(t: Translate<typeof roundsMessages.nl>, language: Language): (row: ChangeRow) => { earlier: ReactNode; later: ReactNode; change: ReactNode; evidence: ReactNode } {
  const columns = changeColumns(t, getChartFormat(language), { earlier: '', later: '', change: '' }, 'change', language);
  const cell = (id: string, row: ChangeRow) => columns.find((c) => c.id === id)!.render(row);
  return (row) => ({ earlier: cell('earlier', row), later: cell('later', row), change: cell('change', row), evidence: cell('evidence', row) });
}

/**
 * Why a partner is not compared, in the rounds page's sentence: the page, the presenter's slide
 * and the report say it in the same words (docs/instrument-and-rounds.md, "Partners that change").
 */
export function notComparedSentence(
  partner: NotComparedPartner,
  t: Translate<typeof roundsMessages.nl>,
  context: { pooledGroup: string; earlier: number; later: number; minGroupSize: number; language: Language },
): string {
  const { pooledGroup, earlier, later, minGroupSize, language } = context;
  return t(`notCompared_${partner.reason}`, {
    name: partner.name ?? pooledGroup,
    others: formatList(partner.others, language),
    earlier,
    later,
    min: minGroupSize,
    rounds: formatList(partner.tooFewIn.map((r) => String(r === 'earlier' ? earlier : later)), language),
  });
}
