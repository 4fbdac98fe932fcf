// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, isSessionClosed, PHONE_TOKEN } from '@ketenscan/live-protocol';
import {
  connectNodeClient,
  decryptAll,
  HOST,
  makeDataDir,
  makeTestSession,
  openAsDirector,
  removeDataDir,
  responseKeys,
  sleep,
  submitResponse,
  SUBMITTED,
  waitUntil,
  withTimeout,
  type NodeClient,
} from './helpers';
import { startRedis, startRelayProcess, type RunningProcess } from './processes';

const REDIS_PORT = 6390;
const RELAY_A = 4455;
const RELAY_B = 4456;

describe('two relay processes sharing one Redis', { timeout: 60_000 }, () => {
  const processes: RunningProcess[] = [];
  const clients: NodeClient[] = [];
  let dataDir = '';

  beforeAll(async () => {
    dataDir = await makeDataDir();
    processes.push(await startRedis(REDIS_PORT));
    const redisUrl = `redis://${HOST}:${REDIS_PORT}`;
    // Both relays share the data folder, as they would share a volume (docs/live-sessions.md).
    const [a, b] = await Promise.all([startRelayProcess(RELAY_A, dataDir, redisUrl), startRelayProcess(RELAY_B, dataDir, redisUrl)]);
    processes.push(a, b);
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    // Relays first (they store on SIGTERM), Redis last.
    for (const running of processes.slice(1)) await running.stop();
    await processes[0]?.stop();
    if (dataDir) await removeDataDir(dataDir);
  }, 30_000);

  it('a phone on one relay reaches the director on the other, and sees the close', async () => {
    const session = makeTestSession();
    const director = await openAsDirector(`ws://${HOST}:${RELAY_A}`, session);
    clients.push(director);
    const phone = connectNodeClient(`ws://${HOST}:${RELAY_B}`, session.sessionId, PHONE_TOKEN);
    clients.push(phone);
    await withTimeout(phone.synced, 10_000, 'phone synced on relay B');
    await waitUntil(() => phone.doc.getMap('meta').has('definition'), 10_000, 'definition through Redis');

    // Each relay says it is connected to Redis, and holds the session it serves.
    for (const port of [RELAY_A, RELAY_B]) {
      const health = await fetch(`http://${HOST}:${port}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', sessions: 1, connections: 1, redis: true });
    }

    const recordId = await submitResponse(phone, session, SUBMITTED[0]!);
    await waitUntil(() => director.doc.getMap('responses').has(recordId), 10_000, 'response through Redis');
    expect([...(await decryptAll(director.doc, session)).values()]).toEqual([SUBMITTED[0]!.id]);

    closeSession(director.doc);
    await waitUntil(() => isSessionClosed(phone.doc), 10_000, 'close through Redis');
    const late = await submitResponse(phone, session, SUBMITTED[1]!);
    await sleep(1000);
    expect(responseKeys(director.doc)).toEqual([recordId]);
    expect(director.doc.getMap('responses').has(late)).toBe(false);
  });
});
