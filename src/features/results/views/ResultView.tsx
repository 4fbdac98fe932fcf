import { useMemo, useState, type ReactNode } from 'react';
import { ChartFrame } from '../../../charts/ChartFrame';
import { DistributionTable, DivergingBars } from '../../../charts/DivergingBars';
import { GapDotPlot, GapTable } from '../../../charts/GapDotPlot';
import { Heatmap, HeatmapTable } from '../../../charts/Heatmap';
import { IndexScatter, IndexScatterTable } from '../../../charts/IndexScatter';
import { KeywordCloud, KeywordTable } from '../../../charts/KeywordCloud';
import { KnobList, KnobTable } from '../../../charts/KnobList';
import { ThermometerChart, ThermometerTable } from '../../../charts/ThermometerChart';
import { ThermostatDial, ThermostatDialTable } from '../../../charts/ThermostatDial';
import { ChartFrameContext } from '../../../charts/frameContext';
import type { ChartSize } from '../../../charts/theme';
import {
  buildDimensionSettings,
  buildDistributionRows,
  buildGapRows,
  buildHeatmap,
  buildIndexColumns,
  buildIndexPoints,
  buildKeywordCounts,
  buildKnobRows,
  describeGroups,
  type ChartLabels,
  type GapSort,
} from '../../../charts/model/chartData';
import { collectFreeTexts, type ScanAnalysis } from '../../../domain/analysis';
import { askedExtras } from '../../../domain/extras';
import type { Response, Scan } from '../../../domain/types';
import { useLocalize, useMessages } from '../../../i18n/useMessages';
import { directorMessages } from '../../../i18n/directorMessages';
import { selectLanguage, useUiStore } from '../../../state/uiStore';
import { ChanceNote } from '../ChanceNote';
import { PagePart, preloadablePart } from '../../../ui/failures';
import { chartMessages } from '../../../charts/chartMessages';
import { resultsMessages } from '../resultsMessages';

import { FreeTextsView } from './FreeTextsView';
import { useFreeTexts } from '../useScanResults';
import type { ResultViewId } from './viewIds';

export { isResultViewId, RESULT_VIEW_IDS, type ResultViewId } from './viewIds';

// The comparison of two groups reads the responses and brings the rank test: loaded when the gap view is on screen.
const GroupComparison = preloadablePart(() => import('../../rounds/GroupComparison'));

/** A part of a view that fits one projector slide. */
export interface ResultViewPage {
  /** Only these statements (gap, distribution, heatmap). */
  statementIds?: readonly string[];
  /** Only these dimensions (thermostat dial). */
  dimensionIds?: readonly string[];
  /** The thermostat view as two slides: the dial, then the knobs. */
  part?: 'dial' | 'knobs';
}

export interface ResultViewProps {
  viewId: ResultViewId;
  scan: Scan;
  analysis: ScanAnalysis;
  size: ChartSize;
  /** Start with the table instead of the chart (presenter key T). */
  showTable: boolean;
  page?: ResultViewPage;
  /** Without the frame (heading, table toggle, save buttons): slides and the printed report. */
  bare?: boolean;
  /** The responses behind the analysis: the "what people wrote" view needs their texts. */
  responses?: readonly Response[];
}

const IN_FRAME = { isInFrame: true };

// The screen's choices; 'evidence' is the slides' order.
const GAP_SORTS: readonly Exclude<GapSort, 'evidence'>[] = ['gap', 'mean', 'statement'];

