import { getChartFormat } from '../../charts/format';
import { INDICATIVE_BELOW, listGapStatements, POOLED_GROUP_ID, type ScanAnalysis } from '../../domain/analysis';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { ChanceNote } from './ChanceNote';
import { organisationNames } from './groupLabels';
import { resultsMessages } from './resultsMessages';

/** Who is counted and what the anonymity guard did: said in words before any chart. */
export function ResultsSummary({ scan, analysis }: { scan: Scan; analysis: ScanAnalysis }) {
  const t = useMessages(resultsMessages);
  const { anonymity, totals } = analysis;
  const format = getChartFormat(useUiStore(selectLanguage));
  const { discussionPoints, uncertainDifferences } = listGapStatements(analysis.statements);
  return (
    <div className="results-summary">
      <ul className="results-summary__figures">
        <li>{t('summaryRespondents', { count: totals.countedResponses })}</li>
        <li>{t('summaryGroups', { count: analysis.groups.length })}</li>
        <li>{t('summaryDiscussionPoints', { count: discussionPoints.length })}</li>
        <li>{t('summaryUncertain', { count: uncertainDifferences.length })}</li>
        {totals.excludedByFilters > 0 && <li>{t('summaryFiltered', { count: totals.excludedByFilters })}</li>}
      </ul>
      {anonymity.pooledOrganisationIds.length > 0 && (
        <p className="notice">{t('anonymityPooled', { names: organisationNames(scan, anonymity.pooledOrganisationIds), min: anonymity.minGroupSize })}</p>
      )}
      {anonymity.suppressedOrganisationIds.length > 0 && (
        <p className="notice notice--warning">
          {t('anonymitySuppressed', {
            count: anonymity.suppressedOrganisationIds.length,
            respondents: anonymity.suppressedRespondents,
            names: organisationNames(scan, anonymity.suppressedOrganisationIds),
          })}
        </p>
      )}
      {analysis.withheldByFilter.length > 0 && (
        <p className="notice notice--warning" data-testid="filter-withheld">
          {t('anonymityFilterWithheld', {
            names: analysis.withheldByFilter.map((g) => (g.groupId === POOLED_GROUP_ID ? t('pooledGroup') : organisationNames(scan, [g.groupId]))).join(', '),
            min: anonymity.minGroupSize,
          })}
        </p>
      )}
      {/* What the marks mean, one click away: above the chart they took the first screen at 1280×800 (issue 25). */}
      <details className="results-summary__about">
        <summary>{t('aboutMarks')}</summary>
        <p className="hint">{t('evidenceExplained', { gap: format.mean(analysis.settings.gapThreshold) })}</p>
        <ChanceNote analysis={analysis} />
        {analysis.groups.some((g) => g.isIndicative) && <p className="hint">{t('anonymityIndicative', { n: INDICATIVE_BELOW })}</p>}
      </details>
    </div>
  );
}
