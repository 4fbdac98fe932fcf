import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { chartMessages } from '../../charts/chartMessages';
import { DataTable } from '../../charts/DataTable';
import { getChartFormat } from '../../charts/format';
import type { ScanAnalysis } from '../../domain/analysis';
import type { ComparisonMode } from '../../domain/rounds/compareGroups';
import { CHANGE_EVIDENCE_P } from '../../domain/rounds/compareRounds';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { ChangeChart, type ChangeRow } from './ChangeChart';
import { changeColumns } from './changeColumns';
import { defaultComparison, GroupPicker } from './GroupPicker';
import { pageRows, type StageSlideSpec } from './RoundChangeSlide';
import { roundsMessages } from './roundsMessages';
import { stageMessages } from './stageMessages';
import { useGroupComparison, type GroupComparisonView } from './useGroupComparison';
import './stage.css';

/**
 * The presenter's source of the two-group comparison slides, loaded lazily with `import()`: the
 * director picks two groups on the first slide (keyboard: Tab to a select, arrows to choose), and
 * the figures are the gap view's for the same two groups, under the same guard
 * (docs/presenter.md, "Rounds on the slides"). A refused comparison shows why, never a figure.
 */
export default function GroupComparisonSlides({ scan, analysis, onSlides }: { scan: Scan; analysis: ScanAnalysis; onSlides: (slides: StageSlideSpec[]) => void }) {
  const [mode, setMode] = useState<ComparisonMode>(() => defaultComparison(scan));
  const view = useGroupComparison(scan, analysis, mode);
  const ts = useMessages(stageMessages);
  const language = useUiStore(selectLanguage);
  const slides = useMemo((): StageSlideSpec[] => {
    const picker = <GroupPicker scan={scan} value={mode} onChange={(next) => next && setMode(next)} className="stage-slide__picker" />;
    const pages = view?.kind === 'ok' ? pageRows(view.rows) : [[]];
    const title = ts('groupsSlideTitle');
    return pages.map((page, index) => ({
      // The first slide keeps its id whatever the choice: the heading's focus stays in the select.
      id: `groups-${index}`,
      title: pages.length > 1 ? `${title} (${index + 1}/${pages.length})` : title,
      render: (showTable: boolean) => <GroupComparisonSlide view={view} rows={page} picker={index === 0 ? picker : null} showTable={showTable} language={language} />,
    }));
  }, [scan, mode, view, ts, language]);
  useEffect(() => onSlides(slides), [slides, onSlides]);
  return null;
}

function GroupComparisonSlide({ view, rows, picker, showTable, language }: { view: GroupComparisonView | null; rows: readonly ChangeRow[]; picker: ReactNode; showTable: boolean; language: Parameters<typeof getChartFormat>[0] }) {
  const t = useMessages(roundsMessages);
  const ts = useMessages(stageMessages);
  const tc = useMessages(chartMessages);
  const format = getChartFormat(language);
  let body = null;
  if (view?.kind === 'withheld') body = <p className="stage-slide__lead">{t('groupsWithheldFilters')}</p>;
  else if (view?.kind === 'refused') body = <p className="stage-slide__lead" data-testid="groups-refused">{t(`refused_${view.reason}`, { min: view.min })}</p>;
  else if (view?.kind === 'ok') {
    const { nameA: a, nameB: b, result } = view;
    const columns = changeColumns(t, format, { earlier: t('colA', { name: a }), later: t('colB', { name: b }), change: t('colDifference') }, 'gap', language);
    body = (
      <>
        <p className="stage-slide__lead">
          {t('groupsRespondents', { a, b, countA: result.respondentsA, countB: result.respondentsB })}
          {result.excludedOrganisationIds.length > 0 && <> · {t('groupsExcluded', { count: result.excludedOrganisationIds.length, min: view.min })}</>}
        </p>
        {showTable ? (
          <DataTable caption={t('groupsTableCaption', { a, b })} columns={columns} rows={rows} getRowKey={(r) => r.key} note={t('groupsUncertainNote', { zero: format.mean(0), alpha: format.mean(CHANGE_EVIDENCE_P) })} />
        ) : (
          <>
            <p className="stage-slide__legend">{ts('groupsLegend', { a, b })}</p>
            <ChangeChart rows={rows} title={t('groupsChartTitle', { a, b })} description={t('groupsChartDescription', { a, b })} language={language} uncertainLabel={tc('couldBeChance')} unchangedLabel={t('noGap')} size="projector" />
          </>
        )}
      </>
    );
  }
  return (
    <div className="stage-slide" data-testid="groups-slide">
      {picker && (
        <>
          <p className="stage-slide__hint">{ts('groupsPick')}</p>
          {picker}
        </>
      )}
      {body}
    </div>
  );
}
