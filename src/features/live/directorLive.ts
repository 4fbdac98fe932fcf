import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { create } from 'zustand';
import {
  buildSessionDefinition,
  closeSession,
  createResponseOpener,
  createSessionCipher,
  getMetaMap,
  getResponsesMap,
  isSessionClosed,
  makeDirectorSecret,
  deriveSessionFromCode,
  makeDirectorToken,
  makeJoinCode,
  makeRecipientKeyPair,
  makeRelayJoinLink,
  makeShortJoinLink,
  readDefinitionEnvelope,
  readRecipientEnvelope,
  readResponseEnvelopes,
  recipientPublicKeyOf,
  sealDefinition,
  sealRecipientKey,
  writeDefinitionEnvelope,
  writeRecipientEnvelope,
  type ResponseOpener,
  type SessionCipher,
} from '../../domain/live';
import type { Scan } from '../../domain/types';
import { mergeLiveRecord, type MergeOutcome, type RefusalReason } from './mergeLiveRecord';
import { getScan } from '../../storage/scanRepository';
import { followNetwork } from './followNetwork';
import { loadLiveSession, saveLiveSession, saveRelayUrl, type StoredLiveSession } from './liveStorage';

// The director's side of a live session (docs/live-sessions.md "In the app"). One session at a
// time per tab, kept in this module so the connection outlives a page change: the scan page and
// the presenter both show and keep it. Loaded only when a director opens the live section or a
// presenter of a scan with a live session: nothing here is on a participant's route.
//
// Every arriving record is opened and merged like a file import (openResponse → planImport →
// applyImport), one at a time: idempotent by response id, never overwriting what is stored.

/** A relay refusal closes the socket with this reason prefix (src/relay/rules.ts). */
const REFUSAL_PREFIX = 'ketenscan:';

export type LiveConnection = 'connecting' | 'connected' | 'offline' | 'refused';

export interface RefusedRecord {
  recordId: string;
  reason: RefusalReason | 'malformed' | 'storage';
}

export interface DirectorLiveState {
  scanId: string | null;
  session: StoredLiveSession | null;
  joinUrl: string | null;
  connection: LiveConnection;
  /** Distinct responses of this session stored on this device (new ones and ones already here). */
  arrived: number;
  refused: RefusedRecord[];
  closed: boolean;
}

const initialState: DirectorLiveState = { scanId: null, session: null, joinUrl: null, connection: 'offline', arrived: 0, refused: [], closed: false };

export const useDirectorLive = create<DirectorLiveState>(() => initialState);

interface Running {
  scanId: string;
  session: StoredLiveSession;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  cipher: SessionCipher;
  /** Opens responses sealed to this device's public key; phones hold only the public half. */
  opener: ResponseOpener;
  /** Record ids already judged in this tab: a record is opened and merged once. */
  seen: Set<string>;
  arrivedIds: Set<string>;
  queue: Promise<void>;
  network: { stop(): void } | null;
}

let running: Running | null = null;

function appUrl(): string {
  return `${location.origin}${location.pathname}`;
}

async function judgeRecord(run: Running, recordId: string, envelope: Uint8Array, scan: Scan): Promise<void> {
  const refuse = (reason: RefusedRecord['reason']) => {
    // Logged for the director's console and listed on the scan page; never stored.
    console.warn(`live: refused record ${recordId.slice(0, 6)}… (${reason})`);
    useDirectorLive.setState((s) => ({ refused: [...s.refused, { recordId, reason }] }));
  };
  let outcome: MergeOutcome;
  try {
    outcome = await mergeLiveRecord(run.opener, recordId, envelope, scan);
  } catch (error) {
    console.warn('live: could not store a response', error);
    // Not judged yet: the next change of the document tries it again.
    run.seen.delete(recordId);
    return refuse('storage');
  }
  if (outcome.kind === 'refused') return refuse(outcome.reason);
  if (!run.arrivedIds.has(outcome.responseId)) {
    run.arrivedIds.add(outcome.responseId);
    useDirectorLive.setState({ arrived: run.arrivedIds.size });
  }
}

