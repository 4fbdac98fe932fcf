import { listGapStatements, POOLED_GROUP_ID, type ScanAnalysis } from '../../domain/analysis';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { formatList } from '../../i18n/format';
import { organisationList } from './groupLabels';
import { resultsMessages } from './resultsMessages';

/** Who is counted and what the anonymity guard did: said in words before any chart. */
export function ResultsSummary({ scan, analysis }: { scan: Scan; analysis: ScanAnalysis }) {
  const t = useMessages(resultsMessages);
  const td = useMessages(directorMessages);
  const { anonymity, totals } = analysis;
  const language = useUiStore(selectLanguage);
  const { discussionPoints, uncertainDifferences } = listGapStatements(analysis.statements);
  return (
    <div className="results-summary">
      <ul className="results-summary__figures">
        <li>{t('summaryRespondents', { count: totals.countedResponses })}</li>
        <li>{t('summaryGroups', { count: analysis.groups.length })}</li>
        <li>{t('summaryDiscussionPoints', { count: discussionPoints.length })}</li>
        {/* "0 large gaps that could be chance" tells nobody anything: the line stands when there are some. */}
        {uncertainDifferences.length > 0 && <li>{t('summaryUncertain', { count: uncertainDifferences.length })}</li>}
        {totals.excludedByFilters > 0 && <li>{t('summaryFiltered', { count: totals.excludedByFilters })}</li>}
      </ul>
      {anonymity.pooledOrganisationIds.length > 0 && (
        <p className="notice">{t('anonymityPooled', { names: organisationList(scan, anonymity.pooledOrganisationIds, language), count: anonymity.pooledOrganisationIds.length, min: anonymity.minGroupSize })}</p>
      )}
      {anonymity.suppressedOrganisationIds.length > 0 && (
        <p className="notice notice--warning">
          {t('anonymitySuppressed', {
            count: anonymity.suppressedOrganisationIds.length,
            respondents: anonymity.suppressedRespondents,
            names: organisationList(scan, anonymity.suppressedOrganisationIds, language),
          })}
        </p>
      )}
      {analysis.withheldByFilter.length > 0 && (
        <p className="notice notice--warning" data-testid="filter-withheld">
          {t('anonymityFilterWithheld', {
            names: formatList(analysis.withheldByFilter.map((g) => (g.groupId === POOLED_GROUP_ID ? td('pooledGroup') : organisationList(scan, [g.groupId], language))), language),
            count: analysis.withheldByFilter.length,
            min: anonymity.minGroupSize,
          })}
        </p>
      )}
    </div>
  );
}
