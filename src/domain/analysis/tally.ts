// The one pass over the responses. Every figure of the analysis is derived afterwards from the
// counts gathered here, so the cost grows linearly with the number of answers and the derived
// figures cost the same for 10 or 100,000 respondents.

import type { Item, Level, Organisation, Response } from '../types';
import { KeywordCounter } from './keywords';

/** Slots per (statement, organisation): answers 1…5 in slots 0…4, don't know in slot 5. */
export const SLOTS = 6;
export const DK_SLOT = 5;

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

  const counts = new Int32Array(statementCount * organisationCount * SLOTS);
  const respondents = new Int32Array(organisationCount);
  const submittedPerOrganisation = new Int32Array(organisationCount);
  const keywords = new KeywordCounter();
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

  return {
    statementCount,
    organisationCount,
    counts,
    respondents,
    submittedPerOrganisation,
    submittedResponses,
    countedResponses,
    excludedByFilters,
    unknownOrganisationResponses,
    invalidAnswers,
    keywords,
  };
}

/** Slot of an answer, or −1 for a value that is no answer (never repaired, never counted). */
function slotOf(answer: unknown): number {
  switch (answer) {
    case 1: return 0;
    case 2: return 1;
    case 3: return 2;
    case 4: return 3;
    case 5: return 4;
    case 'dk': return DK_SLOT;
    default: return -1;
  }
}