function processRecords(run: Running): void {
  run.queue = run.queue.then(async () => {
    if (running !== run) return;
    const { records, malformed } = readResponseEnvelopes(run.doc);
    for (const recordId of malformed) {
      if (run.seen.has(recordId)) continue;
      run.seen.add(recordId);
      console.warn(`live: refused record ${recordId.slice(0, 6)}… (malformed)`);
      useDirectorLive.setState((s) => ({ refused: [...s.refused, { recordId, reason: 'malformed' }] }));
    }
    const fresh = records.filter((r) => !run.seen.has(r.recordId));
    if (fresh.length === 0) return;
    const scan = await getScan(run.scanId);
    if (!scan) return;
    for (const record of fresh) {
      run.seen.add(record.recordId);
      await judgeRecord(run, record.recordId, record.envelope, scan);
    }
  });
}

/** Sessions stored by an earlier version have no recipient key yet: make and keep one. */
async function withRecipient(session: StoredLiveSession): Promise<StoredLiveSession & { recipientSecret: string }> {
  if (session.recipientSecret !== undefined) return { ...session, recipientSecret: session.recipientSecret };
  const upgraded = { ...session, recipientSecret: makeRecipientKeyPair().secretKey };
  await saveLiveSession(upgraded);
  return upgraded;
}

function connect(session: StoredLiveSession & { recipientSecret: string }): Running {
  const cipherResult = createSessionCipher(session.sessionId, session.key);
  if (!cipherResult.ok) throw new Error(`live: stored session key unusable (${cipherResult.error})`);
  const openerResult = createResponseOpener(session.sessionId, session.recipientSecret);
  if (!openerResult.ok) throw new Error(`live: stored recipient key unusable (${openerResult.error})`);
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: session.relayUrl,
    name: session.sessionId,
    document: doc,
    token: makeDirectorToken(session.secret),
  });
  const run: Running = { scanId: session.scanId, session, doc, provider, cipher: cipherResult.value, opener: openerResult.value, seen: new Set(), arrivedIds: new Set(), queue: Promise.resolve(), network: null };
  provider.on('status', ({ status }: { status: string }) => {
    if (running !== run || useDirectorLive.getState().connection === 'refused') return;
    useDirectorLive.setState({ connection: status === 'disconnected' ? 'offline' : 'connecting' });
  });
  provider.on('synced', () => {
    if (running !== run) return;
    useDirectorLive.setState({ connection: 'connected' });
    void ensureDefinition(run);
  });
  provider.on('authenticationFailed', () => {
    if (running === run) useDirectorLive.setState({ connection: 'refused' });
  });
  provider.on('close', ({ event }: { event: { reason?: unknown } }) => {
    if (typeof event.reason === 'string' && event.reason.startsWith(REFUSAL_PREFIX) && running === run) {
      console.warn(`live: the relay refused this device (${event.reason})`);
      useDirectorLive.setState({ connection: 'refused' });
      provider.disconnect();
    }
  });
  run.network = followNetwork(provider, () => {
    if (running === run && useDirectorLive.getState().connection !== 'refused') useDirectorLive.setState({ connection: 'offline' });
  });
  getResponsesMap(doc).observe(() => processRecords(run));
  getMetaMap(doc).observe(() => {
    if (running === run) useDirectorLive.setState({ closed: isSessionClosed(doc) || session.closedAt !== null });
  });
  return run;
}

/**
 * After the first sync: write the sealed definition and this device's public key when the relay
 * does not have them yet (a session of an earlier version gets only the key).
 */
async function ensureDefinition(run: Running): Promise<void> {
  const hasDefinition = readDefinitionEnvelope(run.doc) !== null;
  if (hasDefinition && readRecipientEnvelope(run.doc) !== null) return;
  const publicKey = recipientPublicKeyOf(run.session.recipientSecret ?? '');
  const scan = await getScan(run.scanId);
  if (!scan || publicKey === null || running !== run) return;
  const recipient = await sealRecipientKey(run.cipher, publicKey);
  if (hasDefinition) writeRecipientEnvelope(run.doc, recipient);
  else writeDefinitionEnvelope(run.doc, await sealDefinition(run.cipher, buildSessionDefinition(scan, new Date())), recipient);
}

