import { useState } from 'react';
import { chartMessages } from '../../charts/chartMessages';
import { DataTable } from '../../charts/DataTable';
import { getChartFormat } from '../../charts/format';
import type { ScanAnalysis } from '../../domain/analysis';
import type { ComparisonMode } from '../../domain/rounds/compareGroups';
import { CHANGE_EVIDENCE_P } from '../../domain/rounds/compareRounds';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { ChangeChart } from './ChangeChart';
import { changeColumns } from './changeColumns';
import { GROUPS_PARAM, parseComparisonParam, withComparisonParam } from './comparisonParam';
import { GroupPicker } from './GroupPicker';
import { roundsMessages } from './roundsMessages';
import { stageMessages } from './stageMessages';
import { useGroupComparison } from './useGroupComparison';
import './stage.css';

/** Writes the choice into the address without a new history entry (the results filters stay). */
function writeChoice(mode: ComparisonMode | null) {
  const search = withComparisonParam(window.location.search, mode);
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`);
}

/**
 * The report's two-group comparison, when the director chose one: from the gap view's link
 * (`?groups=…`) or the choice above the section, which is not printed (docs/instrument-and-rounds.md,
 * "In the presenter and the report"). The figures are the gap view's, under the same guard; a
 * refused comparison prints why, never a figure. Without a choice nothing of it is printed.
 */
export default function GroupComparisonReport({ scan, analysis }: { scan: Scan; analysis: ScanAnalysis }) {
  const t = useMessages(roundsMessages);
  const ts = useMessages(stageMessages);
  const tc = useMessages(chartMessages);
  const language = useUiStore(selectLanguage);
  const format = getChartFormat(language);
  const [mode, setMode] = useState<ComparisonMode | null>(() => parseComparisonParam(new URLSearchParams(window.location.search).get(GROUPS_PARAM)));
  const view = useGroupComparison(scan, analysis, mode);
  const choose = (next: ComparisonMode | null) => {
    setMode(next);
    writeChoice(next);
  };
  let body = null;
  if (view?.kind === 'withheld') body = <p className="notice">{t('groupsWithheldFilters')}</p>;
  else if (view?.kind === 'refused') body = <p className="notice">{t(`refused_${view.reason}`, { min: view.min })}</p>;
  else if (view?.kind === 'ok') {
    const { nameA: a, nameB: b, rows, result } = view;
    const columns = changeColumns(t, format, { earlier: t('colA', { name: a }), later: t('colB', { name: b }), change: t('colDifference') }, 'gap', language);
    body = (
      <>
        <p>{t('groupsRespondents', { a, b, countA: result.respondentsA, countB: result.respondentsB })}</p>
        {result.excludedOrganisationIds.length > 0 && <p className="notice notice--warning">{t('groupsExcluded', { count: result.excludedOrganisationIds.length, min: view.min })}</p>}
        <p className="hint">{t('groupsLegend', { a, b })}</p>
        <ChangeChart rows={rows} title={t('groupsChartTitle', { a, b })} description={t('groupsChartDescription', { a, b })} language={language} uncertainLabel={tc('couldBeChance')} unchangedLabel={t('noGap')} />
        <div className="report__table">
          <DataTable caption={t('groupsTableCaption', { a, b })} columns={columns} rows={rows} getRowKey={(r) => r.key} note={t('groupsUncertainNote', { zero: format.mean(0), alpha: format.mean(CHANGE_EVIDENCE_P) })} />
        </div>
      </>
    );
  }
  return (
    <section className={`report__section report-stage${mode === null ? ' no-print' : ''}`} aria-labelledby="report-groups-title" data-testid="report-groups">
      <h2 id="report-groups-title">{t('groupsTitle')}</h2>
      <div className="no-print action-panel">
        <p className="hint">{ts('reportGroupsHint')}</p>
        <GroupPicker scan={scan} value={mode} onChange={choose} noneLabel={ts('reportGroupsNone')} className="report-stage__picker" />
      </div>
      {mode !== null && <p className="hint">{t('groupsIntro', { min: scan.settings.minGroupSize })}</p>}
      {body}
    </section>
  );
}
