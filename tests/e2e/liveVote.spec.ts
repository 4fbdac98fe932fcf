import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_INSTRUMENT } from '../../src/domain/instrument/defaultInstrument';
import {
  ballotKey,
  createResponseOpener,
  createResponseSealer,
  createSessionCipher,
  deriveSessionFromCode,
  getBallotsMap,
  makeDirectorToken,
  makeRecordId,
  openBallot,
  openVoteDefinition,
  PHONE_TOKEN,
  readBallotEnvelopes,
  readOpenVoteId,
  readVoteDefinitionEnvelope,
  recipientPublicKeyOf,
  sealBallot,
  sealVoteDefinition,
  tallyBallots,
  writeOpenVote,
  writeVoteClosed,
  type CountedBallot,
  type LiveVoteDefinition,
} from '../../src/domain/live';
import { connectNodeClient } from '../../relay/src/nodeClient';
import { expectNoAxeViolations } from './axe';
import { openDemoScan, revealAndGoToEnd } from './helpers';
import { readStore } from './idb';
import { answerAndSubmit, openPhone, RELAY_URL, relayForSpec } from './liveHelpers';

// A vote on the phones (issue 24, docs/live-sessions.md "Votes"): a relay process on 127.0.0.1,
// the director's scan page with a live session, three phone-sized browser contexts that answer
// and then vote on their ballot screen. Ports: the relay on E2E_PORT + 1 (4351 next to 4350).
//
// The first test holds the phones' side alone: the vote is opened and closed, and the tally
// counted, by a second connection with the director's own token and keys (read from the laptop's
// IndexedDB) running the protocol functions the presenter's control runs (directorVote.ts). The
// second drives the whole room from the presenter's vote slide.

relayForSpec('vote');

async function createScanWithSession(page: Page): Promise<{ scanId: string; joinUrl: string }> {
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Demo — Workshop/ })).toBeVisible();
  await page.getByRole('link', { name: 'Nieuwe scan' }).click();
  await page.getByLabel('Titel').fill('Stemmen in de zaal');
  await page.getByLabel('Ketenpartners').fill('Politie\nGemeente\nJeugdzorg\n');
  await page.getByRole('button', { name: 'Scan aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stemmen in de zaal' })).toBeVisible();
  const scanId = /#\/scans\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const relayField = page.getByLabel('Adres van de relay');
  await expect(relayField).toHaveValue(/^wss?:\/\//);
  await relayField.fill(RELAY_URL);
  await page.getByRole('button', { name: 'Live sessie starten' }).click();
  await expect(page.getByText('Verbonden met de relay.')).toBeVisible({ timeout: 15_000 });
  return { scanId, joinUrl: await page.getByTestId('live-join-link').inputValue() };
}

async function vote(page: Page, clicks: [statement: number, delta: 1 | -1][]): Promise<void> {
  for (const [statement, delta] of clicks) {
    await page.getByRole('button', { name: `Eén stem ${delta > 0 ? 'meer' : 'minder'} voor stelling ${statement}`, exact: true }).click();
  }
}

