import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Agreement, VoteRecord } from '../../../src/domain/agreements/types';
import {
  anonymiseForSharing,
  buildExchangeFile,
  buildSingleResponseFile,
  describeExchangeError,
  describeImportRefusal,
  finaliseImport,
  parseExchangeFile,
  planImport,
  serialiseExchangeFile,
  toStoredAgreement,
  toStoredVote,
  type ExchangeFileV1,
  type ExistingData,
} from '../../../src/domain/exchange';
import { buildSessionDefinition } from '../../../src/domain/live/definition';
import type { SubmittedResponse } from '../../../src/domain/types';
import { LATER_ROUND_ID, SMALL_AGREEMENTS, SMALL_VOTES } from '../../fixtures/exchange/roomRecords';
import { EXPORTED_AT, GENERATOR, SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';
import { EXCHANGE_FIXTURES, expectOk, schemaValidator } from './helpers';

// Votes (as counts) and agreements in the exchange file (docs/agreements.md, "In the exchange
// file"; docs/exchange-format.md).

const NOW = new Date('2026-12-01T00:00:00.000Z');
const withRoom = () => buildExchangeFile([{ scan: SMALL_SCAN, responses: SMALL_RESPONSES, votes: SMALL_VOTES, agreements: SMALL_AGREEMENTS }], EXPORTED_AT, GENERATOR);
const text = (file: ExchangeFileV1) => serialiseExchangeFile(file);
const data = (): { scans: LooseScan[] } => JSON.parse(text(withRoom())) as { scans: LooseScan[] };
const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
/** A scan entry of the file as plain JSON, loosely typed so a test can break it on purpose. */
interface LooseScan {
  id: string;
  responses: unknown[];
  votes: { id: string; method: string; votesPerPerson: number; options: { itemId: string }[]; counts: Record<string, number> }[];
  agreements: { id: string; itemId: string | null; what: string; partnerIds: string[]; due: string | null; voteId: string | null; updatedAt: string; followUp: { status: string } | null }[];
}
const planOn = (existing: Partial<ExistingData>, files: ExchangeFileV1[]) => planImport({ scans: [], responses: [], ...existing }, files, { now: NOW });

function refusal(mutate: (scan: LooseScan) => void) {
  const file = data();
  mutate(file.scans[0]!);
  const result = parseExchangeFile(JSON.stringify(file), { fileNumber: 1, fileLabel: 'room.json' });
  if (result.ok) throw new Error('expected a refusal');
  return { error: result.error, en: describeExchangeError(result.error, 'en'), nl: describeExchangeError(result.error, 'nl') };
}

describe('writing votes and agreements', () => {
  it('writes them with the scan, votes by opening time and agreements by creation time, counts in ballot order', () => {
    const scan = withRoom().scans[0]!;
    expect(scan.votes?.map((v) => v.id)).toEqual([SMALL_VOTES[1]!.id, SMALL_VOTES[0]!.id]);
    expect(scan.agreements?.map((a) => a.createdAt)).toEqual(['2026-11-22T11:10:00.000Z', '2026-11-22T11:30:00.000Z', '2026-11-22T11:45:00.000Z']);
    expect(Object.keys(scan.votes![0]!.counts)).toEqual(['q05', 'q11', 'q03']);
    // The scan is the entry they are in: no scanId in the file.
    expect(JSON.stringify(scan.agreements)).not.toContain('scanId');
    expect(Object.keys(scan)).toEqual(['id', 'title', 'date', 'settings', 'instrument', 'organisations', 'votes', 'agreements', 'responses']);
  });

  it('is exactly tests/fixtures/exchange/v1-room-records.json, which fits the JSON Schema', () => {
    const fixture = readFileSync(join(EXCHANGE_FIXTURES, 'v1-room-records.json'), 'utf8');
    expect(text(withRoom())).toBe(fixture);
    const validate = schemaValidator();
    expect(validate(JSON.parse(fixture)) ? [] : validate.errors).toEqual([]);
  });

  it('gives the same file whatever order the device lists them in', () => {
    const shuffled = buildExchangeFile([{ scan: SMALL_SCAN, responses: SMALL_RESPONSES, votes: [...SMALL_VOTES].reverse(), agreements: [...SMALL_AGREEMENTS].reverse() }], EXPORTED_AT, GENERATOR);
    expect(text(shuffled)).toBe(text(withRoom()));
  });

  it('leaves both out when the scan has none, and never writes another scan’s', () => {
    const none = buildExchangeFile([{ scan: SMALL_SCAN, responses: SMALL_RESPONSES, votes: [], agreements: [] }], EXPORTED_AT, GENERATOR);
    expect(text(none)).not.toMatch(/"votes"|"agreements"/);
    const stranger = { ...SMALL_AGREEMENTS[0]!, id: 'f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b9c', scanId: LATER_ROUND_ID };
    const other = buildExchangeFile([{ scan: SMALL_SCAN, responses: [], agreements: [stranger] }], EXPORTED_AT, GENERATOR);
    expect(other.scans[0]).not.toHaveProperty('agreements');
  });

  it('never puts them in the live definition or a participant’s one-response file', () => {
    const definition = buildSessionDefinition(SMALL_SCAN, NOW);
    expect(JSON.stringify(definition)).not.toMatch(/"votes"|"agreements"/);
    const single = buildSingleResponseFile(SMALL_SCAN, SMALL_RESPONSES[0] as SubmittedResponse, NOW, GENERATOR);
    expect(JSON.stringify(single)).not.toMatch(/"votes"|"agreements"/);
  });
});

describe('reading votes and agreements', () => {
  it('round-trips: export, read, store gives the same rows', () => {
    const parsed = expectOk(parseExchangeFile(text(withRoom())));
    const scan = parsed.scans[0]!;
    expect(byId(scan.votes!.map((v) => toStoredVote(v, scan.id)))).toEqual(byId(SMALL_VOTES));
    expect(byId(scan.agreements!.map((a) => toStoredAgreement(a, scan.id)))).toEqual(byId(SMALL_AGREEMENTS));
  });

  it('stores a timestamp given with an offset as the same instant in Ketenscan’s form', () => {
    const file = data();
    file.scans[0]!.agreements[0]!.updatedAt = '2027-05-20T11:00+02:00';
    const scan = expectOk(parseExchangeFile(JSON.stringify(file))).scans[0]!;
    expect(toStoredAgreement(scan.agreements![0]!, scan.id).updatedAt).toBe('2027-05-20T09:00:00.000Z');
  });

  it('reads an older file without them unchanged: nothing to write, nothing taken from the device', () => {
    const old = readFileSync(join(EXCHANGE_FIXTURES, 'v1-small-scan.json'), 'utf8');
    const parsed = expectOk(parseExchangeFile(old));
    expect(parsed.scans[0]).not.toHaveProperty('agreements');
    expect(parsed.scans[0]).not.toHaveProperty('votes');
    const plan = planOn({ scans: [SMALL_SCAN], agreements: SMALL_AGREEMENTS, votes: SMALL_VOTES }, [parsed]);
    const writes = finaliseImport(plan);
    expect(writes.agreementsToPut).toEqual([]);
    expect(writes.votesToPut).toEqual([]);
    expect(plan.totals).toMatchObject({ agreementsToAdd: 0, agreementsToUpdate: 0, agreementsKept: 0, votesToAdd: 0, votesKept: 0 });
  });

  it('names the place and the problem when a partner is not an organisation of the scan', () => {
    const { error, en, nl } = refusal((scan) => (scan.agreements[2]!.partnerIds[0] = 'reclassering'));
    expect(error).toMatchObject({ code: 'unknown-organisation', path: 'scans[0].agreements[2].partnerIds[0]' });
    expect(en).toBe('file 1 (room.json), scans[0].agreements[2].partnerIds[0]: "reclassering" is not one of this scan\'s organisations');
    expect(nl).toBe('bestand 1 (room.json), scans[0].agreements[2].partnerIds[0]: "reclassering" is geen organisatie van deze scan');
  });

  it.each([
    ['an agreement on no statement of the instrument', (s: LooseScan) => (s.agreements[0]!.itemId = 'q99'), 'unknown-statement', 'scans[0].agreements[0].itemId'],
    ['a vote option that is no statement', (s: LooseScan) => (s.votes[0]!.options[1]!.itemId = 'q99'), 'unknown-statement', 'scans[0].votes[0].options[1].itemId'],
    ['a statement twice on one ballot', (s: LooseScan) => (s.votes[0]!.options[1]!.itemId = 'q05'), 'duplicate-id', 'scans[0].votes[0].options[1].itemId'],
    ['an option without a count', (s: LooseScan) => delete s.votes[0]!.counts.q11, 'missing-count', 'scans[0].votes[0].counts'],
    ['a count for no option', (s: LooseScan) => (s.votes[1]!.counts.q01 = 1), 'not-an-option', 'scans[0].votes[1].counts.q01'],
    ['a negative count', (s: LooseScan) => (s.votes[0]!.counts.q05 = -1), 'invalid-value', 'scans[0].votes[0].counts.q05'],
    ['a count that is no whole number', (s: LooseScan) => (s.votes[0]!.counts.q05 = 2.5), 'invalid-value', 'scans[0].votes[0].counts.q05'],
    ['11 votes per person', (s: LooseScan) => (s.votes[0]!.votesPerPerson = 11), 'invalid-value', 'scans[0].votes[0].votesPerPerson'],
    ['an unknown way of voting', (s: LooseScan) => (s.votes[0]!.method = 'post'), 'invalid-value', 'scans[0].votes[0].method'],
    ['an agreement id twice', (s: LooseScan) => (s.agreements[1]!.id = s.agreements[0]!.id), 'duplicate-id', 'scans[0].agreements[1].id'],
    ['a vote id twice', (s: LooseScan) => (s.votes[1]!.id = s.votes[0]!.id), 'duplicate-id', 'scans[0].votes[1].id'],
    ['a partner twice', (s: LooseScan) => (s.agreements[0]!.partnerIds[1] = 'gemeente'), 'duplicate-id', 'scans[0].agreements[0].partnerIds[1]'],
    ['no partner', (s: LooseScan) => (s.agreements[0]!.partnerIds = []), 'no-partners', 'scans[0].agreements[0].partnerIds'],
    ['an empty what', (s: LooseScan) => (s.agreements[0]!.what = '  '), 'empty-text', 'scans[0].agreements[0].what'],
    ['a what of 501 characters', (s: LooseScan) => (s.agreements[0]!.what = 'x'.repeat(501)), 'text-too-long', 'scans[0].agreements[0].what'],
    ['a follow-up status that does not exist', (s: LooseScan) => (s.agreements[0]!.followUp!.status = 'finished'), 'invalid-value', 'scans[0].agreements[0].followUp.status'],
    ['a due date that is no date', (s: LooseScan) => (s.agreements[0]!.due = '1-3-2027'), 'invalid-date', 'scans[0].agreements[0].due'],
    ['a vote id that is no UUID', (s: LooseScan) => (s.agreements[0]!.voteId = 'vote-1'), 'invalid-id', 'scans[0].agreements[0].voteId'],
    ['101 agreements', (s: LooseScan) => (s.agreements = Array.from({ length: 101 }, () => s.agreements[1]!)), 'too-many', 'scans[0].agreements'],
  ])('refuses %s', (_what, mutate, code, path) => {
    const { error, en, nl } = refusal(mutate);
    expect(error).toMatchObject({ code, path });
    expect(en).toContain(path);
    expect(nl).toContain(path);
  });

  it('refuses an agreement that names a vote of another scan of the file', () => {
    const file = data();
    const second = structuredClone(file.scans[0]!);
    second.id = LATER_ROUND_ID;
    second.responses = [];
    second.agreements = [];
    second.votes = [{ ...second.votes[0]!, id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d' }];
    file.scans.push(second);
    file.scans[0]!.agreements[0]!.voteId = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
    const result = parseExchangeFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'vote-in-other-scan', path: 'scans[0].agreements[0].voteId', firstPath: 'scans[1]' });
  });
});

describe('merging votes and agreements into a device', () => {
  const file = () => expectOk(parseExchangeFile(text(withRoom())));
  const agreement = SMALL_AGREEMENTS[1]!;
  const closed = SMALL_VOTES[1]!;
  const open = SMALL_VOTES[0]!;

  it('adds them all to a device that has none, and a second import finds them kept', () => {
    const first = finaliseImport(planOn({}, [file()]));
    expect(byId(first.agreementsToPut)).toEqual(byId(SMALL_AGREEMENTS));
    expect(byId(first.votesToPut)).toEqual(byId(SMALL_VOTES));
    const again = planOn({ scans: [SMALL_SCAN], agreements: first.agreementsToPut, votes: first.votesToPut }, [file()]);
    expect(again.totals).toMatchObject({ agreementsToAdd: 0, agreementsToUpdate: 0, agreementsKept: 3, votesToAdd: 0, votesToUpdate: 0, votesKept: 2 });
    expect(finaliseImport(again)).toMatchObject({ agreementsToPut: [], votesToPut: [] });
  });

  it('keeps a follow-up set on this device when the file holds an older copy of the agreement', () => {
    const judged: Agreement = { ...agreement, updatedAt: '2027-06-01T08:00:00.000Z', followUp: { status: 'done', note: 'Getekend.', judgedInScanId: LATER_ROUND_ID, updatedAt: '2027-06-01T08:00:00.000Z' } };
    const plan = planOn({ scans: [SMALL_SCAN], agreements: [judged], votes: SMALL_VOTES }, [file()]);
    expect(plan.agreementsToPut.map((a) => a.id)).not.toContain(agreement.id);
    expect(plan.totals).toMatchObject({ agreementsKept: 1, agreementsToAdd: 2, agreementsToUpdate: 0 });
  });

  it('takes the file’s copy of an agreement when it is newer', () => {
    const older: Agreement = { ...agreement, updatedAt: '2026-11-22T11:10:00.000Z', followUp: null };
    const plan = planOn({ scans: [SMALL_SCAN], agreements: [older], votes: SMALL_VOTES }, [file()]);
    expect(plan.agreementsToPut.find((a) => a.id === agreement.id)).toEqual(agreement);
    expect(plan.totals).toMatchObject({ agreementsToUpdate: 1, agreementsToAdd: 2 });
  });

  it('keeps a closed vote over an open one, and of two, the later close or the later opening', () => {
    const stillOpen: VoteRecord = { ...closed, closedAt: null, counts: { q05: 1, q11: 0, q03: 0 } };
    expect(planOn({ scans: [SMALL_SCAN], votes: [stillOpen, open] }, [file()]).votesToPut.map((v) => v.id)).toEqual([closed.id]);
    const closedLater: VoteRecord = { ...closed, closedAt: '2026-11-22T11:20:00.000Z', counts: { q05: 9, q11: 5, q03: 2 } };
    expect(planOn({ scans: [SMALL_SCAN], votes: [closedLater, open] }, [file()]).totals).toMatchObject({ votesToUpdate: 0, votesKept: 2 });
    const openedEarlier: VoteRecord = { ...open, openedAt: '2026-11-22T11:39:00.000Z' };
    expect(planOn({ scans: [SMALL_SCAN], votes: [closed, openedEarlier] }, [file()]).votesToPut).toEqual([open]);
    // A closed copy on the device is never replaced by an open one from the file.
    const closedHere: VoteRecord = { ...open, closedAt: '2026-11-22T11:50:00.000Z' };
    expect(planOn({ scans: [SMALL_SCAN], votes: [closed, closedHere] }, [file()]).votesToPut).toEqual([]);
  });

  it('refuses an agreement or vote whose id the device holds under another scan', () => {
    const elsewhere: Agreement = { ...agreement, scanId: LATER_ROUND_ID };
    const plan = planOn({ scans: [SMALL_SCAN], agreements: [elsewhere], votes: [{ ...open, scanId: LATER_ROUND_ID }] }, [file()]);
    expect(plan.refusals.map((r) => r.reason)).toEqual(['record-in-other-scan', 'record-in-other-scan', 'unknown-vote']);
    expect(plan.totals.refusedAgreementsAndVotes).toBe(3);
    expect(plan.agreementsToPut.map((a) => a.id)).toEqual([SMALL_AGREEMENTS[0]!.id]);
    expect(describeImportRefusal(plan.refusals[1]!, 'en')).toBe(`file 1, scans[0].agreements[0]: agreement "${agreement.id}" already belongs to another scan in the copy on this device; it is not read in`);
    expect(describeImportRefusal(plan.refusals[2]!, 'nl')).toContain(`afspraak "${SMALL_AGREEMENTS[2]!.id}" noemt stemming "${open.id}"`);
  });

  it('accepts an agreement whose vote is on the device but not in the file, and refuses one whose vote is nowhere', () => {
    const parsed = file();
    delete parsed.scans[0]!.votes;
    expect(planOn({ scans: [SMALL_SCAN], votes: SMALL_VOTES }, [parsed]).agreementsToPut).toHaveLength(3);
    const nowhere = planOn({ scans: [SMALL_SCAN] }, [parsed]);
    expect(nowhere.agreementsToPut.map((a) => a.id)).toEqual([SMALL_AGREEMENTS[0]!.id]);
    expect(nowhere.totals).toMatchObject({ agreementsToAdd: 1, refusedAgreementsAndVotes: 2 });
  });

  it('refuses them with their scan when its instrument differs', () => {
    const other = { ...SMALL_SCAN, instrument: { ...SMALL_SCAN.instrument, version: 2 } };
    const plan = planOn({ scans: [other] }, [file()]);
    expect(plan.refusals.map((r) => r.reason)).toEqual(['instrument-differs']);
    expect(finaliseImport(plan)).toMatchObject({ agreementsToPut: [], votesToPut: [] });
  });
});

describe('the anonymised export', () => {
  const options = { pooledName: 'Overige partners', titleSuffix: ' (geanonimiseerd)', timeZone: 'Europe/Amsterdam' };

  it('keeps the votes (counts) and agreements with fresh ids, the vote link and follow-up intact', () => {
    // Minimum group size 1: every partner is shown on its own, so every agreement keeps its partners.
    const everyone = { ...SMALL_SCAN, settings: { ...SMALL_SCAN.settings, minGroupSize: 1 } };
    const shared = anonymiseForSharing(everyone, SMALL_RESPONSES, options, { votes: SMALL_VOTES, agreements: SMALL_AGREEMENTS });
    expect(shared.votes.map((v) => v.counts)).toEqual(SMALL_VOTES.map((v) => v.counts));
    expect(shared.agreements.map((a) => a.what)).toEqual(SMALL_AGREEMENTS.map((a) => a.what));
    expect(shared.agreements.map((a) => a.partnerIds)).toEqual(SMALL_AGREEMENTS.map((a) => a.partnerIds));
    expect(shared.report.agreementsLeftOut).toBe(0);
    const oldIds = [...SMALL_VOTES, ...SMALL_AGREEMENTS].map((r) => r.id);
    const written = serialiseExchangeFile(buildExchangeFile([shared], NOW, GENERATOR));
    for (const id of [...oldIds, SMALL_SCAN.id, LATER_ROUND_ID]) expect(written).not.toContain(id);
    const linked = shared.agreements.find((a) => a.votes === 8)!;
    expect(linked.voteId).toBe(shared.votes.find((v) => v.method === 'phones')!.id);
    expect(linked.followUp).toMatchObject({ status: 'underway', note: 'Convenant in concept.' });
    // The file reads back as a scan of its own with both.
    const parsed = expectOk(parseExchangeFile(written));
    expect(parsed.scans[0]!.agreements).toHaveLength(3);
    expect(parsed.scans[0]!.votes).toHaveLength(2);
  });

  it('names the pooled group for a pooled partner and leaves out an agreement whose partners are all left out', () => {
    // minGroupSize 2: one respondent each for politie and jeugdbescherming, two for gemeente.
    const scan = { ...SMALL_SCAN, settings: { ...SMALL_SCAN.settings, minGroupSize: 2 } };
    const responses = (SMALL_RESPONSES as SubmittedResponse[]).filter((r) => r.status === 'submitted');
    const counts = Object.fromEntries(scan.organisations.map((o) => [o.id, responses.filter((r) => r.organisationId === o.id).length]));
    const shared = anonymiseForSharing(scan, responses, options, { agreements: SMALL_AGREEMENTS.map((a) => ({ ...a, voteId: null })) });
    const pooled = shared.report.pooledOrganisationIds;
    const leftOut = shared.report.leftOutOrganisationIds;
    const expected = SMALL_AGREEMENTS.map((a) => [...new Set(a.partnerIds.map((p) => (pooled.includes(p) ? shared.report.pooledGroupId : p)).filter((p) => !leftOut.includes(p)))]).filter((ids) => ids.length > 0);
    expect(shared.agreements.map((a) => a.partnerIds)).toEqual(expected);
    expect(shared.report.agreementsLeftOut).toBe(SMALL_AGREEMENTS.length - expected.length);
    // The fixture must pool or leave out someone, or this test proves nothing.
    expect(pooled.length + leftOut.length, JSON.stringify(counts)).toBeGreaterThan(0);
  });
});
