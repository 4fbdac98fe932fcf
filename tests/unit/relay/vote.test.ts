// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addBallotEnvelope,
  createResponseSealer,
  getBallotsMap,
  makeRecordId,
  openBallot,
  openRecipientKey,
  openVoteDefinition,
  PHONE_TOKEN,
  readBallotEnvelopes,
  readOpenVoteId,
  readRecipientEnvelope,
  readVoteDefinitionEnvelope,
  sealBallot,
  sealVoteDefinition,
  tallyBallots,
  writeOpenVote,
  writeVoteClosed,
  ballotKey,
  type CountedBallot,
  type LiveVoteDefinition,
} from '../../../src/domain/live';
import type { PhoneVoteTally } from '../../../src/domain/agreements/types';
import {
  connectNodeClient,
  HOST,
  makeDataDir,
  makeTestSession,
  openAsDirector,
  removeDataDir,
  sleep,
  startTestRelay,
  waitUntil,
  withTimeout,
  type NodeClient,
  type TestRelay,
  type TestSession,
} from './helpers';

// A vote on the phones through a real relay (docs/live-sessions.md "Votes"): the director opens
// a vote, three phones send ballots sealed to the director, the tally equals the votes, one
// phone's second ballot replaces its first, and after the close a late ballot is refused by the
// relay and not counted. Port 4458.

const PORT = 4458;
const URL = `ws://${HOST}:${PORT}`;

/** A phone as phoneVote.ts is: reads the open vote with the link's key, keeps a voter id and a sequence. */
class TestPhone {
  readonly voterId = makeRecordId();
  private sequence = 0;
  constructor(
    readonly client: NodeClient,
    private readonly session: TestSession,
  ) {}

  async openVote(): Promise<LiveVoteDefinition> {
    const voteId = readOpenVoteId(this.client.doc);
    const envelope = readVoteDefinitionEnvelope(this.client.doc);
    if (voteId === null || envelope === null) throw new Error('no open vote on the phone');
    const vote = await openVoteDefinition(this.session.cipher, voteId, envelope);
    if (vote === null) throw new Error('the vote could not be read');
    return vote;
  }

  /** Adds a ballot, as the phone does, whether or not the vote is still open at the relay. */
  async vote(vote: LiveVoteDefinition, counts: Record<string, number>): Promise<string> {
    const recipient = await openRecipientKey(this.session.cipher, readRecipientEnvelope(this.client.doc));
    if (!recipient.ok) throw new Error('no director key');
    const sealer = createResponseSealer(this.session.sessionId, recipient.publicKey);
    if (!sealer.ok) throw new Error(sealer.error);
    this.sequence += 1;
    const recordId = makeRecordId();
    const key = ballotKey(vote.id, recordId);
    const envelope = await sealBallot(sealer.value, key, vote, { voteId: vote.id, voterId: this.voterId, sequence: this.sequence, counts });
    // Written straight into the map: a late phone that has not yet seen the close.
    getBallotsMap(this.client.doc).set(key, envelope);
    return key;
  }
}

/** The director's count, as directorVote.ts does it: open and check each ballot, keep each voter's newest. */
async function directorTally(director: NodeClient, session: TestSession, vote: LiveVoteDefinition): Promise<{ tally: PhoneVoteTally; refused: number }> {
  const counted: CountedBallot[] = [];
  let refused = 0;
  for (const record of readBallotEnvelopes(director.doc, vote.id).records) {
    const checked = await openBallot(session.opener, record.key, record.envelope, vote);
    if (checked.ok) counted.push({ key: record.key, ballot: checked.ballot });
    else refused += 1;
  }
  return { tally: tallyBallots(vote, counted), refused };
}

