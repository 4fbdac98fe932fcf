import { POOLED_GROUP_ID, type GroupInfo, type ScanAnalysis } from '../../domain/analysis';
import type { Scan } from '../../domain/types';

/** The name a group is shown under: the organisation's name, or "other partners" for the pool. */
export function labelGroup(group: GroupInfo, pooledLabel: string): string {
  return group.source.kind === 'organisation' ? group.source.name : pooledLabel;
}

export function labelGroupById(analysis: ScanAnalysis, groupId: string, pooledLabel: string): string {
  if (groupId === POOLED_GROUP_ID) return pooledLabel;
  const group = analysis.groups.find((g) => g.id === groupId);
  return group ? labelGroup(group, pooledLabel) : groupId;
}

export function organisationNames(scan: Scan, ids: readonly string[]): string {
  return ids.map((id) => scan.organisations.find((o) => o.id === id)?.name ?? id).join(', ');
}
