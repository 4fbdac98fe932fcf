// No subtraction through filters (docs/analysis.md, "A filter never singles people out"). A
// filter on respondents (level, partners) that leaves out one or two people of a group lets
// anyone compare the group's figures with and without the filter and see what those few
// answered. So a filter is applied to a group only when, within the group as it is without any
// filter, both the selected respondents and the ones left out number 0 or at least the minimum
// group size. Otherwise the whole group is withheld under that filter, and the views say so.

import type { Organisation } from '../types';
import { formGroups } from './groups';
import { tallyOfInput } from './storedTally';
import type { AnalysisInput, WithheldGroup } from './types';

export interface FilterGuard {
  /** Groups (as formed without filters) whose figures the filter would make subtractable. */
  withheld: WithheldGroup[];
  /** The organisation filter to analyse with: the chosen one minus the withheld groups' members. */
  organisationIds: readonly string[] | undefined;
}

function isSafeCount(count: number, minGroupSize: number): boolean {
  return count === 0 || count >= minGroupSize;
}

export function guardRespondentFilters(input: AnalysisInput, minGroupSize: number): FilterGuard {
  const levels = input.filters?.levels?.length ? new Set(input.filters.levels) : null;
  const organisationIds = input.filters?.organisationIds?.length ? new Set(input.filters.organisationIds) : null;
  if (levels === null && organisationIds === null) return { withheld: [], organisationIds: input.filters?.organisationIds };

  const seen = new Set<string>();
  const organisations: Organisation[] = input.organisations.filter((o) => !seen.has(o.id) && Boolean(seen.add(o.id)));
  // Two counts of people, no answers: everyone submitted, and who the filters select.
  // From the stored tally when there is one (docs/scale.md), else from the responses.
  const all = tallyOfInput(input, { organisations, items: [], levels: null, organisationIds: null });
  const selected = tallyOfInput(input, { organisations, items: [], levels, organisationIds });
  const grouping = formGroups(organisations, all.respondents, minGroupSize);

  const withheld: WithheldGroup[] = [];
  for (const group of grouping.groups) {
    let total = 0;
    let chosen = 0;
    for (const index of group.memberIndexes) {
      total += all.respondents[index] ?? 0;
      chosen += selected.respondents[index] ?? 0;
    }
    if (isSafeCount(chosen, minGroupSize) && isSafeCount(total - chosen, minGroupSize)) continue;
    withheld.push({ groupId: group.id, organisationIds: group.memberIndexes.map((index) => organisations[index]?.id ?? '') });
  }
  if (withheld.length === 0) return { withheld, organisationIds: input.filters?.organisationIds };

  const blocked = new Set(withheld.flatMap((group) => group.organisationIds));
  const allowed = organisations.map((o) => o.id).filter((id) => !blocked.has(id) && (organisationIds === null || organisationIds.has(id)));
  // An empty list would mean "no filter": use an id that matches nobody instead.
  return { withheld, organisationIds: allowed.length > 0 ? allowed : ['\u0000none'] };
}
