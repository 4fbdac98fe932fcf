import { labelGroup } from '../../charts/model/chartData';
import { POOLED_GROUP_ID, type ScanAnalysis } from '../../domain/analysis';
import type { Language, Scan } from '../../domain/types';
import { formatList } from '../../i18n/format';

/** A group's name by its id, as the analysis's extremes (highest, lowest) refer to groups. */
export function labelGroupById(analysis: ScanAnalysis, groupId: string, pooledLabel: string): string {
  if (groupId === POOLED_GROUP_ID) return pooledLabel;
  const group = analysis.groups.find((g) => g.id === groupId);
  return group ? labelGroup(group, pooledLabel) : groupId;
}

const nameOf = (scan: Scan, id: string) => scan.organisations.find((o) => o.id === id)?.name ?? id;

/** Organisation names as an enumeration: "Politie, Parlan" (after "=" or in a filter line). */
export function organisationNames(scan: Scan, ids: readonly string[]): string {
  return ids.map((id) => nameOf(scan, id)).join(', ');
}

/** Organisation names inside a sentence, joined the language's way: "Politie en Parlan" (docs/language.md). */
export function organisationList(scan: Scan, ids: readonly string[], language: Language): string {
  return formatList(ids.map((id) => nameOf(scan, id)), language);
}
