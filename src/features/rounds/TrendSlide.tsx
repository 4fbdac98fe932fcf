import { useEffect, useMemo } from 'react';
import type { SeriesTrend } from '../../domain/rounds/seriesTrend';
import { formatList } from '../../i18n/format';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { pageRows, type StageSlideSpec } from './RoundChangeSlide';
import { stageMessages } from './stageMessages';
import { trendMessages } from './trendMessages';
import type { TrendRow } from './TrendChart';
import { trendRows, useTrendFigure } from './TrendSection';
import { useSeriesTrend, type SeriesTrendState } from './useSeriesTrend';
import './stage.css';

/** Six statements a slide: three panels across the stage, two rows of the compact plot. */
export const TREND_STATEMENTS_PER_SLIDE = 6;

/**
 * The presenter's source of the "Alle rondes" slides, loaded lazily with `import()` (the rounds
 * front's LazyModules): from the third round on, the chain's trend over the rounds up to this one,
 * as the rounds page and the report draw it; it renders nothing and hands the slides to the deck
 * (docs/presenter.md, "Rounds on the slides").
 */
export default function TrendSlides({ scanId, onSlides }: { scanId: string; onSlides: (slides: StageSlideSpec[]) => void }) {
  const slides = useTrendSlides(useSeriesTrend(scanId));
  useEffect(() => onSlides(slides), [slides, onSlides]);
  return null;
}

/** None before the third round; one slide that says so when the rounds could not be read. */
export function useTrendSlides(state: SeriesTrendState | null): StageSlideSpec[] {
  const t = useMessages(trendMessages);
  const ts = useMessages(stageMessages);
  const localize = useLocalize();
  const language = useUiStore(selectLanguage);
  return useMemo(() => {
    if (state === null || state.kind === 'none') return [];
    if (state.kind === 'failed') return [{ id: 'trend-failed', title: ts('trendFailed'), render: () => <p className="slide__lead">{ts('trendFailed')}</p> }];
    const { trend, rounds } = state;
    const pages = pageRows(
      trendRows(trend, 'chain', (item, i) => `${i + 1}. ${localize(item.text)}`),
      TREND_STATEMENTS_PER_SLIDE,
    );
    const respondents = t('respondents', { list: formatList(rounds.map((round, i) => t('respondentsItem', { round, count: trend.respondents[i]! })), language) });
    return pages.map((page, index) => ({
      id: `trend-${index}`,
      title: pages.length > 1 ? `${t('title')} (${index + 1}/${pages.length})` : t('title'),
      render: (showTable: boolean) => <TrendSlide trend={trend} rounds={rounds} rows={page} respondents={respondents} showTable={showTable} />,
    }));
  }, [state, t, ts, localize, language]);
}

/** One slide of the chain's trend: the respondents, the legend, the panels or their table twin. */
function TrendSlide({ trend, rounds, rows, respondents, showTable }: { trend: SeriesTrend; rounds: readonly number[]; rows: readonly TrendRow[]; respondents: string; showTable: boolean }) {
  const { legend, chart, table } = useTrendFigure({ trend, rounds, who: 'chain', size: 'projector', compact: true });
  return (
    <div className="stage-slide" data-testid="trend-slide">
      <p className="stage-slide__lead">{respondents}</p>
      {showTable ? (
        table(rows)
      ) : (
        <>
          <p className="stage-slide__legend">{legend}</p>
          {chart(rows)}
        </>
      )}
    </div>
  );
}
