import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { create } from 'zustand';
import {
  buildSessionDefinition,
  closeSession,
  createResponseOpener,
  createSessionCipher,
  codeMatchesPin,
  DEFAULT_SESSION_OPTIONS,
  decodeBase64Url,
  encodeSessionDefinition,
  encodeSessionOptions,
  encodeUtf8,
  getMetaMap,
  getResponsesMap,
  isSessionClosed,
  makeDirectorSecret,
  deriveSessionFromCode,
  makeDirectorToken,
  makePinnedJoinCode,
  makeRecipientKeyPair,
  openDefinition,
  openOptions,
  openPresence,
  openRecipientKey,
  readOptionsEnvelope,
  sealDefinitionBytes,
  sealOptions,
  sessionPin,
  decodeUtf8,
  type PresenceState,
  type SessionOptions,
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
import { mergeLiveRecord, type MergeOutcome } from './mergeLiveRecord';
import { getScan } from '../../storage/scanRepository';
import { holdTabLease, type TabLease } from '../../storage/tabLease';
import { openLiveConnection, type LiveConnection as RelayConnection } from './connection';
import { loadLedger, loadLiveSession, recordVerdicts, saveLiveSession, saveRelayUrl, type LedgerVerdict, type StoredLiveSession } from './liveStorage';
import { loadConfiguredRelay } from './relayConfig';
import { REFUSAL_PREFIX } from '@ketenscan/live-protocol';

// The director's side of a live session (docs/live-sessions.md "In the app"). One session at a
// time per tab, kept in this module so the connection outlives a page change: the scan page and
// the presenter both show and keep it. Loaded only when a director opens the live section or a
// presenter of a scan with a live session: nothing here is on a participant's route.
//
// Every arriving record is opened and merged like a file import (openResponse → planImport →
// applyImport), one at a time: idempotent by response id, never overwriting what is stored.
// Only one tab of the device merges (tabLease.ts); every tab counts from the ledger the merging
// tab writes (liveStorage.ts), so the scan page and the presenter show the same figures.

/** `tampered`: the document carries a key, definition or options that are not this device's own. */
export type LiveConnection = 'connecting' | 'connected' | 'offline' | 'refused' | 'tampered';

/** Phones in the room by where they are (docs/live-sessions.md "Who is in the room"). */
export type PresenceCounts = Record<PresenceState, number>;

export interface DirectorLiveState {
  scanId: string | null;
  session: StoredLiveSession | null;
  joinUrl: string | null;
  connection: LiveConnection;
  closed: boolean;
  presence: PresenceCounts;
}

const NO_PRESENCE: PresenceCounts = { joined: 0, answering: 0, submitted: 0 };
const initialState: DirectorLiveState = { scanId: null, session: null, joinUrl: null, connection: 'offline', closed: false, presence: NO_PRESENCE };

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
  queue: Promise<void>;
  /** The relay connection (connection.ts): provider, network, states. */
  connection: RelayConnection;
  /** Held by the one tab of this device that merges arriving records. */
  lease: TabLease | null;
  /** Awareness text → opened presence, so a phone's unchanged state is not opened again. */
  presence: Map<string, PresenceState | null>;
}

let running: Running | null = null;

function appUrl(): string {
  return `${location.origin}${location.pathname}`;
}

function verdictOf(outcome: MergeOutcome): LedgerVerdict {
  if (outcome.kind === 'added') return 'arrived';
  if (outcome.kind === 'duplicate') return 'duplicate';
  return outcome.reason;
}

async function judgeRecord(run: Running, recordId: string, envelope: Uint8Array, scan: Scan): Promise<void> {
  let outcome: MergeOutcome;
  try {
    outcome = await mergeLiveRecord(run.opener, recordId, envelope, scan);
  } catch (error) {
    // Not judged: the next change of the document (or the next tab that merges) tries it again.
    console.warn('live: could not store a response', error);
    run.seen.delete(recordId);
    return;
  }
  if (outcome.kind === 'refused') console.warn(`live: refused record ${recordId.slice(0, 6)}… (${outcome.reason})`);
  await recordVerdicts(run.session.sessionId, { [recordId]: verdictOf(outcome) });
}

function processRecords(run: Running): void {
  run.queue = run.queue.then(async () => {
    if (running !== run || !run.lease?.isHeld() || useDirectorLive.getState().connection === 'tampered') return;
    const { records, malformed } = readResponseEnvelopes(run.doc);
    const ledger = await loadLedger(run.session.sessionId);
    const fresh = records.filter((r) => !run.seen.has(r.recordId) && ledger[r.recordId] === undefined);
    const refusedMalformed: Record<string, LedgerVerdict> = {};
    for (const recordId of malformed) {
      if (ledger[recordId] !== undefined) continue;
      console.warn(`live: refused record ${recordId.slice(0, 6)}… (malformed)`);
      refusedMalformed[recordId] = 'malformed';
    }
    await recordVerdicts(run.session.sessionId, refusedMalformed);
    if (fresh.length === 0) return;
    const scan = await getScan(run.scanId);
    if (!scan) return;
    for (const record of fresh) {
      if (running !== run || !run.lease?.isHeld()) return;
      run.seen.add(record.recordId);
      await judgeRecord(run, record.recordId, record.envelope, scan);
    }
  }).catch((error: unknown) => console.warn('live: records could not be judged', error));
}

