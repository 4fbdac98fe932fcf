import * as v from 'valibot';
import { isIsoDate } from '../response';
import type { StoredRecordCheck } from '../storedRecords';
import { AGREEMENT_LIMITS as L, FOLLOW_UP_STATUSES, VOTES_PER_PERSON, type Agreement, type VoteRecord } from './types';

// Rows of the agreements and votes tables are checked as they are read, like every stored row
// (docs/storage-and-migrations.md): a damaged row is set aside and counted, never repaired.

const STORED_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const timestamp = v.pipe(v.string(), v.regex(STORED_TIMESTAMP), v.check((s) => !Number.isNaN(Date.parse(s))));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const FollowUpSchema = v.object({
  status: v.picklist(FOLLOW_UP_STATUSES),
  note: v.pipe(v.string(), v.maxLength(L.note)),
  judgedInScanId: id,
  updatedAt: timestamp,
});

export const AgreementSchema = v.object({
  id,
  scanId: id,
  itemId: v.nullable(id),
  what: v.pipe(v.string(), v.maxLength(L.what), v.check((s) => s.trim() !== '')),
  partnerIds: v.pipe(v.array(id), v.minLength(1), v.maxLength(L.partners)),
  due: v.nullable(v.pipe(v.string(), v.check(isIsoDate))),
  votes: v.nullable(count),
  voteId: v.nullable(id),
  createdAt: timestamp,
  updatedAt: timestamp,
  followUp: v.nullable(FollowUpSchema),
});

export const VoteRecordSchema = v.pipe(
  v.object({
    id,
    scanId: id,
    method: v.picklist(['phones', 'hands']),
    votesPerPerson: v.pipe(v.number(), v.integer(), v.minValue(VOTES_PER_PERSON.min), v.maxValue(VOTES_PER_PERSON.max)),
    options: v.pipe(v.array(v.object({ itemId: id, kind: v.picklist(['discussionPoint', 'uncertainDifference']) })), v.maxLength(200)),
    counts: v.record(id, count),
    ballots: v.nullable(count),
    openedAt: timestamp,
    closedAt: v.nullable(timestamp),
  }),
  // Every option has its count and nothing else does: a tally that names a statement not on the ballot is not a tally of this vote.
  v.check((vote) => vote.options.length === Object.keys(vote.counts).length && vote.options.every((o) => vote.counts[o.itemId] !== undefined), 'counts'),
);

function check<T>(schema: v.GenericSchema<unknown, T>, row: unknown): StoredRecordCheck<T> {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { ok: false, problem: 'not-an-object', field: '' };
  const result = v.safeParse(schema, row);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const field = issue.path?.map((p) => String(p.key)).join('.') ?? issue.message;
  return { ok: false, problem: 'invalid-field', field };
}

export function checkStoredAgreement(row: unknown): StoredRecordCheck<Agreement> {
  return check(AgreementSchema, row);
}

export function checkStoredVote(row: unknown): StoredRecordCheck<VoteRecord> {
  return check(VoteRecordSchema, row);
}