test('three phones vote on their ballot screen, one changes its vote, the tally equals the votes, and a closed vote refuses a late ballot', async ({ browser }) => {
  test.setTimeout(240_000);
  const director = await browser.newContext();
  const page = await director.newPage();
  const { scanId, joinUrl } = await createScanWithSession(page);

  const phones = [];
  for (const organisation of ['Politie', 'Gemeente', 'Jeugdzorg']) {
    const phone = await openPhone(browser, joinUrl);
    phones.push(phone);
    await answerAndSubmit(phone.page, organisation);
    await expect(phone.page.getByTestId('live-delivery')).toHaveText('Uw antwoorden zijn aangekomen bij de ketenregisseur.', { timeout: 10_000 });
    // No vote open: no ballot.
    await expect(phone.page.getByTestId('ballot')).toHaveCount(0);
  }

  // The director's keys, as the presenter holds them.
  const rows = await readStore<{ key: string; value: unknown }>(page, 'meta');
  const stored = JSON.parse(String(rows.find((row) => row.key === `live-session:${scanId}`)!.value)) as { code: string; secret: string; recipientSecret: string };
  const { sessionId, key } = deriveSessionFromCode(stored.code)!;
  const cipher = createSessionCipher(sessionId, key);
  const opener = createResponseOpener(sessionId, stored.recipientSecret);
  if (!cipher.ok || !opener.ok) throw new Error('keys');
  const chair = connectNodeClient(RELAY_URL, sessionId, makeDirectorToken(stored.secret));
  const late = connectNodeClient(RELAY_URL, sessionId, PHONE_TOKEN);
  try {
    await chair.synced;
    const [s1, s2, s3] = DEFAULT_INSTRUMENT.items;
    const liveVote: LiveVoteDefinition = {
      id: makeRecordId(),
      votesPerPerson: 3,
      options: [
        { itemId: s1!.id, kind: 'discussionPoint' },
        { itemId: s2!.id, kind: 'discussionPoint' },
        { itemId: s3!.id, kind: 'uncertainDifference' },
      ],
    };
    writeOpenVote(chair.doc, liveVote.id, await sealVoteDefinition(cipher.value, liveVote));

    const [a, b, c] = phones as [(typeof phones)[0], (typeof phones)[0], (typeof phones)[0]];
    for (const phone of phones) {
      await expect(phone.page.getByTestId('ballot')).toBeVisible({ timeout: 10_000 });
      await expect(phone.page.getByTestId('ballot-left')).toHaveText('Nog 3 van 3 stemmen');
    }
    // Each option with its number, text in the phone's language, and kind in words.
    const first = a.page.getByTestId('ballot-option').first();
    await expect(first).toContainText('Stelling 1');
    await expect(first).toContainText(s1!.text.nl);
    await expect(first).toContainText('Bespreekpunt: de partners kijken hier duidelijk verschillend tegenaan');
    await expect(a.page.getByTestId('ballot-option').nth(2)).toContainText('Mogelijk verschil: de partners lijken te verschillen, maar het kan toeval zijn');
    await a.page.screenshot({ path: 'artifacts/live-vote-ballot.png', fullPage: true });
    await expectNoAxeViolations(a.page, 'the phone\u2019s ballot');

    await vote(a.page, [[1, 1], [1, 1], [1, 1]]);
    await expect(a.page.getByTestId('ballot-left')).toHaveText('Nog 0 van 3 stemmen');
    // No votes left: every + is disabled.
    await expect(a.page.getByRole('button', { name: 'Eén stem meer voor stelling 2', exact: true })).toBeDisabled();
    await a.page.screenshot({ path: 'artifacts/live-vote-filled.png', fullPage: true });
    await vote(b.page, [[1, 1], [2, 1], [2, 1]]);
    await vote(c.page, [[3, 1], [3, 1]]);
    await expect(c.page.getByTestId('ballot-left')).toHaveText('Nog 1 van 3 stemmen');
    for (const phone of phones) {
      await phone.page.getByRole('button', { name: 'Stem versturen' }).click();
      await expect(phone.page.getByTestId('ballot-status')).toHaveText('Uw stem is geteld. U kunt hem wijzigen tot de stemming sluit.', { timeout: 10_000 });
    }
    await a.page.screenshot({ path: 'artifacts/live-vote-counted.png', fullPage: true });
    await expectNoAxeViolations(a.page, 'the phone after voting');

    // Phone A changes its vote: its earlier votes are there to change.
    await a.page.getByRole('button', { name: 'Stem wijzigen' }).click();
    await expect(a.page.getByTestId('ballot-left')).toHaveText('Nog 0 van 3 stemmen');
    await vote(a.page, [[1, -1], [1, -1], [1, -1], [2, 1], [3, 1]]);
    await a.page.getByRole('button', { name: 'Stem versturen' }).click();
    await expect(a.page.getByTestId('ballot-status')).toHaveText('Uw stem is geteld. U kunt hem wijzigen tot de stemming sluit.', { timeout: 10_000 });

    // The director's count: four ballots, the newest of each of three phones.
    const count = async () => {
      const counted: CountedBallot[] = [];
      for (const record of readBallotEnvelopes(chair.doc, liveVote.id).records) {
        const checked = await openBallot(opener.value, record.key, record.envelope, liveVote);
        if (!checked.ok) throw new Error(`refused ballot: ${checked.reason}`);
        counted.push({ key: record.key, ballot: checked.ballot });
      }
      return { ballots: counted.length, tally: tallyBallots(liveVote, counted) };
    };
    await expect.poll(async () => (await count()).ballots, { timeout: 10_000 }).toBe(4);
    expect((await count()).tally).toEqual({ counts: { [s1!.id]: 1, [s2!.id]: 3, [s3!.id]: 3 }, ballots: 3 });

    // Close: every phone says so and the form goes.
    await late.synced;
    writeVoteClosed(chair.doc);
    for (const phone of phones) {
      await expect(phone.page.getByTestId('ballot-closed')).toHaveText('De stemming is gesloten', { timeout: 10_000 });
      await expect(phone.page.getByRole('button', { name: 'Stem versturen' })).toHaveCount(0);
    }
    await b.page.screenshot({ path: 'artifacts/live-vote-closed.png', fullPage: true });

    // A late ballot (a phone that did not see the close in time) is refused by the relay.
    const sealer = createResponseSealer(sessionId, recipientPublicKeyOf(stored.recipientSecret)!);
    if (!sealer.ok) throw new Error('sealer');
    const lateKey = ballotKey(liveVote.id, makeRecordId());
    getBallotsMap(late.doc).set(lateKey, await sealBallot(sealer.value, lateKey, liveVote, { voteId: liveVote.id, voterId: makeRecordId(), sequence: 1, counts: { [s1!.id]: 3 } }));
    await expect.poll(() => late.closeReasons, { timeout: 10_000 }).toContain('ketenscan:vote-not-open');
    expect((await count()).ballots).toBe(4);
  } finally {
    chair.destroy();
    late.destroy();
  }
  await Promise.all([director.close(), ...phones.map((p) => p.context.close())]);
});