/**
 * The document must carry this device's own public key, and for a pinned session exactly the
 * definition and options the join code pins. Anything else means someone who holds the code
 * and controls the relay rewrote the session: stop, merge nothing, and say so.
 */
async function verifyOwnSession(run: Running): Promise<void> {
  const { session } = run;
  const mismatch = async (): Promise<string | null> => {
    const recipient = readRecipientEnvelope(run.doc);
    if (recipient !== null) {
      const opened = await openRecipientKey(run.cipher, recipient);
      if (!opened.ok || opened.publicKey !== recipientPublicKeyOf(session.recipientSecret ?? '')) return 'recipient';
    }
    const definition = readDefinitionEnvelope(run.doc);
    if (definition !== null && session.definitionText !== undefined) {
      const opened = await openDefinition(run.cipher, definition);
      if (!opened.ok || decodeUtf8(opened.bytes) !== session.definitionText) return 'definition';
    }
    const options = readOptionsEnvelope(run.doc);
    if (options !== null && session.optionsText !== undefined) {
      const opened = await openOptions(run.cipher, options);
      if (!opened.ok || decodeUtf8(opened.bytes) !== session.optionsText) return 'options';
    }
    return null;
  };
  const found = await mismatch();
  if (found === null || running !== run) return;
  console.error(`live: the session's ${found} in the relay's document is not this device's own: stopped`);
  useDirectorLive.setState({ connection: 'tampered' });
  run.provider.disconnect();
}

