import type { Agreement, VoteRecord } from '../agreements/types';
import { formGroups } from '../analysis/groups';
import { makeUuid, type RandomSource } from '../ids';
import { isSubmitted } from './convert';
import type { Answer, Level, Organisation, Response, Scan, SubmittedResponse } from '../types';

// The export for sharing beyond the chain director (docs/shared-devices.md, "Exports"). The
// plain JSON export moves everything between the director's own devices; this one holds no
// more than the results views show:
// - organisations under the minimum group size are pooled into "other partners" when together
//   they reach it, and left out (with their answers) when they do not, exactly as the views do;
// - a respondent's level is kept in a group only when every level there has 0 or at least the
//   minimum number of respondents, and so has the rest of the group (the views' filter rule),
//   otherwise a level would single out fewer people than the guard allows;
// - a group's scores on a statement are left out when they are fewer than the minimum group
//   size (the views show "too few scores" there): one person's answer never leaves the device;
// - times are cut to the day in the scan's time zone, so the order of arrival cannot tie an
//   answer to a person;
// - comments and improvement points of pooled respondents are left out: words can name the
//   organisation that the pooling hides;
// - every id is new: the scan, each response (in no order of arrival), no series link, so the
//   file cannot be joined back to the full export and arrives anywhere as a scan of its own;
// - the room's votes (counts only) and agreements stay: they name partners, never people. They
//   get fresh ids too; a partner that is pooled becomes the pooled group, one that is left out
//   is dropped from the agreement, and an agreement with no partner left is left out (counted);
//   a follow-up judged in another round keeps its status and note, with a fresh id for that round.

export interface AnonymiseOptions {
  /** Display name of the pooled group, in the director's language ("Overige partners"). */
  pooledName: string;
  /** Appended to the scan title, so nobody mistakes the file for the full export. */
  titleSuffix: string;
  /**
   * IANA time zone in which times are cut to the day ("Europe/Amsterdam"). A scan stores no time
   * zone, so the caller passes the exporting device's (docs/shared-devices.md, "Exports"); an
   * unknown zone falls back to UTC.
   */
  timeZone: string;
  /** Source of the fresh ids; the page's crypto by default. */
  random?: RandomSource;
}

/** Scores (1–5) of one group on one statement, left out because they were too few to show. */
export interface RemovedScores {
  /** Organisation id, or the pooled group's id. */
  groupId: string;
  itemId: string;
  scores: number;
}

export interface AnonymisationReport {
  pooledOrganisationIds: string[];
  leftOutOrganisationIds: string[];
  leftOutRespondents: number;
  /** Organisation (or pooled group) ids in which levels were removed. */
  levelsRemovedIn: string[];
  /** Responses whose comments or improvement point were removed. */
  freeTextsRemoved: number;
  /** Group × statement cells with fewer than the minimum scores, whose scores were removed. */
  scoresRemoved: RemovedScores[];
  /** The pooled group's id in the file (names it in `scoresRemoved` and `levelsRemovedIn`). */
  pooledGroupId: string;
  /** Agreements left out because every partner they name is left out of the file. */
  agreementsLeftOut: number;
}

export interface AnonymisedScan {
  scan: Scan;
  responses: SubmittedResponse[];
  votes: VoteRecord[];
  agreements: Agreement[];
  report: AnonymisationReport;
}

/** The room's votes and agreements on the scan (docs/agreements.md); none when not given. */
export interface RoomRecords {
  votes?: readonly VoteRecord[];
  agreements?: readonly Agreement[];
}

const POOLED_ID_BASE = 'overige-partners';

