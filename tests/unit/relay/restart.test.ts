// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDirectorToken, PHONE_TOKEN } from '@ketenscan/live-protocol';
import {
  connectNodeClient,
  decryptAll,
  makeDataDir,
  makeTestSession,
  openAsDirector,
  removeDataDir,
  responseKeys,
  startTestRelay,
  submitResponse,
  SUBMITTED,
  waitUntil,
  withTimeout,
  type NodeClient,
  type TestRelay,
} from './helpers';

const PORT = 4453;

describe('relay restart mid-session', { timeout: 30_000 }, () => {
  const clients: NodeClient[] = [];
  const relays: TestRelay[] = [];
  let dataDir = '';

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const relay of relays) await relay.stop().catch(() => undefined);
    if (dataDir) await removeDataDir(dataDir);
  });

  it('loses and duplicates nothing: stored state comes back, an offline submission arrives once', async () => {
    dataDir = await makeDataDir();
    const session = makeTestSession();
    const first = await startTestRelay(PORT, dataDir);
    relays.push(first);
    const director = await openAsDirector(first.url, session);
    clients.push(director);
    const phoneA = connectNodeClient(first.url, session.sessionId, PHONE_TOKEN);
    const phoneB = connectNodeClient(first.url, session.sessionId, PHONE_TOKEN);
    clients.push(phoneA, phoneB);
    await withTimeout(Promise.all([phoneA.synced, phoneB.synced]), 5000, 'phones synced');

    const a = await submitResponse(phoneA, session, SUBMITTED[0]!);
    await waitUntil(() => director.doc.getMap('responses').has(a), 5000, 'first response');

    // The relay goes down (it stores what it holds); phone B answers while it is away.
    await first.stop();
    // What the relay kept on stopping, by itself: the definition and the first response.
    const onDisk = new Y.Doc();
    Y.applyUpdate(onDisk, new Uint8Array(await readFile(join(dataDir, 'docs', `${session.sessionId}.ydoc`))));
    expect(responseKeys(onDisk)).toEqual([a]);
    expect(onDisk.getMap('meta').has('definition')).toBe(true);
    await waitUntil(() => !phoneB.provider.isAuthenticated, 5000, 'phone B noticing');
    const b = await submitResponse(phoneB, session, SUBMITTED[1]!);
    expect(director.doc.getMap('responses').has(b)).toBe(false);

    const second = await startTestRelay(PORT, dataDir);
    relays.push(second);
    await waitUntil(() => director.doc.getMap('responses').has(b), 10_000, 'offline response after the restart');

    // A device that knew nothing gets both from the relay: the stored state survived.
    const fresh = connectNodeClient(second.url, session.sessionId, makeDirectorToken(session.secret));
    clients.push(fresh);
    await withTimeout(fresh.synced, 5000, 'fresh director synced');
    await waitUntil(() => fresh.doc.getMap('responses').size >= 2, 5000, 'both responses on a fresh device');
    for (const doc of [director.doc, fresh.doc]) {
      expect(responseKeys(doc)).toEqual([a, b].sort());
      const responseIds = [...(await decryptAll(doc, session)).values()].sort();
      expect(responseIds).toEqual([SUBMITTED[0]!.id, SUBMITTED[1]!.id].sort());
    }
    expect(fresh.doc.getMap('meta').has('definition')).toBe(true);

    // And on disk after a second stop: the file alone holds both, once.
    for (const client of clients) client.destroy();
    await second.stop();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, new Uint8Array(await readFile(join(dataDir, 'docs', `${session.sessionId}.ydoc`))));
    expect(responseKeys(stored)).toEqual([a, b].sort());
  });
});
