// The anonymity guard: which organisations may be shown on their own, which are pooled into
// "other partners", and which form no group at all (docs/analysis.md, "Groups and the anonymity guard").

import type { Organisation } from '../types';
import type { GroupSource } from './types';

/** Id of the pooled group "other partners". Organisation ids are slugs, which never contain '_'. */
export const POOLED_GROUP_ID = '__pooled__';

/** A group with fewer respondents than this is labelled "indicative" (shown, with a warning). */
export const INDICATIVE_BELOW = 5;

export interface FormedGroup {
  id: string;
  source: GroupSource;
  /** Indexes into the scan's organisation list. */
  memberIndexes: readonly number[];
  respondents: number;
}

export interface Grouping {
  groups: FormedGroup[];
  pooledOrganisationIds: string[];
  suppressedOrganisationIds: string[];
  /** Indexes into the scan's organisation list of the suppressed organisations. */
  suppressedIndexes: readonly number[];
  suppressedRespondents: number;
  absentOrganisationIds: string[];
}

/**
 * Forms the groups from the counted respondents per organisation: every organisation with at
 * least `minGroupSize` respondents is a group of its own (scan order); the organisations with
 * 1…minGroupSize−1 respondents form the pooled group when together they reach `minGroupSize`
 * (a pool always holds at least two organisations then), and no group otherwise.
 */
export function formGroups(organisations: readonly Organisation[], respondents: Int32Array, minGroupSize: number): Grouping {
  const groups: FormedGroup[] = [];
  const small: number[] = [];
  const absentOrganisationIds: string[] = [];
  let smallRespondents = 0;

  organisations.forEach((organisation, index) => {
    const count = respondents[index] ?? 0;
    if (count === 0) {
      absentOrganisationIds.push(organisation.id);
    } else if (count >= minGroupSize) {
      groups.push({
        id: organisation.id,
        source: { kind: 'organisation', organisationId: organisation.id, name: organisation.name },
        memberIndexes: [index],
        respondents: count,
      });
    } else {
      small.push(index);
      smallRespondents += count;
    }
  });

  const smallIds = small.map((index) => organisations[index]?.id ?? '');
  if (small.length > 0 && smallRespondents >= minGroupSize) {
    groups.push({
      id: POOLED_GROUP_ID,
      source: { kind: 'pooled', organisationIds: smallIds },
      memberIndexes: small,
      respondents: smallRespondents,
    });
    return { groups, pooledOrganisationIds: smallIds, suppressedOrganisationIds: [], suppressedIndexes: [], suppressedRespondents: 0, absentOrganisationIds };
  }
  return { groups, pooledOrganisationIds: [], suppressedOrganisationIds: smallIds, suppressedIndexes: small, suppressedRespondents: smallRespondents, absentOrganisationIds };
}
