// @vitest-environment node
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeRecordId, PHONE_TOKEN } from '@ketenscan/live-protocol';
import { DEFAULT_RELAY_LIMITS } from '../../../relay/src/rules';
import {
  connectNodeClient,
  decryptAll,
  HOST,
  makeDataDir,
  makeTestSession,
  openAsDirector,
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

// "A session that an attendee cannot take down" (docs/live-sessions.md "Limits"): real relays on
// loopback, attackers on 127.0.0.2–.9 (the `ws` client binds a local address), honest devices on
// 127.0.0.1. Ports 4452, 4454 and 4457.

const FLOOD_PORT = 4452;
const CAPS_PORT = 4454;
const ORIGIN_PORT = 4457;

const RECORD_BYTES = 19 * 1024;

function refusalsIn(relay: TestRelay): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of relay.logLines) {
    const name = /^refused (\S+)/.exec(line)?.[1];
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

describe('a flood from one address with only the join code', { timeout: 60_000 }, () => {
  let dataDir = '';
  let relay: TestRelay;
  const clients: NodeClient[] = [];

  beforeAll(async () => {
    dataDir = await makeDataDir();
    // The relay as `npm run relay` starts it: default limits.
    relay = await startTestRelay(FLOOD_PORT, dataDir);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await relay.stop();
    await removeDataDir(dataDir);
  });

  it('stays bounded, and a real participant still gets through within 2 s', async () => {
    const session = makeTestSession();
    const director = await openAsDirector(relay.url, session);
    clients.push(director);
    // One genuine response before the flood.
    const early = connectNodeClient(relay.url, session.sessionId, PHONE_TOKEN);
    clients.push(early);
    await withTimeout(early.synced, 5000, 'early phone synced');
    const earlyRecord = await submitResponse(early, session, SUBMITTED[0]!);
    await waitUntil(() => director.doc.getMap('responses').has(earlyRecord), 5000, 'early response at the director');
    const before = new Map([...director.doc.getMap('responses').entries()].map(([key, value]) => [key, Buffer.from(value as Uint8Array).toString('hex')]));

    // 50 sockets from 127.0.0.2 that hold only the session id and the phone token. Each sends 20
    // records of 19 KiB in one burst: shaped like sealed boxes, and every fifth random bytes.
    const started = performance.now();
    const attackers = Array.from({ length: 50 }, () => connectNodeClient(relay.url, session.sessionId, PHONE_TOKEN, new Y.Doc(), { localAddress: '127.0.0.2' }));
    clients.push(...attackers);
    await withTimeout(Promise.all(attackers.map((a) => a.synced)), 20_000, 'attackers synced');
    let attempted = 0;
    attackers.forEach((attacker, a) => {
      for (let i = 0; i < 20; i += 1) {
        const record = sealedLike(RECORD_BYTES);
        if ((a + i) % 5 === 4) record[0] = 0x5a;
        attacker.doc.getMap('responses').set(makeRecordId(), record);
        attempted += 1;
      }
    });
    // It stops by itself: every attacker is refused (a refusal is final for the client).
    await waitUntil(() => attackers.every((a) => a.closeReasons.some((r) => r.startsWith('ketenscan:'))), 30_000, 'every attacker refused');
    const floodMs = performance.now() - started;
    await sleep(300);

    const onRelay = relay.server.hocuspocus.documents.get(session.sessionId)!;
    const documentBytes = Y.encodeStateAsUpdate(onRelay).length;
    const accepted = onRelay.getMap('responses').size - 1;
    const refusals = refusalsIn(relay);

    // A real participant from another address, with a genuine sealed response.
    const honest = connectNodeClient(relay.url, session.sessionId, PHONE_TOKEN);
    clients.push(honest);
    await withTimeout(honest.synced, 5000, 'honest phone synced');
    const submittedAt = performance.now();
    const honestRecord = await submitResponse(honest, session, SUBMITTED[1]!);
    await waitUntil(() => director.doc.getMap('responses').has(honestRecord), 2000, 'the honest response at the director within 2 s');
    const arrivalMs = performance.now() - submittedAt;

    console.info(
      `flood: ${attempted} records attempted by 50 sockets from 127.0.0.2 in ${floodMs.toFixed(0)} ms; ` +
        `${accepted} accepted; document ${documentBytes} bytes (cap ${DEFAULT_RELAY_LIMITS.documentBytes}); ` +
        `refusals ${JSON.stringify(Object.fromEntries(refusals))}; honest response arrived in ${arrivalMs.toFixed(0)} ms`,
    );

    // Bounded by the per-address byte quota, far below the document cap.
    expect(accepted * RECORD_BYTES).toBeLessThanOrEqual(DEFAULT_RELAY_LIMITS.recordBytesPerAddressPerSession);
    expect(accepted).toBeGreaterThan(0);
    expect(documentBytes).toBeLessThan(DEFAULT_RELAY_LIMITS.documentBytes);
    expect(refusals.get('too-many-address-records') ?? 0).toBeGreaterThan(0);
    expect(refusals.get('record-not-sealed') ?? 0).toBeGreaterThan(0);
    // Nothing of the director's changed, and the honest response opens.
    for (const [key, hex] of before) expect(Buffer.from(director.doc.getMap('responses').get(key) as Uint8Array).toString('hex')).toBe(hex);
    const opened = await decryptAll(director.doc, session);
    expect(opened.get(earlyRecord)).toBe(SUBMITTED[0]!.id);
    expect(opened.get(honestRecord)).toBe(SUBMITTED[1]!.id);
  });
});

describe('limits on connections and records', { timeout: 30_000 }, () => {
  let dataDir = '';
  let relay: TestRelay;
  const clients: NodeClient[] = [];
  const connect = (sessionId: string, localAddress: string): NodeClient => {
    const client = connectNodeClient(relay.url, sessionId, PHONE_TOKEN, new Y.Doc(), { localAddress });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    dataDir = await makeDataDir();
    relay = await startTestRelay(CAPS_PORT, dataDir, {
      limits: { phoneConnectionsPerSession: 3, connectionsPerAddress: 6, phoneRecordsPerConnection: 3, recordsPerSession: 4 },
    });
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await sleep(200);
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(dataDir);
  });

  it('refuses a phone over the per-session cap, from any address, and lets one in when another leaves', async () => {
    const session = makeTestSession();
    clients.push(await openAsDirector(relay.url, session));
    const phones = ['127.0.0.5', '127.0.0.6', '127.0.0.7'].map((address) => connect(session.sessionId, address));
    await withTimeout(Promise.all(phones.map((p) => p.synced)), 5000, 'three phones synced');
    const fourth = connect(session.sessionId, '127.0.0.8');
    await waitUntil(() => fourth.authFailures.length > 0, 5000, 'refusal of the fourth phone');
    expect(fourth.authFailures).toEqual(['ketenscan:too-many-session-connections']);
    // The director is not a phone: it still gets in.
    clients.push(await openAsDirector(relay.url, session, { writeDefinition: false }));

    phones[0]!.destroy();
    await sleep(300);
    const replacement = connect(session.sessionId, '127.0.0.8');
    await withTimeout(replacement.synced, 5000, 'a phone in the freed place');
  });

  it('refuses the next socket from an address over its cap, across sessions; other addresses still get in', async () => {
    const sessions = [makeTestSession(), makeTestSession(), makeTestSession()];
    for (const session of sessions) clients.push(await openAsDirector(relay.url, session));
    const six = sessions.flatMap((session) => [connect(session.sessionId, '127.0.0.3'), connect(session.sessionId, '127.0.0.3')]);
    await withTimeout(Promise.all(six.map((p) => p.synced)), 5000, 'six sockets from one address');
    const seventh = connect(sessions[0]!.sessionId, '127.0.0.3');
    await waitUntil(() => seventh.closeReasons.length > 0, 5000, 'refusal of the seventh socket');
    await sleep(300);
    // Refused once, and the client stops (no retry loop against the cap).
    expect(seventh.closeReasons).toEqual(['ketenscan:too-many-address-connections']);
    expect(seventh.provider.isAuthenticated).toBe(false);
    expect(relay.logLines).toContain('refused too-many-address-connections');

    const elsewhere = connect(sessions[0]!.sessionId, '127.0.0.4');
    await withTimeout(elsewhere.synced, 5000, 'a phone from another address');
    six[0]!.destroy();
    await sleep(300);
    const again = connect(sessions[1]!.sessionId, '127.0.0.3');
    await withTimeout(again.synced, 5000, 'a socket from the address after one closed');
  });

  it('refuses records over the per-connection and per-session caps', async () => {
    const session = makeTestSession();
    const director = await openAsDirector(relay.url, session);
    clients.push(director);
    const first = connect(session.sessionId, '127.0.0.9');
    await withTimeout(first.synced, 5000, 'phone synced');
    const ids = Array.from({ length: 4 }, () => makeRecordId());
    for (const id of ids) first.doc.getMap('responses').set(id, await sealedRecord(session, id, 200));
    await waitUntil(() => first.closeReasons.includes('ketenscan:too-many-records'), 5000, `too-many-records (saw ${first.closeReasons.join(', ')})`);
    await waitUntil(() => director.doc.getMap('responses').size === 3, 5000, 'the first three records');

    const second = connect(session.sessionId, '127.0.0.10');
    await withTimeout(second.synced, 5000, 'second phone synced');
    const more = Array.from({ length: 2 }, () => makeRecordId());
    for (const id of more) second.doc.getMap('responses').set(id, await sealedRecord(session, id, 200));
    await waitUntil(() => second.closeReasons.includes('ketenscan:session-full'), 5000, `session-full (saw ${second.closeReasons.join(', ')})`);
    await sleep(200);
    expect(responseKeys(director.doc)).toEqual([...ids.slice(0, 3), more[0]!].sort());
  });

  it.each([
    ['random bytes', 0x9c, 400],
    ['an envelope of version 0x01', 0x01, 400],
    ['a sealed box one byte too short', 0x02, 61],
  ])('refuses a record of %s as record-not-sealed', async (_, firstByte, length) => {
    const session = makeTestSession();
    const director = await openAsDirector(relay.url, session);
    clients.push(director);
    const phone = connect(session.sessionId, '127.0.0.11');
    await withTimeout(phone.synced, 5000, 'phone synced');
    const record = sealedLike(length);
    record[0] = firstByte;
    phone.doc.getMap('responses').set(makeRecordId(), record);
    await waitUntil(() => phone.closeReasons.length > 0, 5000, 'a refusal');
    expect(phone.closeReasons).toContain('ketenscan:record-not-sealed');
    await sleep(200);
    expect(director.doc.getMap('responses').size).toBe(0);
  });
});

