import { beforeEach, describe, expect, it } from 'vitest';
import { checkStoredAgreement, checkStoredVote } from '../../../src/domain/agreements/storedAgreement';
import { voteOptionsFromAnalysis } from '../../../src/domain/agreements/voteOptions';
import { analyseScanProtected } from '../../../src/domain/analysis';
import { generateDemoAgreements } from '../../../src/domain/demo/demoAgreements';
import { generateDemoSeries } from '../../../src/domain/demo/generateDemoScan';
import { listAgreements, listVotes } from '../../../src/storage/agreementRepository';
import { db } from '../../../src/storage/db';
import { createDemoScan } from '../../../src/storage/demoRepository';

// The demo's round 1 gets a show of hands and three agreements on its discussion points; round 2
// has judged two of them (docs/agreements.md, "The demo").
const now = new Date('2026-11-22T09:00:00.000Z');
const rounds = generateDemoSeries({ now });
const [first, second] = rounds;

describe('generateDemoAgreements', () => {
  const { votes, agreements } = generateDemoAgreements(rounds);

  it('gives every vote and agreement an id no scan or response of the demo has', () => {
    const taken = new Set(rounds.flatMap((round) => [round.scan.id, ...round.responses.map((r) => r.id)]));
    const ids = [...votes, ...agreements].map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => taken.has(id))).toEqual([]);
  });

  it('holds one closed show of hands over round 1\'s discussion points, within 3 votes a person', () => {
    expect(votes).toHaveLength(1);
    const [vote] = votes;
    expect(checkStoredVote(vote).ok).toBe(true);
    const analysis = analyseScanProtected({ instrument: first.scan.instrument, organisations: first.scan.organisations, responses: first.responses, settings: first.scan.settings });
    // The written-out ballot is the analysis's own: round 1's discussion points, in order.
    expect(vote!.options).toEqual(voteOptionsFromAnalysis(analysis));
    expect(vote!.options.every((o) => o.kind === 'discussionPoint')).toBe(true);
    expect(Object.keys(vote!.counts).sort()).toEqual(vote!.options.map((o) => o.itemId).sort());
    const given = Object.values(vote!.counts).reduce((s, v) => s + v, 0);
    expect(given).toBe(68);
    expect(given).toBeLessThanOrEqual(first.responses.filter((r) => r.status === 'submitted').length * vote!.votesPerPerson);
    expect(vote!.scanId).toBe(first.scan.id);
    expect(vote!.closedAt).not.toBeNull();
  });

  it('agrees on the three points with most votes, with partners of the demo, and round 2 judged two', () => {
    expect(agreements.map((a) => [a.itemId, a.votes])).toEqual([
      ['q05', 21],
      ['q08', 17],
      ['q11', 12],
    ]);
    const partnerIds = new Set(first.scan.organisations.map((o) => o.id));
    for (const a of agreements) {
      expect(checkStoredAgreement(a).ok).toBe(true);
      expect(a.scanId).toBe(first.scan.id);
      expect(a.voteId).toBe(votes[0]!.id);
      expect(a.partnerIds.length).toBeGreaterThan(0);
      expect(a.partnerIds.every((id) => partnerIds.has(id))).toBe(true);
      expect(a.due! > first.scan.date).toBe(true);
    }
    expect(agreements.map((a) => a.followUp?.status ?? null)).toEqual(['done', 'underway', null]);
    expect(agreements.filter((a) => a.followUp).every((a) => a.followUp!.judgedInScanId === second.scan.id)).toBe(true);
  });

  it('is the same every time (fixed ids)', () => {
    expect(generateDemoAgreements(generateDemoSeries({ now }))).toEqual(generateDemoAgreements(rounds));
  });
});

describe('createDemoScan', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('writes the vote and agreements with round 1, once, also when the demo is made again', async () => {
    await createDemoScan(now);
    const id = await createDemoScan(now);
    const { agreements, unreadable } = await listAgreements(id);
    expect(unreadable).toBe(0);
    expect(agreements.map((a) => a.itemId)).toEqual(['q05', 'q08', 'q11']);
    expect((await listVotes(id)).votes).toHaveLength(1);
    expect(await db.agreements.count()).toBe(3);
  });
});
