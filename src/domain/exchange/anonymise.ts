import { formGroups } from '../analysis/groups';
import { isSubmitted } from './convert';
import type { Level, Organisation, Response, Scan, SubmittedResponse } from '../types';

// The export for sharing beyond the chain director (docs/shared-devices.md, "Exports"). The
// plain JSON export moves everything between the director's own devices; this one holds no
// more than the results views show:
// - organisations under the minimum group size are pooled into "other partners" when together
//   they reach it, and left out (with their answers) when they do not, exactly as the views do;
// - a respondent's level is kept in a group only when every level there has 0 or at least the
//   minimum number of respondents, and so has the rest of the group (the views' filter rule),
//   otherwise a level would single out fewer people than the guard allows;
// - times are cut to the day, so the order of arrival cannot tie an answer to a person;
// - comments and improvement points of pooled respondents are left out: words can name the
//   organisation that the pooling hides.

export interface AnonymiseOptions {
  /** Display name of the pooled group, in the director's language ("Overige partners"). */
  pooledName: string;
  /** Appended to the scan title, so nobody mistakes the file for the full export. */
  titleSuffix: string;
}

export interface AnonymisationReport {
  pooledOrganisationIds: string[];
  leftOutOrganisationIds: string[];
  leftOutRespondents: number;
  /** Organisation (or pooled group) ids in which levels were removed. */
  levelsRemovedIn: string[];
  /** Responses whose comments or improvement point were removed. */
  freeTextsRemoved: number;
}

export interface AnonymisedScan {
  scan: Scan;
  responses: SubmittedResponse[];
  report: AnonymisationReport;
}

const POOLED_ID_BASE = 'overige-partners';

export function anonymiseForSharing(scan: Scan, responses: readonly Response[], options: AnonymiseOptions): AnonymisedScan {
  const min = scan.settings.minGroupSize;
  const submitted = responses.filter((r): r is SubmittedResponse => isSubmitted(r) && r.scanId === scan.id);
  const indexOf = new Map(scan.organisations.map((o, i) => [o.id, i]));
  const counts = new Int32Array(scan.organisations.length);
  for (const r of submitted) {
    const index = indexOf.get(r.organisationId);
    if (index !== undefined) counts[index] = (counts[index] ?? 0) + 1;
  }
  const grouping = formGroups(scan.organisations, counts, min);
  const pooled = new Set(grouping.pooledOrganisationIds);
  const leftOut = new Set(grouping.suppressedOrganisationIds);
  let pooledId = POOLED_ID_BASE;
  for (let n = 2; indexOf.has(pooledId); n++) pooledId = `${POOLED_ID_BASE}-${n}`;

  // Which export group each kept response belongs to; responses of unknown organisations are
  // in no group the views show either.
  const groupOf = (r: SubmittedResponse): string | null => {
    if (pooled.has(r.organisationId)) return pooledId;
    if (leftOut.has(r.organisationId) || !indexOf.has(r.organisationId)) return null;
    return r.organisationId;
  };
  const kept = submitted.filter((r) => groupOf(r) !== null);
  const membersByGroup = new Map<string, SubmittedResponse[]>();
  for (const r of kept) {
    const group = groupOf(r) as string;
    membersByGroup.set(group, [...(membersByGroup.get(group) ?? []), r]);
  }
  const levelsKept = new Set<string>();
  for (const [group, members] of membersByGroup) if (levelsAreSafe(members, min)) levelsKept.add(group);

  let freeTextsRemoved = 0;
  const anonymised = kept.map((r): SubmittedResponse => {
    const group = groupOf(r) as string;
    const isPooled = group === pooledId;
    if (isPooled && (Object.keys(r.comments).length > 0 || r.improvement.trim() !== '')) freeTextsRemoved++;
    return {
      ...r,
      organisationId: group,
      level: levelsKept.has(group) ? r.level : null,
      comments: isPooled ? {} : { ...r.comments },
      improvement: isPooled ? '' : r.improvement,
      keywords: [...r.keywords],
      submittedAt: `${r.submittedAt.slice(0, 10)}T00:00:00.000Z`,
      startedAt: `${r.submittedAt.slice(0, 10)}T00:00:00.000Z`,
    };
  });

  const organisations: Organisation[] = scan.organisations.filter((o) => !pooled.has(o.id) && !leftOut.has(o.id)).map((o) => ({ ...o }));
  if (pooled.size > 0) organisations.push({ id: pooledId, name: options.pooledName });

  return {
    scan: { ...structuredClone(scan), title: `${scan.title}${options.titleSuffix}`, organisations, exitPin: undefined },
    responses: anonymised,
    report: {
      pooledOrganisationIds: [...pooled],
      leftOutOrganisationIds: [...leftOut],
      leftOutRespondents: grouping.suppressedRespondents,
      levelsRemovedIn: [...membersByGroup.keys()].filter((g) => !levelsKept.has(g) && membersByGroup.get(g)!.some((r) => r.level !== null)),
      freeTextsRemoved,
    },
  };
}

/** Every level (and "not said") has 0 or ≥ min members in the group, and so has the rest. */
function levelsAreSafe(members: readonly SubmittedResponse[], min: number): boolean {
  const perLevel = new Map<Level | null, number>();
  for (const r of members) perLevel.set(r.level, (perLevel.get(r.level) ?? 0) + 1);
  const ok = (n: number) => n === 0 || n >= min;
  for (const n of perLevel.values()) if (!ok(n) || !ok(members.length - n)) return false;
  return true;
}
