import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { ScanAnalysis } from '../../domain/analysis';
import { compareGroupsInScan, type ComparisonMode, type GroupComparison } from '../../domain/rounds/compareGroups';
import type { Scan } from '../../domain/types';
import { directorMessages } from '../../i18n/directorMessages';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { loadScanTally } from '../../storage/tallyRepository';
import type { ChangeRow } from './ChangeChart';
import { roundsMessages } from './roundsMessages';

/**
 * A two-group comparison as the gap view computes it (GroupComparison.tsx), for the presenter's
 * slide and the report: the same guard (`compareGroupsInScan` on the stored tally), withheld
 * under a filter on people, a kind filter narrowing the statements, the same row labels.
 * null while the tally loads.
 */
export type GroupComparisonView =
  | { kind: 'withheld' }
  | { kind: 'refused'; reason: Extract<GroupComparison, { ok: false }>['reason']; min: number }
  | { kind: 'ok'; nameA: string; nameB: string; rows: ChangeRow[]; result: Extract<GroupComparison, { ok: true }>; min: number };

export function useGroupComparison(scan: Scan, analysis: ScanAnalysis, mode: ComparisonMode | null): GroupComparisonView | null {
  const t = useMessages(roundsMessages);
  const td = useMessages(directorMessages);
  const localize = useLocalize();
  const tally = useLiveQuery(() => loadScanTally(scan.id), [scan.id], null);
  const { levels, organisationIds, kinds } = analysis.filters;
  const isFilteredOnPeople = levels !== null || organisationIds !== null;
  return useMemo(() => {
    if (mode === null) return null;
    if (isFilteredOnPeople) return { kind: 'withheld' };
    if (!tally) return null;
    const min = scan.settings.minGroupSize;
    const result = compareGroupsInScan(scan, tally, mode);
    if (!result.ok) return { kind: 'refused', reason: result.reason, min };
    const statements = kinds === null ? result.statements : result.statements.filter((s) => kinds.includes(s.item.kind));
    const rows = statements.map((s) => ({ key: s.itemId, label: `${scan.instrument.items.indexOf(s.item) + 1}. ${localize(s.item.text)}`, figure: s.figure }));
    const nameA = mode.kind === 'levels' ? td(`level_${mode.a}`) : (scan.organisations.find((o) => o.id === mode.organisationId)?.name ?? '');
    const nameB = mode.kind === 'levels' ? td(`level_${mode.b}`) : t('restOf');
    return { kind: 'ok', nameA, nameB, rows, result, min };
  }, [mode, isFilteredOnPeople, tally, scan, kinds, localize, td, t]);
}