describe('a vote on the phones through the relay', () => {
  let dataDir: string;
  let relay: TestRelay;
  const clients: NodeClient[] = [];

  beforeAll(async () => {
    dataDir = await makeDataDir();
    relay = await startTestRelay(PORT, dataDir);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await relay.stop();
    await removeDataDir(dataDir);
  });

  it('three phones vote, a second ballot replaces the first, and a late ballot is refused by the relay and not counted', async () => {
    const session = makeTestSession();
    const director = await openAsDirector(URL, session);
    clients.push(director);
    const phones: TestPhone[] = [];
    for (let i = 0; i < 3; i += 1) {
      const client = connectNodeClient(URL, session.sessionId, PHONE_TOKEN);
      clients.push(client);
      await withTimeout(client.synced, 5000, `phone ${i} synced`);
      phones.push(new TestPhone(client, session));
    }
    await waitUntil(() => phones.every((p) => readRecipientEnvelope(p.client.doc) !== null), 5000, 'the director key on every phone');

    // A ballot before any vote is open is refused (and would name no vote the phone could read).
    const early = connectNodeClient(URL, session.sessionId, PHONE_TOKEN);
    clients.push(early);
    await withTimeout(early.synced, 5000, 'early phone synced');
    const notYet: LiveVoteDefinition = { id: makeRecordId(), votesPerPerson: 3, options: [{ itemId: 'i1', kind: 'discussionPoint' }] };
    expect(addBallotEnvelope(early.doc, notYet.id, makeRecordId(), new Uint8Array(80))).toBe('vote-not-open');
    await new TestPhone(early, session).vote(notYet, { i1: 1 });
    await waitUntil(() => early.closeReasons.includes('ketenscan:vote-not-open'), 5000, `refusal of a ballot with no vote open (saw ${early.closeReasons.join(', ')})`);

    const vote: LiveVoteDefinition = {
      id: makeRecordId(),
      votesPerPerson: 3,
      options: [
        { itemId: 'a', kind: 'discussionPoint' },
        { itemId: 'b', kind: 'discussionPoint' },
        { itemId: 'c', kind: 'uncertainDifference' },
      ],
    };
    writeOpenVote(director.doc, vote.id, await sealVoteDefinition(session.cipher, vote));
    await waitUntil(() => phones.every((p) => readOpenVoteId(p.client.doc) === vote.id), 5000, 'the open vote on every phone');
    const seen = await Promise.all(phones.map((p) => p.openVote()));
    for (const v of seen) expect(v).toEqual(vote);

    const [one, two, three] = phones as [TestPhone, TestPhone, TestPhone];
    await one.vote(vote, { a: 3 });
    await two.vote(vote, { a: 1, b: 2 });
    await three.vote(vote, { c: 2 });
    await waitUntil(() => readBallotEnvelopes(director.doc, vote.id).records.length === 3, 5000, 'three ballots at the director');
    expect((await directorTally(director, session, vote)).tally).toEqual<PhoneVoteTally>({ counts: { a: 4, b: 2, c: 2 }, ballots: 3 });

    // Phone one changes its mind: a new record, never an overwrite; its newest ballot counts.
    await one.vote(vote, { b: 1, c: 1 });
    await waitUntil(() => readBallotEnvelopes(director.doc, vote.id).records.length === 4, 5000, 'the second ballot at the director');
    expect((await directorTally(director, session, vote)).tally).toEqual<PhoneVoteTally>({ counts: { a: 1, b: 3, c: 3 }, ballots: 3 });

    // A ballot with more votes than allowed reaches the director (the relay cannot read it) and is refused there.
    const cheat = phones[2]!;
    const recipient = await openRecipientKey(session.cipher, readRecipientEnvelope(cheat.client.doc));
    if (!recipient.ok) throw new Error('key');
    const sealer = createResponseSealer(session.sessionId, recipient.publicKey);
    if (!sealer.ok) throw new Error('sealer');
    const cheatKey = ballotKey(vote.id, makeRecordId());
    const json = new TextEncoder().encode(JSON.stringify({ v: vote.id, p: cheat.voterId, n: 99, c: { a: 10 } }));
    getBallotsMap(cheat.client.doc).set(cheatKey, await sealer.value.seal(cheatKey, Uint8Array.from([0x10, ...json]), 'ballot'));
    await waitUntil(() => readBallotEnvelopes(director.doc, vote.id).records.length === 5, 5000, 'the bad ballot at the director');
    const withBad = await directorTally(director, session, vote);
    expect(withBad.tally).toEqual<PhoneVoteTally>({ counts: { a: 1, b: 3, c: 3 }, ballots: 3 });
    expect(withBad.refused).toBe(1);

    // Close. The phones learn it; a phone that has not yet (its ballot already on the way) is refused.
    const finalTally = withBad.tally;
    writeVoteClosed(director.doc);
    await waitUntil(() => readOpenVoteId(phones[1]!.client.doc) === null, 5000, 'the close on a phone');
    const lateClient = phones[1]!.client;
    // The late phone still believes the vote is open: it writes its ballot anyway.
    await phones[1]!.vote(vote, { c: 3 });
    await waitUntil(() => lateClient.closeReasons.includes('ketenscan:vote-not-open'), 5000, `refusal of a late ballot (saw ${lateClient.closeReasons.join(', ')})`);
    await sleep(300);
    expect(readBallotEnvelopes(director.doc, vote.id).records).toHaveLength(5);
    expect((await directorTally(director, session, vote)).tally).toEqual(finalTally);
    expect(relay.logLines.some((line) => line.startsWith('refused vote-not-open'))).toBe(true);
  }, 30_000);
});
