import * as v from 'valibot';
import { AGREEMENT_LIMITS, VOTES_PER_PERSON } from '../agreements/types';
import { isAnswer } from '../answers';
import { VERSION_NAME_MAX } from '../instrument/versions';
import { isIsoDate } from '../scan';
import { isValidGapThreshold, isValidMinGroupSize } from '../settingsLimits';
import type { ExchangeErrorCode, ExpectedKind } from './errors';
import { isIsoTimestamp } from './timestamps';
import { EXCHANGE_LIMITS as L, type ExchangeAnswerV1, type ExchangeFileV1 } from './types';

// The structure of a v1 file, checked with valibot. Each check carries, as its message, the
// error code (and what was expected) that parse.ts turns into an ExchangeError: valibot's own
// English messages are never shown. Consistency between values (ids that refer to each other,
// unique ids) is checked by hand afterwards in checkConsistency.ts.
//
// `v.object` keeps only the keys it knows and builds fresh objects in this key order: fields a
// later Ketenscan adds to v1 are ignored by this reader, and the result has a stable key order.

/** The message token of a check: `code` or `code|expected`. */
export type IssueToken = `${ExchangeErrorCode}` | `${ExchangeErrorCode}|${ExpectedKind}`;
const token = (code: ExchangeErrorCode, expected?: ExpectedKind): IssueToken => (expected ? `${code}|${expected}` : code);

const wrongType = (expected: ExpectedKind) => token('wrong-type', expected);

const text = (max: number) => v.pipe(v.string(wrongType('text')), v.maxLength(max, token('text-too-long')));

const nonEmptyText = (max: number) =>
  v.pipe(
    v.string(wrongType('text')),
    v.maxLength(max, token('text-too-long')),
    v.check((s) => s.trim() !== '', token('empty-text')),
  );

// No control characters and no spaces at either end: ids are compared exactly and used in paths.
// eslint-disable-next-line no-control-regex -- control characters are what an id may not hold
const ID_PATTERN = /^[^\s\u0000-\u001f\u007f](?:[^\u0000-\u001f\u007f]*[^\s\u0000-\u001f\u007f])?$/;
/** An id as the format allows it (also used by the quick response check, quickCheck.ts). */
export const isExchangeId = (s: string): boolean => s.length <= L.id && ID_PATTERN.test(s);
const id = v.pipe(v.string(wrongType('text')), v.check(isExchangeId, token('invalid-id', 'id')));

const uuid = v.pipe(v.string(wrongType('text')), v.uuid(token('invalid-id', 'uuid')));

const date = v.pipe(v.string(wrongType('text')), v.check(isIsoDate, token('invalid-date', 'date')));

const timestamp = v.pipe(v.string(wrongType('text')), v.check(isIsoTimestamp, token('invalid-date', 'timestamp')));

const localized = (max: number) => v.object({ nl: text(max), en: text(max) }, wrongType('object'));

const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item, wrongType('list')), v.maxLength(max, token('too-many')));

// Answers are never repaired: 0, 6, 3.5, "3", null, "DK" are all refused.
const answer = v.custom<ExchangeAnswerV1>(isAnswer, token('answer-out-of-range'));

const settings = v.object(
  {
    minGroupSize: v.pipe(
      v.number(wrongType('number')),
      v.check(isValidMinGroupSize, token('invalid-value', 'min-group-size')),
    ),
    gapThreshold: v.pipe(
      v.number(wrongType('number')),
      v.check(isValidGapThreshold, token('invalid-value', 'gap-threshold')),
    ),
    askLevel: v.optional(v.boolean(wrongType('boolean'))),
    startLanguage: v.optional(v.picklist(['nl', 'en'], token('invalid-value', 'language'))),
    askComments: v.optional(v.boolean(wrongType('boolean'))),
    askKeywords: v.optional(v.boolean(wrongType('boolean'))),
    askImprovement: v.optional(v.boolean(wrongType('boolean'))),
  },
  wrongType('object'),
);

const versionNumber = v.pipe(v.number(wrongType('number')), v.check((n) => Number.isInteger(n) && n >= 1, token('invalid-value', 'version')));

// versionId, versionName and an item's replaces: added in v1 by Ketenscan 0.1 (issue 26), optional
// on a scan's instrument (docs/exchange-format.md, "Questionnaire versions").
const instrumentEntries = {
  id,
  version: versionNumber,
  versionId: v.optional(id),
  versionName: v.optional(nonEmptyText(VERSION_NAME_MAX)),
  title: localized(L.shortText),
  dimensions: list(v.object({ id, label: localized(L.shortText) }, wrongType('object')), L.dimensions),
  items: v.pipe(
    list(
      v.object(
        {
          id,
          dimension: id,
          kind: v.picklist(['thermometer', 'thermostat'], token('invalid-value', 'kind')),
          text: localized(L.statementText),
          replaces: v.optional(id),
        },
        wrongType('object'),
      ),
      L.items,
    ),
    v.minLength(1, token('no-statements')),
  ),
};

const instrument = v.object(instrumentEntries, wrongType('object'));

