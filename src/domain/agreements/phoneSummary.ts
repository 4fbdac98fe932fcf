import { POOLED_GROUP_ID, shownMean, type Band, type ScanAnalysis } from '../analysis';
import type { Scan } from '../types';
import { PHONE_SUMMARY_VERSION, type PhoneSummaryGroup, type PhoneSummaryIndex, type PhoneSummaryV1 } from './phoneSummaryFormat';
import { AGREEMENT_LIMITS, type Agreement } from './types';

export * from './phoneSummaryFormat';

// What a participant's phone may show of the results, when the director allows it
// (docs/agreements.md "On the phones"; docs/live-sessions.md "The results on the phones"): the
// chain's indexes, per statement its chain mean and band, and for the large gaps which groups are
// highest and lowest; and the agreements. Built from the presenter's analysis without filters,
// so it holds only what the projector shows under the anonymity guard: group names come from the
// analysis' groups (organisations at or above the minimum, or the pool "other partners"), never
// a respondent count, a group's figure or a free text. Its shape and JSON: phoneSummaryFormat.ts.

function groupOf(analysis: ScanAnalysis, groupId: string): PhoneSummaryGroup | null {
  if (groupId === POOLED_GROUP_ID) return { pooled: true };
  const group = analysis.groups.find((g) => g.id === groupId);
  // Only a group the analysis shows: an organisation in no group never has a name here.
  return group && group.source.kind === 'organisation' ? { name: group.source.name } : null;
}

function groupsOf(analysis: ScanAnalysis, ids: readonly string[] | undefined): PhoneSummaryGroup[] {
  return (ids ?? []).map((id) => groupOf(analysis, id)).filter((g): g is PhoneSummaryGroup => g !== null);
}

/**
 * The summary for the phones. `analysis` must be the unfiltered, protected analysis the presenter
 * shows (analyseScanProtected without filters): a filtered one is refused, because its figures are
 * not what the room saw. Agreements in the order they were made.
 */
export function buildPhoneSummary(scan: Scan, analysis: ScanAnalysis, agreements: readonly Agreement[]): PhoneSummaryV1 {
  const { levels, organisationIds, kinds } = analysis.filters;
  if (levels !== null || organisationIds !== null || kinds !== null) throw new Error('A phone summary is built from the analysis without filters');
  const index = (value: { value: number | null; band: Band | null }): PhoneSummaryIndex => ({ value: shownMean(value.value), band: value.band });
  const nameOf = (id: string) => scan.organisations.find((o) => o.id === id)?.name;
  return {
    v: PHONE_SUMMARY_VERSION,
    thermometer: index(analysis.chain.thermometer),
    thermostat: index(analysis.chain.thermostat),
    statements: analysis.statements.map((st) => {
      const large = st.gapClass !== 'none';
      return {
        itemId: st.itemId,
        kind: st.kind,
        chainMean: shownMean(st.chainMean),
        band: st.band,
        gapClass: st.gapClass,
        gap: shownMean(st.gap),
        high: large ? groupsOf(analysis, st.highest?.groupIds) : [],
        low: large ? groupsOf(analysis, st.lowest?.groupIds) : [],
      };
    }),
    agreements: [...agreements]
      .filter((a) => a.scanId === scan.id)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
      .slice(0, AGREEMENT_LIMITS.perScan)
      .map((a) => ({
        itemId: a.itemId,
        what: a.what,
        partners: a.partnerIds.map(nameOf).filter((name): name is string => name !== undefined),
        due: a.due,
        votes: a.votes,
      })),
    omittedAgreements: 0,
  };
}

