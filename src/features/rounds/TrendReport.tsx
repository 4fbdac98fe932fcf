import { formatList } from '../../i18n/format';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { useTrendFigure } from './TrendSection';
import type { SeriesTrend } from '../../domain/rounds/seriesTrend';
import { trendMessages } from './trendMessages';
import { useSeriesTrend } from './useSeriesTrend';
import './stage.css';

/**
 * The report's section "Alle rondes": from the third round on, the chain's trend over the rounds
 * up to this one, as the rounds page draws it, with its table (docs/instrument-and-rounds.md,
 * "In the presenter and the report"). Loaded lazily by the report and read on its own: the
 * report puts it in a PagePart, which says so when reading fails.
 */
export default function TrendReport({ scanId }: { scanId: string }) {
  const t = useMessages(trendMessages);
  const language = useUiStore(selectLanguage);
  const state = useSeriesTrend(scanId);
  if (state === null || state.kind === 'none') return null;
  if (state.kind === 'failed') throw new Error(state.detail);
  const { trend, rounds } = state;
  return (
    <section className="report__section report__view report-stage" aria-labelledby="report-trend-title" data-testid="report-trend">
      <h2 id="report-trend-title">{t('title')}</h2>
      <p className="hint">{t('reportIntro')}</p>
      <p>{t('respondents', { list: formatList(rounds.map((round, i) => t('respondentsItem', { round, count: trend.respondents[i]! })), language) })}</p>
      <TrendChartAndTable trend={trend} rounds={rounds} />
    </section>
  );
}

/** Both at once, as every view of the report: a printed page has no button to switch. */
function TrendChartAndTable({ trend, rounds }: { trend: SeriesTrend; rounds: readonly number[] }) {
  const { legend, chart, table } = useTrendFigure({ trend, rounds, who: 'chain' });
  return (
    <>
      <p className="trend__legend">{legend}</p>
      {chart()}
      <div className="report__table">{table()}</div>
    </>
  );
}
