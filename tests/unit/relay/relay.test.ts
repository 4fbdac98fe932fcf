// @vitest-environment node
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeSession,
  isSessionClosed,
  makeDirectorSecret,
  makeDirectorToken,
  makeRecordId,
  makeSessionId,
  openResponse,
  PHONE_TOKEN,
  readResponseEnvelopes,
} from '../../../src/domain/live';
import { SMALL_SCAN } from '../../fixtures/exchange/smallScan';
import {
  connectNodeClient,
  decryptAll,
  lookupScan,
  makeDataDir,
  makeTestSession,
  openAsDirector,
  readStoredFiles,
  removeDataDir,
  responseKeys,
  sealedLike,
  sealedRecord,
  sleep,
  startTestRelay,
  submitResponse,
  SUBMITTED,
  waitUntil,
  withTimeout,
  type NodeClient,
  type TestRelay,
} from './helpers';

const PORT = 4451;

describe('Ketenscan relay', { timeout: 20_000 }, () => {
  let dataDir: string;
  let relay: TestRelay;
  const clients: NodeClient[] = [];
  const track = (client: NodeClient): NodeClient => {
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    dataDir = await makeDataDir();
    relay = await startTestRelay(PORT, dataDir);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await relay.stop();
    await removeDataDir(dataDir);
  });

  it('relays an encrypted response from a phone to the director, and stores no plaintext', async () => {
    const session = makeTestSession();
    const director = track(await openAsDirector(relay.url, session));
    const phone = track(connectNodeClient(relay.url, session.sessionId, PHONE_TOKEN));
    await withTimeout(phone.synced, 5000, 'phone synced');
    await waitUntil(() => phone.doc.getMap('meta').has('definition'), 5000, 'definition on the phone');

    const response = SUBMITTED[0]!;
    const recordId = await submitResponse(phone, session, response);
    await waitUntil(() => director.doc.getMap('responses').has(recordId), 5000, 'response at the director');
    const arrived = await decryptAll(director.doc, session);
    expect([...arrived.values()]).toEqual([response.id]);

    // A tampered ciphertext is refused by decryption, as a value.
    const envelope = readResponseEnvelopes(director.doc).records[0]!.envelope.slice();
    envelope[envelope.length - 3] = envelope[envelope.length - 3]! ^ 0x10;
    expect(await openResponse(session.opener, recordId, envelope, lookupScan)).toEqual({ ok: false, error: { code: 'envelope', detail: 'decrypt-failed' } });

    // What the relay keeps: ciphertext and random ids only.
    const docFile = `docs/${session.sessionId}.ydoc`;
    let stored = await readStoredFiles(dataDir);
    for (let i = 0; i < 50 && !(stored.get(docFile)?.includes(Buffer.from(recordId))); i += 1) {
      await sleep(100);
      stored = await readStoredFiles(dataDir);
    }
    expect(stored.get(docFile)?.includes(Buffer.from(recordId))).toBe(true);
    const plaintexts = [
      SMALL_SCAN.id,
      SMALL_SCAN.title,
      ...SMALL_SCAN.organisations.flatMap((o) => [o.id, o.name]),
      ...SMALL_SCAN.instrument.items.flatMap((item) => [item.text.nl.slice(0, 24), item.text.en.slice(0, 24)]),
      response.id,
      response.submittedAt,
      ...Object.values(response.comments).map((c) => c.slice(0, 20)),
      response.improvement.slice(0, 20),
      ...response.keywords,
      'KS1:',
      // The answers as the KS1 text carries them (one character per statement) and as JSON.
      SMALL_SCAN.instrument.items
        .map((item) => response.answers[item.id])
        .map((answer) => (answer === undefined ? '-' : answer === 'dk' ? 'd' : String(answer)))
        .join(''),
      JSON.stringify(response.answers).slice(0, 24),
      session.key,
      session.secret,
    ];
    for (const [name, bytes] of stored) {
      for (const text of plaintexts) {
        expect(bytes.includes(Buffer.from(text, 'utf8')), `${name} holds "${text}"`).toBe(false);
        expect(bytes.includes(Buffer.from(text.toLowerCase(), 'utf8')), `${name} holds "${text}"`).toBe(false);
      }
    }
  });

  it('refuses a phone that deletes or changes a response or touches meta; the director keeps everything', async () => {
    const session = makeTestSession();
    const director = track(await openAsDirector(relay.url, session));
    const honest = track(connectNodeClient(relay.url, session.sessionId, PHONE_TOKEN));
    await withTimeout(honest.synced, 5000, 'phone synced');
    const recordId = await submitResponse(honest, session, SUBMITTED[1]!);
    await waitUntil(() => director.doc.getMap('responses').has(recordId), 5000, 'response at the director');
    const before = Y.encodeStateVector(director.doc);
    const snapshot = () => ({
      responses: responseKeys(director.doc),
      envelope: Buffer.from(director.doc.getMap('responses').get(recordId) as Uint8Array).toString('hex'),
      definition: Buffer.from(director.doc.getMap('meta').get('definition') as Uint8Array).toString('hex'),
      closed: isSessionClosed(director.doc),
    });
    const expected = snapshot();
    // Well-formed sealed boxes, so each attack is refused for what it does, not for its bytes.
    const overwrite = await sealedRecord(session, recordId, 40);
    const underOtherId = await sealedRecord(session, makeRecordId(), 40);
    const randomRecord = sealedLike(300);
    randomRecord[0] = 0xa7;

    const attacks: [string, (doc: Y.Doc) => void, string][] = [
      ['delete a response', (doc) => doc.getMap('responses').delete(recordId), 'ketenscan:changes-existing-data'],
      ['overwrite a response', (doc) => doc.getMap('responses').set(recordId, overwrite), 'ketenscan:changes-existing-data'],
      ['overwrite the definition', (doc) => doc.getMap('meta').set('definition', new Uint8Array(64)), 'ketenscan:changes-existing-data'],
      ['close the session', (doc) => doc.getMap('meta').set('closed', true), 'ketenscan:outside-responses'],
      ['write another map', (doc) => doc.getMap('elsewhere').set('x', 1), 'ketenscan:outside-responses'],
      ['write text instead of bytes', (doc) => doc.getMap('responses').set(makeRecordId(), 'plain answers'), 'ketenscan:invalid-record'],
      ['write under a non-random id', (doc) => doc.getMap('responses').set('my-id', underOtherId), 'ketenscan:invalid-record'],
      ['write random bytes', (doc) => doc.getMap('responses').set(makeRecordId(), randomRecord), 'ketenscan:record-not-sealed'],
    ];
    for (const [what, attack, reason] of attacks) {
      const phone = track(connectNodeClient(relay.url, session.sessionId, PHONE_TOKEN));
      await withTimeout(phone.synced, 5000, `${what}: phone synced`);
      attack(phone.doc);
      await waitUntil(() => phone.closeReasons.includes(reason), 5000, `${what}: refusal ${reason} (saw ${phone.closeReasons.join(', ')})`);
      phone.destroy();
    }
    await sleep(300);
    expect(snapshot()).toEqual(expected);
    expect(Y.encodeStateVector(director.doc)).toEqual(before);
    const onRelay = relay.server.hocuspocus.documents.get(session.sessionId);
    expect(onRelay && [...onRelay.getMap('responses').keys()]).toEqual([recordId]);
    expect(onRelay?.getMap('elsewhere').size).toBe(0);
  });

  it('refuses phones for unknown sessions, bad tokens and another director secret', async () => {
    const unknown = track(connectNodeClient(relay.url, makeSessionId(), PHONE_TOKEN));
    await waitUntil(() => unknown.authFailures.length > 0, 5000, 'refusal of an unknown session');
    expect(unknown.authFailures).toContain('ketenscan:unknown-session');

    const session = makeTestSession();
    track(await openAsDirector(relay.url, session, { writeDefinition: false }));
    const impostor = track(connectNodeClient(relay.url, session.sessionId, makeDirectorToken(makeDirectorSecret())));
    await waitUntil(() => impostor.authFailures.length > 0, 5000, 'refusal of another secret');
    expect(impostor.authFailures).toContain('ketenscan:wrong-director-secret');

    const garbage = track(connectNodeClient(relay.url, session.sessionId, 'director:short'));
    await waitUntil(() => garbage.authFailures.length > 0, 5000, 'refusal of a bad token');
    expect(garbage.authFailures).toContain('ketenscan:invalid-token');

    const badName = track(connectNodeClient(relay.url, '../../etc/passwd', PHONE_TOKEN));
    await waitUntil(() => badName.authFailures.length > 0, 5000, 'refusal of a bad name');
    expect(badName.authFailures).toContain('ketenscan:invalid-session-id');
  });

  it('refuses an oversize message, an oversize record and a flood, and closes that connection', async () => {
    const session = makeTestSession();
    const director = track(await openAsDirector(relay.url, session));

    const big = track(connectNodeClient(relay.url, session.sessionId, PHONE_TOKEN));
    await withTimeout(big.synced, 5000, 'phone synced');
    big.doc.getMap('responses').set(makeRecordId(), new Uint8Array(70 * 1024));
    await waitUntil(() => big.closeReasons.includes('ketenscan:message-too-large'), 5000, 'refusal of 70 KiB');
    big.destroy();

    const record = track(connectNodeClient(relay.url, session.sessionId, PHONE_TOKEN));
    await withTimeout(record.synced, 5000, 'phone synced');
    // The shape of a sealed box, refused for its size alone.
    record.doc.getMap('responses').set(makeRecordId(), sealedLike(30 * 1024));
    await waitUntil(() => record.closeReasons.includes('ketenscan:invalid-record'), 5000, 'refusal of a 30 KiB record');
    record.destroy();

    const flood = track(connectNodeClient(relay.url, session.sessionId, PHONE_TOKEN));
    await withTimeout(flood.synced, 5000, 'phone synced');
    // Real sealed boxes of 48 bytes of plaintext (109 bytes), sealed before the burst.
    const ids = Array.from({ length: 40 }, () => makeRecordId());
    const boxes = await Promise.all(ids.map((id) => sealedRecord(session, id, 48)));
    // Sent before any reply can come back: 40 updates in one burst, over the 20 per 10 s.
    for (let i = 0; i < 40; i += 1) flood.doc.getMap('responses').set(ids[i]!, boxes[i]!);
    await waitUntil(() => flood.closeReasons.includes('ketenscan:too-many-updates'), 5000, `refusal of a flood (saw ${flood.closeReasons.join(', ')})`);
    flood.destroy();
    await sleep(300);
    // At most the first 20 of the flood got through; the oversize ones never did.
    const sizes = [...director.doc.getMap('responses').values()].map((v) => (v as Uint8Array).length);
    expect(sizes.every((size) => size === 48 + 61)).toBe(true);
    expect(sizes.length).toBeLessThanOrEqual(20);
    expect(sizes.length).toBeGreaterThan(0);
  });

  it('after the director closes, a late phone sees "closed" and its write is refused', async () => {
    const session = makeTestSession();
    const director = track(await openAsDirector(relay.url, session));
    const early = track(connectNodeClient(relay.url, session.sessionId, PHONE_TOKEN));
    await withTimeout(early.synced, 5000, 'early phone synced');
    const first = await submitResponse(early, session, SUBMITTED[0]!);
    await waitUntil(() => director.doc.getMap('responses').has(first), 5000, 'first response');

    closeSession(director.doc);
    await waitUntil(() => isSessionClosed(early.doc), 5000, 'early phone told');

    const late = track(connectNodeClient(relay.url, session.sessionId, PHONE_TOKEN));
    await withTimeout(late.synced, 5000, 'late phone synced');
    expect(isSessionClosed(late.doc)).toBe(true);
    const lateRecord = await submitResponse(late, session, SUBMITTED[1]!);
    const earlyRecord = await submitResponse(early, session, SUBMITTED[2]!);
    await sleep(800);
    expect(responseKeys(director.doc)).toEqual([first]);
    const onRelay = relay.server.hocuspocus.documents.get(session.sessionId);
    expect(onRelay?.getMap('responses').has(lateRecord)).toBe(false);
    expect(onRelay?.getMap('responses').has(earlyRecord)).toBe(false);
    // Refused quietly: the phone stays connected and can keep showing "closed".
    expect(late.closeReasons).toEqual([]);
    expect(late.provider.isAuthenticated).toBe(true);
  });
});
