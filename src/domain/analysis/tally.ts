// The one pass over the responses. Every figure of the analysis is derived afterwards from the
// counts gathered here, so the cost grows linearly with the number of answers and the derived
// figures cost the same for 10 or 100,000 respondents.

import { DK_SLOT, slotOf } from '../countRules';
import type { Item, Level, Organisation, Response } from '../types';
import { KeywordCounter } from './keywords';

/** Slots per (statement, organisation): answers 1…5 in slots 0…4, don't know in slot 5 (countRules.ts). */
export const SLOTS = 6;
export { DK_SLOT };

export interface Tally {
  statementCount: number;
  organisationCount: number;
  /** counts[(statement × organisationCount + organisation) × SLOTS + slot] */
  counts: Int32Array;
  /** Counted respondents per organisation (after filters). */
  respondents: Int32Array;
  /** Submitted responses per organisation, before filters. */
  submittedPerOrganisation: Int32Array;
  submittedResponses: number;
  countedResponses: number;
  excludedByFilters: number;
  unknownOrganisationResponses: number;
  invalidAnswers: number;
  keywords: KeywordCounter;
}

export interface TallyInput {
  responses: readonly Response[];
  organisations: readonly Organisation[];
  /** The statements to count, in the order of the result. */
  items: readonly Item[];
  /** null: every level counts. */
  levels: ReadonlySet<Level> | null;
  /** null: every organisation counts. */
  organisationIds: ReadonlySet<string> | null;
}

/** An empty tally of this shape: the one constructor of both ways of counting (here, storedTally.ts). */
export function emptyTally(statementCount: number, organisationCount: number): Tally {
  return {
    statementCount,
    organisationCount,
    counts: new Int32Array(statementCount * organisationCount * SLOTS),
    respondents: new Int32Array(organisationCount),
    submittedPerOrganisation: new Int32Array(organisationCount),
    submittedResponses: 0,
    countedResponses: 0,
    excludedByFilters: 0,
    unknownOrganisationResponses: 0,
    invalidAnswers: 0,
    keywords: new KeywordCounter(),
  };
}

export function tallyResponses(input: TallyInput): Tally {
  const { responses, organisations, items, levels, organisationIds } = input;
  const statementCount = items.length;
  const organisationCount = organisations.length;
  const itemIds = items.map((item) => item.id);
  const organisationIndex = new Map<string, number>();
  const isOrganisationCounted: boolean[] = [];
  organisations.forEach((organisation, index) => {
    organisationIndex.set(organisation.id, index);
    isOrganisationCounted.push(organisationIds === null || organisationIds.has(organisation.id));
  });

  const tally = emptyTally(statementCount, organisationCount);
  const { counts, respondents, submittedPerOrganisation, keywords } = tally;
  const rowStride = organisationCount * SLOTS;
  let submittedResponses = 0;
  let countedResponses = 0;
  let excludedByFilters = 0;
  let unknownOrganisationResponses = 0;
  let invalidAnswers = 0;

  for (let r = 0; r < responses.length; r++) {
    const response = responses[r];
    if (response === undefined || response.status !== 'submitted') continue;
    submittedResponses++;
    const org = organisationIndex.get(response.organisationId);
    if (org === undefined) {
      unknownOrganisationResponses++;
      continue;
    }
    submittedPerOrganisation[org]!++;
    if (!isOrganisationCounted[org] || (levels !== null && (response.level === null || !levels.has(response.level)))) {
      excludedByFilters++;
      continue;
    }
    countedResponses++;
    respondents[org]!++;

    const answers = response.answers;
    if (answers !== null && typeof answers === 'object') {
      let offset = org * SLOTS;
      for (let s = 0; s < statementCount; s++, offset += rowStride) {
        const answer = answers[itemIds[s]!];
        if (answer === undefined) continue;
        const slot = slotOf(answer);
        if (slot < 0) invalidAnswers++;
        else counts[offset + slot]!++;
      }
    }
    const words = response.keywords;
    if (Array.isArray(words) && words.length > 0) keywords.addResponse(words);
  }

  tally.submittedResponses = submittedResponses;
  tally.countedResponses = countedResponses;
  tally.excludedByFilters = excludedByFilters;
  tally.unknownOrganisationResponses = unknownOrganisationResponses;
  tally.invalidAnswers = invalidAnswers;
  return tally;
}