/** One results view: the chart drawn from the analysis, its table, and save-as buttons. */
export function ResultView({ viewId, scan, analysis: fullAnalysis, size, showTable, page, bare = size === 'projector', responses }: ResultViewProps) {
  const t = useMessages(resultsMessages);
  const td = useMessages(directorMessages);
  const tc = useMessages(chartMessages);
  const localize = useLocalize();
  const language = useUiStore(selectLanguage);
  const [gapSort, setGapSort] = useState<GapSort>('gap');
  const [onlyDiscussionPoints, setOnlyDiscussionPoints] = useState(false);
  const analysis = useMemo(() => {
    const ids = page?.statementIds;
    if (!ids) return fullAnalysis;
    return { ...fullAnalysis, statements: fullAnalysis.statements.filter((st) => ids.includes(st.itemId)) };
  }, [fullAnalysis, page?.statementIds]);
  const labels: ChartLabels = useMemo(() => ({ chain: tc('chain'), pooledGroup: td('pooledGroup'), localize }), [tc, td, localize]);
  const groups = useMemo(() => describeGroups(analysis, labels), [analysis, labels]);
  const title = t(`chartTitle_${viewId}`);
  const common = { title, language, size };
  const initialView = showTable ? ('table' as const) : ('chart' as const);
  // The frame remounts when the presenter toggles the table, so the toggle always shows the chosen side.
  const frame = { title, language, initialView, key: `${viewId}-${initialView}`, fileName: `ketenscan-${viewId}` };
  // On the projector the slide carries the title and the keys switch chart/table: no toolbar.
  const framed = (chart: ReactNode, table: ReactNode, options: { title?: string; canExport?: boolean; key?: string } = {}) =>
    bare ? (
      // The slide's heading is the title: captions stay for screen readers only, as in a frame.
      <ChartFrameContext.Provider value={IN_FRAME} key={options.key ?? viewId}>
        <div className="result-view__slide">{showTable ? table : chart}</div>
      </ChartFrameContext.Provider>
    ) : (
      <ChartFrame {...frame} {...options} table={table}>
        {chart}
      </ChartFrame>
    );

  switch (viewId) {
    case 'thermometer': {
      const columns = buildIndexColumns(analysis, 'thermometer', labels);
      const chainMean = analysis.chain.thermometer.value;
      return framed(<ThermometerChart {...common} columns={columns} chainMean={chainMean} />, <ThermometerTable title={title} language={language} columns={columns} />);
    }
    case 'thermostat': {
      const dimensions = buildDimensionSettings(analysis, scan.instrument, 'thermostat', labels).filter(
        (d) => !page?.dimensionIds || page.dimensionIds.includes(d.id),
      );
      const knobs = buildKnobRows(analysis, scan.instrument, labels).filter((k) => k.rank !== null);
      const knobTitle = t('chartTitle_knobs');
      const maxItems = size === 'projector' ? 4 : undefined;
      const dial = framed(
        <ThermostatDial {...common} groups={groups} dimensions={dimensions} chainLabel={labels.chain} />,
        <ThermostatDialTable {...common} groups={groups} dimensions={dimensions} chainLabel={labels.chain} />,
      );
      const knobList = framed(
        <KnobList title={knobTitle} language={language} size={size} knobs={knobs} maxItems={maxItems} />,
        <KnobTable title={knobTitle} language={language} knobs={knobs} maxItems={maxItems} />,
        { title: knobTitle, canExport: false, key: `knobs-${initialView}` },
      );
      if (page?.part === 'dial') return dial;
      if (page?.part === 'knobs') return knobList;
      return (
        <div className="result-view result-view--thermostat">
          {dial}
          {knobList}
        </div>
      );
    }
    case 'gap': {
      // The projector shows the large gaps (discussion points, and those that could be chance,
      // marked apart) in the order the slides split them: by evidence (docs/presenter.md).
      const isProjector = size === 'projector';
      const all = buildGapRows(analysis, scan.instrument, labels, isProjector ? 'evidence' : gapSort);
      const largeGaps = all.filter((r) => r.isDiscussionPoint || r.isUncertainDifference);
      const rows = onlyDiscussionPoints ? all.filter((r) => r.isDiscussionPoint) : isProjector ? largeGaps : all;
      return (
        <div className="result-view">
          {!bare && (
            <div className="view-controls">
              <label className="field field--inline">
                <span className="field__label">{t('sortLabel')}</span>
                <select value={gapSort} onChange={(e) => setGapSort(e.target.value as GapSort)}>
                  {GAP_SORTS.map((sort) => (
                    <option key={sort} value={sort}>
                      {t(`sort_${sort}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="checkbox">
                <input type="checkbox" checked={onlyDiscussionPoints} onChange={(e) => setOnlyDiscussionPoints(e.target.checked)} />
                <span>{t('discussionPointsOnly')}</span>
              </label>
            </div>
          )}
          {framed(<GapDotPlot {...common} groups={groups} rows={rows.length > 0 ? rows : all} />, <GapTable {...common} groups={groups} rows={rows.length > 0 ? rows : all} />)}
          {isProjector && (
            <div className="result-view__notes">
              <p className="hint" data-testid="gap-order">
                {t(largeGaps.length > 0 ? 'gapSlideOrder' : 'gapSlideOrderByGap')}
              </p>
              <ChanceNote analysis={fullAnalysis} />
            </div>
          )}
          {!bare && size === 'screen' && (
            <PagePart name={t('reportGroupsPart')}>
              <GroupComparison scan={scan} analysis={fullAnalysis} />
            </PagePart>
          )}
        </div>
      );
    }
    case 'distribution': {
      const rows = buildDistributionRows(analysis, scan.instrument, labels);
      return framed(<DivergingBars {...common} rows={rows} />, <DistributionTable {...common} rows={rows} />);
    }
    case 'heatmap': {
      const heatmap = buildHeatmap(analysis, scan.instrument, labels);
      return framed(
        <Heatmap {...common} groups={heatmap.columns} rows={heatmap.rows} chainLabel={labels.chain} />,
        <HeatmapTable {...common} groups={heatmap.columns} rows={heatmap.rows} chainLabel={labels.chain} />,
      );
    }
    case 'scatter': {
      const points = buildIndexPoints(analysis, labels);
      // A square plot: on a 1080-high slide its width must leave room for the axis labels.
      return framed(<IndexScatter {...common} points={points} groups={groups} width={size === 'projector' ? 1100 : undefined} maxSide={size === 'projector' ? 600 : undefined} />, <IndexScatterTable {...common} points={points} />);
    }
    case 'texts': {
      return responses ? (
        <FreeTextsView scan={scan} analysis={analysis} texts={collectFreeTexts(responses, analysis, askedExtras(scan.settings))} />
      ) : (
        <StoredTextsView scan={scan} analysis={analysis} />
      );
    }
    case 'keywords': {
      const words = askedExtras(scan.settings).keywords ? buildKeywordCounts(analysis) : [];
      if (words.length === 0) return <p className="notice">{t('noKeywords')}</p>;
      return framed(<KeywordCloud {...common} words={words} />, <KeywordTable {...common} words={words} />);
    }
  }
}

/**
 * What people wrote, read from the responses only when this view is open: the figures come from
 * the stored tally and never wait for the texts (docs/scale.md).
 */
function StoredTextsView({ scan, analysis }: { scan: Scan; analysis: ScanAnalysis }) {
  const texts = useFreeTexts(scan.id, analysis, askedExtras(scan.settings));
  if (!texts) return null;
  return <FreeTextsView scan={scan} analysis={analysis} texts={texts} />;
}