function publish(run: Running): void {
  const { code, sessionId, key, relayUrl } = run.session;
  const link = code !== undefined ? makeShortJoinLink(appUrl(), code, relayUrl) : makeRelayJoinLink(appUrl(), sessionId, key, relayUrl);
  useDirectorLive.setState({
    scanId: run.scanId,
    session: run.session,
    joinUrl: link.ok ? link.url : null,
    connection: 'connecting',
    arrived: 0,
    refused: [],
    closed: run.session.closedAt !== null,
  });
}

function stopRunning(): void {
  if (!running) return;
  running.network?.stop();
  running.provider.destroy();
  running.doc.destroy();
  running = null;
}

/** The scan page or the presenter opened: reconnect to this scan's open session, if any. */
export async function resumeLiveSession(scanId: string): Promise<void> {
  if (running?.scanId === scanId) return;
  const session = await loadLiveSession(scanId);
  if (!session || session.closedAt !== null) {
    if (session?.closedAt && session.closeSent === false) finishClose(session);
    if (running === null) useDirectorLive.setState({ ...initialState, scanId, session, closed: session !== null });
    return;
  }
  const upgraded = await withRecipient(session);
  if (running?.scanId === scanId) return;
  stopRunning();
  running = connect(upgraded);
  publish(running);
  processRecords(running);
}

export async function startLiveSession(scanId: string, relayUrl: string): Promise<void> {
  stopRunning();
  // One join code: the short address carries only it, and the session id and key derive from it.
  const code = makeJoinCode();
  const derived = deriveSessionFromCode(code);
  if (!derived) throw new Error('live: a fresh join code did not derive a session');
  const session = {
    scanId,
    ...derived,
    code,
    secret: makeDirectorSecret(),
    recipientSecret: makeRecipientKeyPair().secretKey,
    relayUrl,
    startedAt: new Date().toISOString(),
    closedAt: null,
  };
  // Stored before connecting: the director's token binds the session on the relay, and only
  // this device can open it again with the same secret.
  await saveLiveSession(session);
  await saveRelayUrl(relayUrl);
  running = connect(session);
  publish(running);
}

/** Tells the phones (meta.closed) and stops accepting: nothing more is merged after this. */
export async function closeLiveSession(): Promise<void> {
  const run = running;
  if (!run) return;
  closeSession(run.doc);
  const closing = { ...run.session, closedAt: new Date().toISOString(), closeSent: false };
  await saveLiveSession(closing);
  // Give the close a moment to reach the relay before the socket goes. When it could not (the
  // laptop is offline), the next scan page or presenter of this scan sends it (finishClose).
  const sent = await waitUntilSent(run.provider, 3000);
  const session = { ...closing, closeSent: sent };
  if (sent) await saveLiveSession(session);
  await run.queue;
  stopRunning();
  useDirectorLive.setState({ session, closed: true, connection: 'offline' });
}

const finishing = new Set<string>();

/** A close the relay has not confirmed: connect only to set `closed`, merge nothing, then go. */
function finishClose(session: StoredLiveSession): void {
  if (finishing.has(session.sessionId)) return;
  finishing.add(session.sessionId);
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url: session.relayUrl, name: session.sessionId, document: doc, token: makeDirectorToken(session.secret) });
  const network = followNetwork(provider, () => undefined);
  provider.on('synced', () => {
    closeSession(doc);
    void waitUntilSent(provider, 5000).then(async (sent) => {
      if (!sent) return;
      await saveLiveSession({ ...session, closeSent: true });
      network.stop();
      provider.destroy();
      doc.destroy();
      finishing.delete(session.sessionId);
    });
  });
}

/** True when the relay has confirmed every change of this provider within the time. */
function waitUntilSent(provider: HocuspocusProvider, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = () => {
      provider.off('unsyncedChanges', check);
      clearTimeout(timer);
      resolve(!provider.hasUnsyncedChanges && provider.synced);
    };
    const check = () => {
      if (!provider.hasUnsyncedChanges && provider.synced) done();
    };
    const timer = setTimeout(done, timeoutMs);
    provider.on('unsyncedChanges', check);
    check();
  });
}
