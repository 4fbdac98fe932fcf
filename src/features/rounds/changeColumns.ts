import type { DataTableColumn } from '../../charts/DataTable';
import type { getChartFormat } from '../../charts/format';
import { pMethodLabel } from '../../charts/pMethod';
import type { ChangeFigure } from '../../domain/rounds/compareRounds';
import type { Language } from '../../domain/types';
import type { Translate } from '../../i18n/useMessages';
import type { ChangeRow } from './ChangeChart';
import type { roundsMessages } from './roundsMessages';

/**
 * The table beside a change chart: statement, the two sides' means with n, the difference and
 * how certain it is. The change between rounds and the comparison of two groups within one scan
 * (src/features/results/views/GroupComparison.tsx) show the same table under their own headers.
 */
export function changeColumns(
  t: Translate<typeof roundsMessages.nl>,
  format: ReturnType<typeof getChartFormat>,
  headers: { earlier: string; later: string; change: string },
  language: Language,
): DataTableColumn<ChangeRow>[] {
  const meanWithN = (mean: number | null, n: number) => t('meanWithN', { mean: format.meanPrecise(mean), n });
  return [
    { id: 'statement', header: t('colStatement'), isRowHeader: true, render: (r) => r.label },
    { id: 'earlier', header: headers.earlier, isNumeric: true, render: (r) => meanWithN(r.figure.earlierMean, r.figure.earlierN) },
    { id: 'later', header: headers.later, isNumeric: true, render: (r) => meanWithN(r.figure.laterMean, r.figure.laterN) },
    { id: 'change', header: headers.change, isNumeric: true, render: (r) => formatChange(r.figure.change, format) },
    { id: 'evidence', header: t('colEvidence'), render: (r) => evidence(r.figure, t, format, language) },
  ];
}

/** A change with its sign (+0.40, −0.25), or a dash where one side has no answers. */
export function formatChange(value: number | null, format: ReturnType<typeof getChartFormat>): string {
  return value === null ? '–' : `${value > 0 ? '+' : ''}${format.meanPrecise(value)}`;
}

function evidence(figure: ChangeFigure, t: Translate<typeof roundsMessages.nl>, format: ReturnType<typeof getChartFormat>, language: Language): string {
  if (figure.p === null) return t('uncertainNoTest');
  // The method beside p (docs/analysis.md, "Which p-value"): "p = 0,06, exact".
  const method = pMethodLabel(language, figure.pMethod ? { method: figure.pMethod, pError: figure.pError } : null);
  const p = method ? `${format.meanPrecise(figure.p)}, ${method}` : format.meanPrecise(figure.p);
  return figure.isUncertain ? t('uncertain', { p }) : t('certain', { p });
}
