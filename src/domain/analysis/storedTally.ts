// The analysis' tally (tally.ts) built from a scan's stored tally record (domain/tallyRecord.ts)
// instead of from every response: the same numbers, read in time that does not grow with the
// number of responses (docs/scale.md). A property test holds `tallyFromRecord(record of the
// responses)` equal to `tallyResponses(responses)` for random responses, filters and write orders.

import { parseTallyKey, type TallyRecord } from '../tallyRecord';
import { DK_SLOT, emptyTally, SLOTS, tallyResponses, type Tally, type TallyInput } from './tally';

export function tallyFromRecord(record: TallyRecord, input: Omit<TallyInput, 'responses'>): Tally {
  const { organisations, items, levels, organisationIds } = input;
  const statementCount = items.length;
  const organisationCount = organisations.length;
  const organisationIndex = new Map(organisations.map((organisation, index) => [organisation.id, index]));
  const itemIndex = new Map(items.map((item, index) => [item.id, index]));
  const tally = emptyTally(statementCount, organisationCount);
  const { counts, respondents, submittedPerOrganisation, keywords } = tally;

  // Keys sorted, so keywords meet the counter in one order whatever order the record was written in.
  for (const key of Object.keys(record.counts).sort()) {
    const value = record.counts[key]!;
    const parsed = parseTallyKey(key);
    if (parsed === null || value <= 0) continue;
    const { organisationId, level } = parsed;
    const org = organisationIndex.get(organisationId);
    const isCounted =
      org !== undefined &&
      (organisationIds === null || organisationIds.has(organisationId)) &&
      (levels === null || (level !== null && levels.has(level as never)));
    if (parsed.field === 'n') {
      tally.submittedResponses += value;
      if (org === undefined) tally.unknownOrganisationResponses += value;
      else {
        submittedPerOrganisation[org]! += value;
        if (isCounted) {
          tally.countedResponses += value;
          respondents[org]! += value;
        } else tally.excludedByFilters += value;
      }
    } else if (!isCounted) {
      continue;
    } else if (parsed.field === 'a') {
      const statement = itemIndex.get(parsed.item);
      const slot = parsed.slot;
      if (statement === undefined) continue;
      if (slot >= 0 && slot <= DK_SLOT) counts[(statement * organisationCount + org!) * SLOTS + slot]! += value;
      else tally.invalidAnswers += value;
    } else {
      keywords.addSpelling(parsed.spelling, value);
    }
  }

  return tally;
}

/** The tally of an analysis input: from its stored tally when it has one, else from its responses. */
export function tallyOfInput(input: { responses: TallyInput['responses']; tallyRecord?: TallyRecord }, tallyInput: Omit<TallyInput, 'responses'>): Tally {
  return input.tallyRecord ? tallyFromRecord(input.tallyRecord, tallyInput) : tallyResponses({ ...tallyInput, responses: input.responses });
}
