// Entry point of the analysis engine: filters → one pass of counting → groups under the
// anonymity guard → figures per statement, group and chain. Pure: the same input always gives
// the same result, whatever the order of the responses.

import { DEFAULT_SETTINGS, ITEM_KINDS, LEVELS, type Item, type ItemKind, type Level, type Organisation } from '../types';
import { INDICATIVE_BELOW, formGroups } from './groups';
import { computeIndexes, listDimensionIds } from './indexes';
import { rankKnobs } from './knobs';
import { analyseStatement } from './statements';
import { tallyOfInput } from './storedTally';
import type { AnalysisFilters, AnalysisInput, AppliedFilters, GroupInfo, ScanAnalysis } from './types';

/** Settings as the analysis uses them: a threshold below 1 acts as 1; a non-number takes the default. */
export function normaliseAnalysisSettings(settings: AnalysisInput['settings']): ScanAnalysis['settings'] {
  const minGroupSize = Number.isFinite(settings.minGroupSize) ? Math.max(1, Math.ceil(settings.minGroupSize)) : DEFAULT_SETTINGS.minGroupSize;
  const gapThreshold = Number.isFinite(settings.gapThreshold) ? settings.gapThreshold : DEFAULT_SETTINGS.gapThreshold;
  return { minGroupSize, gapThreshold };
}

/** Absent and empty lists both mean "no filter" (null); duplicates and unknown values are dropped. */
export function normaliseFilters(filters: AnalysisFilters | undefined): AppliedFilters {
  const list = <T extends string>(values: readonly T[] | undefined, known: readonly T[] | null): readonly T[] | null => {
    if (values === undefined) return null;
    const kept = [...new Set(values)].filter((value) => known === null || known.includes(value));
    return values.length === 0 ? null : kept;
  };
  return {
    levels: list<Level>(filters?.levels, LEVELS),
    organisationIds: list<string>(filters?.organisationIds, null),
    kinds: list<ItemKind>(filters?.kinds, ITEM_KINDS),
  };
}

/** First occurrence wins, so a repeated id can never count twice. */
function uniqueById<T extends { id: string }>(values: readonly T[]): T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const value of values) {
    if (seen.has(value.id)) continue;
    seen.add(value.id);
    unique.push(value);
  }
  return unique;
}

export function analyseScan(input: AnalysisInput): ScanAnalysis {
  const settings = normaliseAnalysisSettings(input.settings);
  const filters = normaliseFilters(input.filters);
  const organisations: Organisation[] = uniqueById(input.organisations);
  const items: Item[] = uniqueById(input.instrument.items).filter((item) => filters.kinds === null || filters.kinds.includes(item.kind));

  const tallyInput = {
    organisations,
    items,
    levels: filters.levels === null ? null : new Set(filters.levels),
    organisationIds: filters.organisationIds === null ? null : new Set(filters.organisationIds),
  };
  const tally = tallyOfInput(input, tallyInput);
  const grouping = formGroups(organisations, tally.respondents, settings.minGroupSize);
  const statements = items.map((item, position) => analyseStatement(tally, position, item, grouping, settings));
  const dimensionIds = listDimensionIds(input.instrument);

  const groups: GroupInfo[] = grouping.groups.map((group, g) => ({
    id: group.id,
    source: group.source,
    respondents: group.respondents,
    isIndicative: group.respondents < INDICATIVE_BELOW,
    indexes: computeIndexes(statements, dimensionIds, (statement) => statement.cells[g]?.mean ?? null),
  }));

  return {
    settings,
    filters,
    totals: {
      submittedResponses: tally.submittedResponses,
      countedResponses: tally.countedResponses,
      excludedByFilters: tally.excludedByFilters,
      unknownOrganisationResponses: tally.unknownOrganisationResponses,
      invalidAnswers: tally.invalidAnswers,
    },
    respondentsPerOrganisation: organisations.map((organisation, index) => ({
      organisationId: organisation.id,
      respondents: tally.submittedPerOrganisation[index] ?? 0,
    })),
    anonymity: {
      minGroupSize: settings.minGroupSize,
      pooledOrganisationIds: grouping.pooledOrganisationIds,
      suppressedOrganisationIds: grouping.suppressedOrganisationIds,
      suppressedRespondents: grouping.suppressedRespondents,
      absentOrganisationIds: grouping.absentOrganisationIds,
    },
    groups,
    statements,
    chain: computeIndexes(statements, dimensionIds, (statement) => statement.chainMean),
    knobs: rankKnobs(statements),
    keywords: tally.keywords.result(),
    withheldByFilter: [],
  };
}