// A saved version of the library (added in v1 by Ketenscan 0.1, issue 26): the instrument with a
// required id, when it was saved and the version it was edited from.
const instrumentVersion = v.object(
  {
    ...instrumentEntries,
    versionId: id,
    savedAt: timestamp,
    basedOn: v.nullable(v.object({ id, version: versionNumber, versionId: v.optional(id) }, wrongType('object'))),
  },
  wrongType('object'),
);

const response = v.object(
  {
    id: uuid,
    organisationId: id,
    level: v.nullable(v.picklist(['uitvoering', 'management', 'bestuur'], token('invalid-value', 'level'))),
    submittedAt: timestamp,
    answers: v.record(v.string(), answer, wrongType('object')),
    comments: v.optional(v.record(v.string(), text(L.freeText), wrongType('object'))),
    keywords: v.optional(list(text(L.keyword), L.keywords)),
    improvement: v.optional(text(L.freeText)),
  },
  wrongType('object'),
);

// Votes and agreements: added in v1 by Ketenscan 0.1 (issue 24), optional (docs/agreements.md,
// "In the exchange file"). Which ids they name (statements, organisations, votes) is checked in
// checkConsistency.ts.
const count = v.pipe(v.number(wrongType('number')), v.check((n) => Number.isInteger(n) && n >= 0, token('invalid-value', 'count')));

const vote = v.object(
  {
    id: uuid,
    method: v.picklist(['phones', 'hands'], token('invalid-value', 'vote-method')),
    votesPerPerson: v.pipe(
      v.number(wrongType('number')),
      v.check((n) => Number.isInteger(n) && n >= VOTES_PER_PERSON.min && n <= VOTES_PER_PERSON.max, token('invalid-value', 'votes-per-person')),
    ),
    options: list(
      v.object({ itemId: id, kind: v.picklist(['discussionPoint', 'uncertainDifference'], token('invalid-value', 'option-kind')) }, wrongType('object')),
      L.items,
    ),
    counts: v.record(v.string(), count, wrongType('object')),
    ballots: v.nullable(count),
    openedAt: timestamp,
    closedAt: v.nullable(timestamp),
  },
  wrongType('object'),
);

const agreement = v.object(
  {
    id: uuid,
    itemId: v.nullable(id),
    what: nonEmptyText(AGREEMENT_LIMITS.what),
    partnerIds: v.pipe(list(id, AGREEMENT_LIMITS.partners), v.minLength(1, token('no-partners'))),
    due: v.nullable(date),
    votes: v.nullable(count),
    voteId: v.nullable(uuid),
    createdAt: timestamp,
    updatedAt: timestamp,
    followUp: v.nullable(
      v.object(
        {
          status: v.picklist(['done', 'underway', 'dropped'], token('invalid-value', 'follow-up-status')),
          note: text(AGREEMENT_LIMITS.note),
          judgedInScanId: uuid,
          updatedAt: timestamp,
        },
        wrongType('object'),
      ),
    ),
  },
  wrongType('object'),
);

const scanWith = <T extends v.GenericSchema>(responseSchema: T) =>
  v.object(
    {
      id: uuid,
      title: nonEmptyText(L.shortText),
      date,
      settings,
      series: v.optional(
        v.object(
          {
            id,
            round: v.pipe(v.number(wrongType('number')), v.check((n) => Number.isInteger(n) && n >= 1 && n <= 1000, token('invalid-value', 'round'))),
          },
          wrongType('object'),
        ),
      ),
      instrument,
      organisations: v.pipe(
        list(
          // mergedFrom / splitFrom: added in v1 by Ketenscan 0.1 (issue 23), optional.
          v.object({ id, name: nonEmptyText(L.shortText), mergedFrom: v.optional(list(id, L.organisations)), splitFrom: v.optional(id) }, wrongType('object')),
          L.organisations,
        ),
        v.minLength(1, token('no-organisations')),
      ),
      votes: v.optional(list(vote, AGREEMENT_LIMITS.perScan)),
      agreements: v.optional(list(agreement, AGREEMENT_LIMITS.perScan)),
      responses: list(responseSchema, L.responsesPerScan),
    },
    wrongType('object'),
  );

const fileWith = <T extends v.GenericSchema>(scanSchema: T) =>
  v.object(
    {
      format: v.literal('ketenscan', token('wrong-format')),
      version: v.literal(1, token('unsupported-version')),
      exportedAt: timestamp,
      generator: text(L.shortText),
      scans: list(scanSchema, L.scans),
      instrumentVersions: v.optional(list(instrumentVersion, L.instrumentVersions)),
    },
    wrongType('object'),
  );

export const exchangeFileSchema = fileWith(scanWith(response));

/**
 * The same file with every response left unchecked: the quick path of parse.ts checks the
 * responses with one plain function (quickCheck.ts) and falls back to the full schema, for its
 * exact messages, as soon as one response is not plainly valid.
 */
export const exchangeFileShellSchema = fileWith(scanWith(v.unknown()));

// The schema and the frozen v1 types must describe the same shape, both ways.
type Parsed = v.InferOutput<typeof exchangeFileSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<Parsed, ExchangeFileV1> = true;
void schemaMatchesTypes;
