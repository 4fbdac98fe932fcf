import { labelGroup } from '../../charts/model/chartData';
import { POOLED_GROUP_ID, type ScanAnalysis } from '../../domain/analysis';
import type { Scan } from '../../domain/types';

/** A group's name by its id, as the analysis's extremes (highest, lowest) refer to groups. */
export function labelGroupById(analysis: ScanAnalysis, groupId: string, pooledLabel: string): string {
  if (groupId === POOLED_GROUP_ID) return pooledLabel;
  const group = analysis.groups.find((g) => g.id === groupId);
  return group ? labelGroup(group, pooledLabel) : groupId;
}

export function organisationNames(scan: Scan, ids: readonly string[]): string {
  return ids.map((id) => scan.organisations.find((o) => o.id === id)?.name ?? id).join(', ');
}