describe('allowed origins and the health endpoint', { timeout: 30_000 }, () => {
  let dataDir = '';
  let relay: TestRelay;
  const clients: NodeClient[] = [];
  const ALLOWED = 'https://scan.gemeente.nl';

  beforeAll(async () => {
    dataDir = await makeDataDir();
    relay = await startTestRelay(ORIGIN_PORT, dataDir, { access: { allowedOrigins: [ALLOWED, 'http://192.168.1.20:4173'], trustProxy: false } });
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await relay.stop();
    await removeDataDir(dataDir);
  });

  it('lets an allowed origin in and refuses another origin and none', async () => {
    const session = makeTestSession();
    const director = await openAsDirector(relay.url, session, { socket: { origin: ALLOWED } });
    clients.push(director);
    const phone = connectNodeClient(relay.url, session.sessionId, PHONE_TOKEN, new Y.Doc(), { origin: ALLOWED });
    clients.push(phone);
    await withTimeout(phone.synced, 5000, 'phone from the allowed origin');

    for (const origin of ['https://evil.example', 'https://scan.gemeente.nl.evil.example', undefined]) {
      const other = connectNodeClient(relay.url, session.sessionId, PHONE_TOKEN, new Y.Doc(), origin === undefined ? {} : { origin });
      clients.push(other);
      await waitUntil(() => other.closeReasons.length > 0, 5000, `refusal of origin ${origin ?? '(none)'}`);
      expect(other.closeReasons).toContain('ketenscan:origin-not-allowed');
      expect(other.provider.isAuthenticated).toBe(false);
    }
    expect(relay.logLines).toContain('refused origin-not-allowed (origin "https://evil.example")');
    expect(relay.logLines).toContain('refused origin-not-allowed (origin (none))');
  });

  it('answers GET /health with the open sessions and connections', async () => {
    const response = await fetch(`http://${HOST}:${ORIGIN_PORT}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ status: 'ok', sessions: 1, connections: 2, redis: false });
    // Anything else keeps Hocuspocus' own answer.
    expect((await fetch(`http://${HOST}:${ORIGIN_PORT}/`)).status).toBe(200);
  });
});