/** Counts the phones' awareness states (joined / answering / submitted); names never travel. */
function countPresence(run: Running): void {
  const awareness = run.provider.awareness;
  if (!awareness) return;
  const texts: string[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const text = (state as { p?: unknown } | null)?.p;
    if (clientId !== run.doc.clientID && typeof text === 'string') texts.push(text);
  }
  void Promise.all(
    texts.map(async (text) => {
      if (!run.presence.has(text)) run.presence.set(text, await openPresence(run.cipher, text));
      return run.presence.get(text) ?? null;
    }),
  ).then((states) => {
    if (running !== run) return;
    const counts: PresenceCounts = { joined: 0, answering: 0, submitted: 0 };
    for (const state of states) if (state) counts[state] += 1;
    // Forget texts no phone shows any more, so the cache stays as small as the room.
    for (const text of run.presence.keys()) if (!texts.includes(text)) run.presence.delete(text);
    useDirectorLive.setState({ presence: counts });
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
  const stuck = () => {
    const { connection } = useDirectorLive.getState();
    return connection === 'refused' || connection === 'tampered';
  };
  const connection = openLiveConnection({
    ...directorConnection(session, doc),
    isRefusal: (reason) => reason.startsWith(REFUSAL_PREFIX),
    setStatus: (status) => useDirectorLive.setState({ connection: status }),
    isStuck: stuck,
    isActive: () => running === run,
    // "Connected" means phones can join: the definition is written and the relay has it.
    ready: () => ensureDefinition(run).then(() => waitUntilSent(provider, 5000)),
    onSynced: () => void verifyOwnSession(run),
  });
  const { provider } = connection;
  const run: Running = { scanId: session.scanId, session, doc, provider, cipher: cipherResult.value, opener: openerResult.value, seen: new Set(), queue: Promise.resolve(), connection, lease: null, presence: new Map() };
  provider.awareness?.on('change', () => {
    if (running === run) countPresence(run);
  });
  getResponsesMap(doc).observe(() => processRecords(run));
  getMetaMap(doc).observe(() => {
    if (running !== run) return;
    useDirectorLive.setState({ closed: isSessionClosed(doc) || session.closedAt !== null });
    if (provider.synced) void verifyOwnSession(run);
  });
  run.lease = holdTabLease(`live-merge:${session.sessionId}`, (held) => {
    if (held && running === run) processRecords(run);
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
  if (hasDefinition) return writeRecipientEnvelope(run.doc, recipient);
  // A pinned session writes exactly the bytes its join code pins (startLiveSession).
  const { definitionText, optionsText } = run.session;
  const definition = definitionText !== undefined ? await sealDefinitionBytes(run.cipher, encodeUtf8(definitionText)) : await sealDefinition(run.cipher, buildSessionDefinition(scan, new Date()));
  const options = optionsText !== undefined ? await sealOptions(run.cipher, encodeUtf8(optionsText)) : undefined;
  if (running === run && readDefinitionEnvelope(run.doc) === null) writeDefinitionEnvelope(run.doc, definition, recipient, options);
}

/** `configuredRelay`: the relay a phone finds by itself (relayConfig.ts); the link then leaves it out. */
function publish(run: Running, configuredRelay: string | null): void {
  const { code, sessionId, key, relayUrl } = run.session;
  const link = code !== undefined ? makeShortJoinLink(appUrl(), code, relayUrl, configuredRelay) : makeRelayJoinLink(appUrl(), sessionId, key, relayUrl);
  useDirectorLive.setState({
    scanId: run.scanId,
    session: run.session,
    joinUrl: link.ok ? link.url : null,
    connection: 'connecting',
    closed: run.session.closedAt !== null,
    presence: NO_PRESENCE,
  });
}

function stopRunning(): void {
  if (!running) return;
  running.lease?.release();
  running.connection.destroy();
  running.doc.destroy();
  running = null;
}

/**
 * This scan's running session, for what else the director's device writes into its document: a
 * vote on the phones (directorVote.ts) and the results on the phones (directorSummary.ts); null
 * when none runs for the scan or it was tampered with, and when it closed unless `whenClosed`: a
 * closed session's phones can still read (the results) but can no longer add (a ballot).
 */
export function runningSessionFor(scanId: string, { whenClosed = false }: { whenClosed?: boolean } = {}): { doc: Y.Doc; provider: HocuspocusProvider; cipher: SessionCipher; opener: ResponseOpener; waitUntilSent(timeoutMs: number): Promise<boolean> } | null {
  const run = running;
  if (!run || run.scanId !== scanId || (run.session.closedAt !== null && !whenClosed) || useDirectorLive.getState().connection === 'tampered') return null;
  return { doc: run.doc, provider: run.provider, cipher: run.cipher, opener: run.opener, waitUntilSent: (timeoutMs) => waitUntilSent(run.provider, timeoutMs) };
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
  const [upgraded, configuredRelay] = await Promise.all([withRecipient(session), loadConfiguredRelay()]);
  if (running?.scanId === scanId) return;
  stopRunning();
  running = connect(upgraded);
  publish(running, configuredRelay);
  processRecords(running);
}

export async function startLiveSession(scanId: string, relayUrl: string, options: SessionOptions = DEFAULT_SESSION_OPTIONS): Promise<void> {
  const scan = await getScan(scanId);
  if (!scan) throw new Error('live: the scan is not on this device');
  stopRunning();
  // One join code: the short address carries only it, and the session id and key derive from
  // it. Its bits pin the director's public key, the definition and the options (joinCode.ts),
  // so the exact bytes are kept with the session and written to the document as they are.
  const keyPair = makeRecipientKeyPair();
  const definition = encodeSessionDefinition(buildSessionDefinition(scan, new Date()));
  const optionBytes = encodeSessionOptions(options);
  const publicKey = decodeBase64Url(keyPair.publicKey);
  if (publicKey === null) throw new Error('live: a fresh key pair has no public key');
  const code = makePinnedJoinCode(sessionPin(publicKey, definition, optionBytes));
  const derived = deriveSessionFromCode(code);
  if (!derived || !codeMatchesPin(code, sessionPin(publicKey, definition, optionBytes))) throw new Error('live: a fresh join code did not derive a session');
  const session: StoredLiveSession = {
    scanId,
    ...derived,
    code,
    secret: makeDirectorSecret(),
    recipientSecret: keyPair.secretKey,
    relayUrl,
    startedAt: new Date().toISOString(),
    closedAt: null,
    definitionText: decodeUtf8(definition) ?? '',
    optionsText: decodeUtf8(optionBytes) ?? '',
  };
  // Stored before connecting: the director's token binds the session on the relay, and only
  // this device can open it again with the same secret.
  await saveLiveSession(session);
  await saveRelayUrl(relayUrl);
  const configuredRelay = await loadConfiguredRelay();
  running = connect(session as StoredLiveSession & { recipientSecret: string });
  publish(running, configuredRelay);
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

/** What every connection of this device to one of its sessions shares: the director's token. */
function directorConnection(session: StoredLiveSession, doc: Y.Doc) {
  return { url: session.relayUrl, name: session.sessionId, document: doc, token: makeDirectorToken(session.secret), who: 'this device' };
}

/** A close the relay has not confirmed: connect only to set `closed`, merge nothing, then go. */
function finishClose(session: StoredLiveSession): void {
  if (finishing.has(session.sessionId)) return;
  finishing.add(session.sessionId);
  const doc = new Y.Doc();
  // Only to set `closed`: no state shown, and a refusal is not acted on (the provider retries).
  const connection = openLiveConnection({
    ...directorConnection(session, doc),
    isRefusal: () => false,
    setStatus: () => undefined,
    isStuck: () => false,
  });
  const { provider } = connection;
  provider.on('synced', () => {
    closeSession(doc);
    void waitUntilSent(provider, 5000).then(async (sent) => {
      if (!sent) return;
      await saveLiveSession({ ...session, closeSent: true });
      connection.destroy();
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