export function anonymiseForSharing(scan: Scan, responses: readonly Response[], options: AnonymiseOptions, room: RoomRecords = {}): AnonymisedScan {
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

  // Too few scores: per group and statement, scores 1–5 below the minimum are left out.
  const scoresRemoved: RemovedScores[] = [];
  const removedItems = new Map<string, Set<string>>();
  for (const [group, members] of membersByGroup) {
    for (const item of scan.instrument.items) {
      const scores = members.filter((r) => typeof r.answers[item.id] === 'number').length;
      if (scores > 0 && scores < min) {
        scoresRemoved.push({ groupId: group, itemId: item.id, scores });
        removedItems.set(group, (removedItems.get(group) ?? new Set()).add(item.id));
      }
    }
  }

  const day = dayCutter(options.timeZone);
  const newId = () => makeUuid(options.random);
  let freeTextsRemoved = 0;
  const anonymised = kept.map((r): SubmittedResponse => {
    const group = groupOf(r) as string;
    const isPooled = group === pooledId;
    if (isPooled && (Object.keys(r.comments).length > 0 || r.improvement.trim() !== '')) freeTextsRemoved++;
    const removed = removedItems.get(group);
    const answers: Record<string, Answer> = {};
    for (const [itemId, answer] of Object.entries(r.answers)) {
      if (removed?.has(itemId) && typeof answer === 'number') continue;
      Object.defineProperty(answers, itemId, { value: answer, enumerable: true, writable: true, configurable: true });
    }
    const at = `${day(r.submittedAt)}T00:00:00.000Z`;
    const { lastActivityAt: _activity, parkedAt: _parked, ...rest } = r;
    return {
      ...rest,
      id: newId(),
      scanId: '',
      organisationId: group,
      level: levelsKept.has(group) ? r.level : null,
      answers,
      comments: isPooled ? {} : { ...r.comments },
      improvement: isPooled ? '' : r.improvement,
      keywords: [...r.keywords],
      submittedAt: at,
      startedAt: at,
    };
  });
  const scanId = newId();
  for (const r of anonymised) r.scanId = scanId;
  // Not in the order of arrival: by day, then by the random id (the order the file is written in).
  anonymised.sort((a, b) => compareText(a.submittedAt, b.submittedAt) || compareText(a.id, b.id));

  const organisations: Organisation[] = scan.organisations.filter((o) => !pooled.has(o.id) && !leftOut.has(o.id)).map((o) => ({ id: o.id, name: o.name }));
  if (pooled.size > 0) organisations.push({ id: pooledId, name: options.pooledName });

  const votes = (room.votes ?? []).filter((vote) => vote.scanId === scan.id);
  const voteIds = new Map(votes.map((vote) => [vote.id, newId()]));
  const otherRounds = new Map<string, string>();
  const roundId = (id: string) => (id === scan.id ? scanId : (otherRounds.get(id) ?? otherRounds.set(id, newId()).get(id)!));
  const partnerOf = (id: string): string | null => (pooled.has(id) ? pooledId : leftOut.has(id) || !indexOf.has(id) ? null : id);
  let agreementsLeftOut = 0;
  const agreements: Agreement[] = [];
  for (const agreement of (room.agreements ?? []).filter((a) => a.scanId === scan.id)) {
    const partnerIds = [...new Set(agreement.partnerIds.map(partnerOf).filter((id): id is string => id !== null))];
    if (partnerIds.length === 0) {
      agreementsLeftOut++;
      continue;
    }
    const copy = structuredClone(agreement);
    agreements.push({
      ...copy,
      id: newId(),
      scanId,
      partnerIds,
      voteId: copy.voteId === null ? null : (voteIds.get(copy.voteId) ?? null),
      followUp: copy.followUp && { ...copy.followUp, judgedInScanId: roundId(copy.followUp.judgedInScanId) },
    });
  }

  const { series: _series, exitPin: _pin, ...rest } = structuredClone(scan);
  return {
    scan: { ...rest, id: scanId, title: `${scan.title}${options.titleSuffix}`, organisations, isDemo: false, createdAt: `${scan.date}T00:00:00.000Z` },
    responses: anonymised,
    votes: votes.map((vote) => ({ ...structuredClone(vote), id: voteIds.get(vote.id)!, scanId })),
    agreements,
    report: {
      pooledOrganisationIds: [...pooled],
      leftOutOrganisationIds: [...leftOut],
      leftOutRespondents: grouping.suppressedRespondents,
      levelsRemovedIn: [...membersByGroup.keys()].filter((g) => !levelsKept.has(g) && membersByGroup.get(g)!.some((r) => r.level !== null)),
      freeTextsRemoved,
      scoresRemoved,
      pooledGroupId: pooledId,
      agreementsLeftOut,
    },
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * yyyy-mm-dd of an instant in a time zone: 2026-11-21T23:20Z is 2026-11-22 in Europe/Amsterdam.
 * An unknown zone (or an Intl without time zones) falls back to the UTC day.
 */
export function dayCutter(timeZone: string): (iso: string) => string {
  let format: Intl.DateTimeFormat | null = null;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    format = null;
  }
  return (iso) => {
    const date = new Date(iso);
    if (!format || Number.isNaN(date.getTime())) return iso.slice(0, 10);
    const parts = format.formatToParts(date);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
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
