import type { AnalysisFilters } from '../../domain/analysis';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { respondMessages } from '../respond/respondMessages';
import { organisationNames } from './groupLabels';
import { resultsMessages } from './resultsMessages';

/** The active filters in words ("Filter: Management · Politie, Gemeente"), or '' without filters. */
export function useFilterDescription(scan: Scan | null, filters: AnalysisFilters): string {
  const t = useMessages(resultsMessages);
  const tr = useMessages(respondMessages);
  const parts: string[] = [];
  if (filters.levels?.length) parts.push(filters.levels.map((level) => tr(`level_${level}`)).join(', '));
  if (scan && filters.organisationIds?.length) parts.push(organisationNames(scan, filters.organisationIds));
  if (filters.kinds?.length === 1) parts.push(t(filters.kinds[0] === 'thermometer' ? 'filterThermometer' : 'filterThermostat'));
  return parts.length > 0 ? t('filterSummary', { parts: parts.join(' · ') }) : '';
}