// The whole room as it happens (issue 24): the demo workshop with a live session, three phones
// that answer, the presenter that opens the vote on the phones from its vote slide, the
// projector's tally that equals the phones' votes (and follows a phone that changes its vote),
// the close on the slide, the vote kept as counts, and a late ballot that the relay refuses.
test('the presenter opens the vote on the phones, the projector\u2019s tally equals their votes, and its close refuses a late ballot', async ({ browser }) => {
  test.setTimeout(300_000);
  const director = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await director.newPage();
  const scanId = await openDemoScan(page);
  const relayField = page.getByLabel('Adres van de relay');
  await expect(relayField).toHaveValue(/^wss?:\/\//);
  await relayField.fill(RELAY_URL);
  await page.getByRole('button', { name: 'Live sessie starten' }).click();
  await expect(page.getByText('Verbonden met de relay.')).toBeVisible({ timeout: 15_000 });
  const joinUrl = await page.getByTestId('live-join-link').inputValue();

  const phones = [];
  for (const organisation of ['Politie', 'Gemeente', 'Jeugdbescherming']) {
    const phone = await openPhone(browser, joinUrl);
    phones.push(phone);
    await answerAndSubmit(phone.page, organisation);
    await expect(phone.page.getByTestId('live-delivery')).toHaveText('Uw antwoorden zijn aangekomen bij de ketenregisseur.', { timeout: 10_000 });
  }
  const [a, b, c] = phones as [(typeof phones)[0], (typeof phones)[0], (typeof phones)[0]];

  // The presenter: reveal, then the vote slide (two before the end).
  await revealAndGoToEnd(page, scanId);
  const title = page.locator('#slide-title');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(title).toHaveText('Kiezen: wat pakken we op?');
  const slide = page.getByTestId('vote-slide');
  // The demo's round 1 already held a show of hands: a new vote is set up beside it.
  await slide.getByRole('button', { name: 'Nieuwe stemming' }).click();
  await slide.getByRole('button', { name: 'Stemming openen op de telefoons' }).click();
  await expect(slide.getByTestId('vote-ballots')).toHaveText('Nog geen telefoon heeft gestemd.');

  // Every phone gets the ballot; the statements on it are the slide's options.
  for (const phone of phones) await expect(phone.page.getByTestId('ballot')).toBeVisible({ timeout: 10_000 });
  const numbers = (await a.page.getByTestId('ballot-option').allTextContents()).map((text) => Number(/Stelling (\d+)/.exec(text)![1]));
  expect(numbers.length).toBeGreaterThanOrEqual(3);
  const [n1, n2, n3] = numbers as [number, number, number];
  const itemOf = (n: number) => DEFAULT_INSTRUMENT.items[n - 1]!.id;

  await vote(a.page, [[n1, 1], [n1, 1], [n1, 1]]);
  await vote(b.page, [[n1, 1], [n2, 1], [n2, 1]]);
  await vote(c.page, [[n3, 1], [n3, 1]]);
  for (const phone of phones) {
    await phone.page.getByRole('button', { name: 'Stem versturen' }).click();
    await expect(phone.page.getByTestId('ballot-status')).toHaveText('Uw stem is geteld. U kunt hem wijzigen tot de stemming sluit.', { timeout: 10_000 });
  }
  // The projector: counts per statement and phones, never a name.
  await expect(slide.getByTestId('vote-ballots')).toHaveText('3 telefoons hebben gestemd.', { timeout: 10_000 });
  await expect(slide.getByTestId(`vote-count-${itemOf(n1)}`)).toHaveText('4');
  await expect(slide.getByTestId(`vote-count-${itemOf(n2)}`)).toHaveText('2');
  await expect(slide.getByTestId(`vote-count-${itemOf(n3)}`)).toHaveText('2');
  for (const name of ['Politie', 'Gemeente', 'Jeugdbescherming']) await expect(slide.getByText(name, { exact: true })).toHaveCount(0);
  await page.screenshot({ path: 'artifacts/live-vote-projector.png' });
  await expectNoAxeViolations(page, 'the vote slide with the phones\u2019 tally');

  // Phone A changes its vote: its new ballot replaces the first on the projector.
  await a.page.getByRole('button', { name: 'Stem wijzigen' }).click();
  await vote(a.page, [[n1, -1], [n1, -1], [n1, -1], [n2, 1], [n3, 1]]);
  await a.page.getByRole('button', { name: 'Stem versturen' }).click();
  await expect(a.page.getByTestId('ballot-status')).toHaveText('Uw stem is geteld. U kunt hem wijzigen tot de stemming sluit.', { timeout: 10_000 });
  await expect(slide.getByTestId(`vote-count-${itemOf(n1)}`)).toHaveText('1', { timeout: 10_000 });
  await expect(slide.getByTestId(`vote-count-${itemOf(n2)}`)).toHaveText('3');
  await expect(slide.getByTestId(`vote-count-${itemOf(n3)}`)).toHaveText('3');
  await expect(slide.getByTestId('vote-ballots')).toHaveText('3 telefoons hebben gestemd.');

  // Before the close, a node client with the phone token learns the open vote to send a late ballot with.
  const rows = await readStore<{ key: string; value: unknown }>(page, 'meta');
  const stored = JSON.parse(String(rows.find((row) => row.key === `live-session:${scanId}`)!.value)) as { code: string; recipientSecret: string };
  const { sessionId, key } = deriveSessionFromCode(stored.code)!;
  const cipher = createSessionCipher(sessionId, key);
  const sealer = createResponseSealer(sessionId, recipientPublicKeyOf(stored.recipientSecret)!);
  if (!cipher.ok || !sealer.ok) throw new Error('keys');
  const late = connectNodeClient(RELAY_URL, sessionId, PHONE_TOKEN);
  try {
    await late.synced;
    const voteId = readOpenVoteId(late.doc);
    expect(voteId).not.toBeNull();
    const liveVote = await openVoteDefinition(cipher.value, voteId!, readVoteDefinitionEnvelope(late.doc));
    expect(liveVote).not.toBeNull();

    // Close on the slide: the phones say so, and the vote is kept as counts.
    await slide.getByRole('button', { name: 'Stemming sluiten' }).click();
    await expect(slide.getByText(/De stemming is gesloten\./)).toBeVisible();
    for (const phone of phones) await expect(phone.page.getByTestId('ballot-closed')).toHaveText('De stemming is gesloten', { timeout: 10_000 });
    await expect.poll(() => readOpenVoteId(late.doc), { timeout: 10_000 }).toBeNull();
    const votes = await readStore<{ scanId: string; method: string; ballots: number | null; counts: Record<string, number>; closedAt: string | null }>(page, 'votes');
    // Beside the demo's show of hands, one vote on the phones.
    const kept = votes.filter((row) => row.scanId === scanId && row.method === 'phones');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ method: 'phones', ballots: 3, counts: { [itemOf(n1)]: 1, [itemOf(n2)]: 3, [itemOf(n3)]: 3 } });
    expect(kept[0]!.closedAt).not.toBeNull();

    // A late ballot is refused by the relay, and the projector's tally does not move.
    const lateKey = ballotKey(voteId!, makeRecordId());
    getBallotsMap(late.doc).set(lateKey, await sealBallot(sealer.value, lateKey, liveVote!, { voteId: voteId!, voterId: makeRecordId(), sequence: 1, counts: { [itemOf(n1)]: 3 } }));
    await expect.poll(() => late.closeReasons, { timeout: 10_000 }).toContain('ketenscan:vote-not-open');
    await page.waitForTimeout(500);
    await expect(slide.getByTestId(`vote-count-${itemOf(n1)}`)).toHaveText('1');
  } finally {
    late.destroy();
  }
  await Promise.all([director.close(), ...phones.map((p) => p.context.close())]);
});
