import type { AnalysisFilters } from '../../domain/analysis';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { formatList } from '../../i18n/format';
import { organisationList } from './groupLabels';
import { resultsMessages } from './resultsMessages';

/** The active filters in words ("Filter: Management · Politie en Gemeente"), or '' without filters. */
export function useFilterDescription(scan: Scan | null, filters: AnalysisFilters): string {
  const t = useMessages(resultsMessages);
  const td = useMessages(directorMessages);
  const language = useUiStore(selectLanguage);
  const parts: string[] = [];
  if (filters.levels?.length) parts.push(formatList(filters.levels.map((level) => td(`level_${level}`)), language));
  if (scan && filters.organisationIds?.length) parts.push(organisationList(scan, filters.organisationIds, language));
  if (filters.kinds?.length === 1) parts.push(t(filters.kinds[0] === 'thermometer' ? 'filterThermometer' : 'filterThermostat'));
  return parts.length > 0 ? t('filterSummary', { parts: parts.join(' · ') }) : '';
}
