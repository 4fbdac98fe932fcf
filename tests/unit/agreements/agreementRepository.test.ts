import { beforeEach, describe, expect, it } from 'vitest';
import type { Agreement, VoteRecord } from '../../../src/domain/agreements/types';
import { db } from '../../../src/storage/db';
import { deleteAgreement, listAgreements, listVotes, saveAgreement, saveVote, setFollowUp } from '../../../src/storage/agreementRepository';
import { RecordNotFoundError } from '../../../src/storage/errors';
import { addScan, deleteScan } from '../../../src/storage/scanRepository';
import { buildScan } from '../../fixtures/buildScan';

const scan = buildScan({ id: 'scan-1', organisations: [{ id: 'politie', name: 'Politie' }, { id: 'gemeente', name: 'Gemeente' }] });

const agreement = (fields: Partial<Agreement> = {}): Agreement => ({
  id: 'a1',
  scanId: scan.id,
  itemId: 'q03',
  what: 'Eén overleg per gezin',
  partnerIds: ['politie'],
  due: '2027-03-01',
  votes: 5,
  voteId: 'v1',
  createdAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
  followUp: null,
  ...fields,
});

const vote: VoteRecord = {
  id: 'v1',
  scanId: scan.id,
  method: 'hands',
  votesPerPerson: 3,
  options: [
    { itemId: 'q03', kind: 'discussionPoint' },
    { itemId: 'q05', kind: 'uncertainDifference' },
  ],
  counts: { q03: 5, q05: 1 },
  ballots: null,
  openedAt: '2026-12-07T09:50:00.000Z',
  closedAt: '2026-12-07T09:55:00.000Z',
};

beforeEach(async () => {
  await db.delete();
  await db.open();
  await addScan(structuredClone(scan));
});

describe('agreement repository', () => {
  it('keeps agreements per scan, oldest first, and replaces one by id', async () => {
    await saveAgreement(agreement({ id: 'a2', createdAt: '2026-12-07T11:00:00.000Z' }));
    await saveAgreement(agreement());
    await saveAgreement(agreement({ what: 'Twee overleggen' }));
    const { agreements, unreadable } = await listAgreements(scan.id);
    expect(agreements.map((a) => [a.id, a.what])).toEqual([
      ['a1', 'Twee overleggen'],
      ['a2', 'Eén overleg per gezin'],
    ]);
    expect(unreadable).toBe(0);
    await deleteAgreement('a2');
    expect((await listAgreements(scan.id)).agreements.map((a) => a.id)).toEqual(['a1']);
  });

  it('refuses an agreement for a scan that is not on the device', async () => {
    await expect(saveAgreement(agreement({ scanId: 'gone' }))).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(await db.agreements.count()).toBe(0);
  });

  it('sets a follow-up and moves updatedAt', async () => {
    await saveAgreement(agreement());
    const followUp = { status: 'underway' as const, note: 'Pilot', judgedInScanId: 'scan-2', updatedAt: '2027-05-01T09:00:00.000Z' };
    await setFollowUp('a1', followUp, new Date('2027-05-01T09:00:00.000Z'));
    const [stored] = (await listAgreements(scan.id)).agreements;
    expect(stored?.followUp).toEqual(followUp);
    expect(stored?.updatedAt).toBe('2027-05-01T09:00:00.000Z');
    await expect(setFollowUp('nope', followUp)).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it('leaves a damaged row out and counts it', async () => {
    await saveAgreement(agreement());
    await db.agreements.put({ ...agreement({ id: 'bad' }), partnerIds: [] });
    await db.votes.put({ ...vote, id: 'bad-vote', counts: { q03: 1 } });
    await saveVote(vote);
    expect(await listAgreements(scan.id)).toMatchObject({ agreements: [{ id: 'a1' }], unreadable: 1 });
    expect(await listVotes(scan.id)).toMatchObject({ votes: [{ id: 'v1' }], unreadable: 1 });
  });

  it('deletes votes and agreements with their scan', async () => {
    await saveAgreement(agreement());
    await saveVote(vote);
    await deleteScan(scan.id);
    expect(await db.agreements.count()).toBe(0);
    expect(await db.votes.count()).toBe(0);
  });
});
