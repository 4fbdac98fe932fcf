import { liveQuery } from 'dexie';
import * as Y from 'yjs';
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import {
  addResponseEnvelope,
  codeMatchesPin,
  createResponseSealer,
  decodeBase64Url,
  isPinnedCode,
  openOptions,
  readOptionsEnvelope,
  sealPresence,
  sessionPin,
  type PresenceState,
  createSessionCipher,
  getMetaMap,
  getResponsesMap,
  isRecordId,
  isSessionClosed,
  makeRecordId,
  openDefinition,
  openRecipientKey,
  PHONE_TOKEN,
  readDefinitionEnvelope,
  readLayoutVersion,
  readRecipientEnvelope,
  sealResponse,
  type ResponseSealer,
  type SessionCipher,
} from '../../domain/live';
import type { ExchangeFileV1 } from '../../domain/exchange/types';
import { isSubmitted } from '../../domain/exchange/convert';
import { listDrafts, listSubmittedResponses } from '../../storage/responseRepository';
import { phoneOutboxScans, readPhoneRecord, writePhoneRecord, type StoredPhoneRecord } from '../../storage/phoneOutbox';
import { getScan, setScanStatus } from '../../storage/scanRepository';
import { openLiveConnection, type LiveConnection } from './connection';
import { parseRefusal, PHONE_UPDATES_PER_WINDOW, RATE_WINDOW_MS, REFUSAL_PREFIX, type RelayRefusal } from '@ketenscan/live-protocol';

// A phone in a live session (docs/live-sessions.md "In the app"): connects with the phone token,
// reads and decrypts the definition, and delivers every response submitted on this device for
// the joined scan exactly once. Dexie stays the truth: the per-device record below says which
// record id each response got and whether the relay confirmed it, so a reload or a reconnect
// after being offline sends the rest and nothing twice (the relay refuses an overwrite anyway,
// and the director merges by response id).

export { LIVE_PHONE_PREFIX } from '../../storage/phoneOutbox';

export interface PhoneLink {
  sessionId: string;
  key: string;
  relayUrl: string;
  /** The join code of a short link: a code of this version pins the director's key (joinCode.ts). */
  code?: string;
}

/** Kept in localStorage under `ketenscan-live-phone:<scanId>`, versioned and checked (domain/storedPhoneRecord.ts). */
type PhoneRecord = StoredPhoneRecord;

/**
 * Between two records a phone sends: the relay allows PHONE_UPDATES_PER_WINDOW document updates
 * per RATE_WINDOW_MS on a connection (live-protocol/src/limits.ts), and a shared tablet may hold
 * more than that; a fifth more than the even share keeps it below.
 */
export const DELIVERY_PACE_MS = Math.ceil((RATE_WINDOW_MS / PHONE_UPDATES_PER_WINDOW) * 1.2);
/** Limits of one connection (relay/src/rules.ts): a new connection starts afresh, after the rate window. */
const PER_CONNECTION_LIMITS: ReadonlySet<RelayRefusal> = new Set<RelayRefusal>(['too-many-records', 'too-many-updates', 'too-many-messages']);
const LIMIT_RETRY_MS = RATE_WINDOW_MS + 1_000;
/** A refused phone asks the relay again this often whether the session closed. */
const WATCH_RETRY_MS = 30_000;

export type PhoneStatus = 'connecting' | 'connected' | 'offline' | 'refused';

export interface PhoneState {
  status: PhoneStatus;
  closed: boolean;
  /** Responses submitted on this device for the joined scan that the relay has not confirmed; null until known. */
  pending: number | null;
  /**
   * The decrypted definition, or why it could not be read. `mismatch`: the key, definition or
   * options in the document are not what the join code pins — someone changed the session.
   */
  definition: { ok: true; file: ExchangeFileV1; sharedDevice: boolean } | { ok: false; wrongKey: boolean; mismatch?: boolean } | null;
}

export interface PhoneSession {
  link: PhoneLink;
  store: UseBoundStore<StoreApi<PhoneState>>;
  /** The session's document and key, for what else a phone reads or adds (phoneSummary.ts: the results, when allowed; phoneVote.ts: a vote). */
  doc: Y.Doc;
  cipher: SessionCipher | null;
  /** From now on deliver this scan's submitted responses. */
  adopt(scanId: string): void;
  /** What a vote on the phones needs besides (phoneVote.ts): the sealer once the director's key is read, and whether the ballot reached the relay. */
  voting: { sealer(): ResponseSealer | null; isSynced(): boolean; hasUnsyncedChanges(): boolean; onSyncChange(listener: () => void): () => void };
  destroy(): void;
}

const sessions = new Map<string, PhoneSession>();

function readRecord(scanId: string): PhoneRecord | null {
  return readPhoneRecord(scanId).record;
}

function writeRecord(scanId: string, record: PhoneRecord): void {
  writePhoneRecord(scanId, record);
}

/** The session this device joined for the scan, if any. */
export function readPhoneLink(scanId: string): PhoneLink | null {
  const record = readRecord(scanId);
  return record ? linkOf(record) : null;
}

function linkOf(record: PhoneRecord): PhoneLink {
  return { sessionId: record.sessionId, key: record.key, relayUrl: record.relayUrl, ...(record.code !== undefined ? { code: record.code } : {}) };
}

/** Remembers that this device joined `link` for `scanId` (kept after a reload); from now on its answers go to the director. */
export function rememberJoin(scanId: string, link: PhoneLink, sharedDevice: boolean, now: Date = new Date()): void {
  const existing = readRecord(scanId);
  if (existing && existing.sessionId === link.sessionId) return;
  // A new session of the same scan (the director closed one and started another): record ids
  // belong to the old document, but what reached the director through it is not sent again.
  writeRecord(scanId, { ...link, records: {}, delivered: existing?.delivered ?? [], joinedAt: now.toISOString(), sharedDevice });
}

/** Given in this session: started on this device since it joined, or already given a record id. */
function isGivenHere(record: PhoneRecord, response: { id: string; startedAt: string }): boolean {
  if (record.records[response.id] !== undefined) return true;
  return record.joinedAt !== undefined && response.startedAt >= record.joinedAt;
}

/** The scan this device already joined with this session, if any (a second scan of the QR code). */
export function findJoinedScan(sessionId: string): string | null {
  return phoneOutboxScans().find((scanId) => readRecord(scanId)?.sessionId === sessionId) ?? null;
}

/** Connects as a phone; one connection per session per tab. */
export function openPhoneSession(link: PhoneLink): PhoneSession {
  const existing = sessions.get(link.sessionId);
  if (existing) return existing;
  const cipherResult = createSessionCipher(link.sessionId, link.key);
  const store = create<PhoneState>(() => ({ status: 'connecting', closed: false, pending: null, definition: cipherResult.ok ? null : { ok: false, wrongKey: true } }));
  const doc = new Y.Doc();
  let scanId: string | null = null;
  let delivering = Promise.resolve();
  let watcher: LiveConnection | null = null;
  let presenceWatch: { unsubscribe(): void } | null = null;
  const cipher: SessionCipher | null = cipherResult.ok ? cipherResult.value : null;
  /**
   * Seals to the director's public key, read from the document (sealed with the session key, so
   * the relay cannot swap it) and, for a code of this version, checked against the pin the code
   * carries. Until both hold, nothing is sent: a response is never sealed with the session key,
   * which every phone holds, nor to a key the director did not make.
   */
  let sealer: ResponseSealer | null = null;
  let reading = false;

  /** Reads the definition, the director's key and the options; all three must match a pinned code. */
  const readSession = async () => {
    const state = store.getState();
    if (!cipher || reading || (state.definition !== null && (state.definition.ok ? sealer !== null : true))) return;
    const definitionEnvelope = readDefinitionEnvelope(doc);
    const recipientEnvelope = readRecipientEnvelope(doc);
    if (definitionEnvelope === null) return;
    reading = true;
    try {
      const definition = await openDefinition(cipher, definitionEnvelope);
      if (!definition.ok) {
        store.setState({ definition: { ok: false, wrongKey: definition.error.code === 'envelope' && definition.error.detail === 'decrypt-failed' } });
        return;
      }
      const pinned = link.code !== undefined && isPinnedCode(link.code);
      const optionsEnvelope = readOptionsEnvelope(doc);
      // A pinned session is written in one transaction: without its key and options it is not complete yet.
      if (pinned && (recipientEnvelope === null || optionsEnvelope === null)) return;
      const recipient = recipientEnvelope === null ? null : await openRecipientKey(cipher, recipientEnvelope);
      const options = optionsEnvelope === null ? null : await openOptions(cipher, optionsEnvelope);
      if (recipient !== null && !recipient.ok) console.warn(`live: the director's key could not be read (${recipient.error.code})`);
      if (pinned) {
        const publicKey = recipient?.ok ? decodeBase64Url(recipient.publicKey) : null;
        if (publicKey === null || !options?.ok || !codeMatchesPin(link.code!, sessionPin(publicKey, definition.bytes, options.bytes))) {
          console.error('live: the session does not match its join code (key, scan or options changed): nothing is sent');
          store.setState({ definition: { ok: false, wrongKey: false, mismatch: true } });
          return;
        }
      }
      const sharedDevice = options?.ok ? options.options.sharedDevice : false;
      if (recipient?.ok && !sealer) {
        const made = createResponseSealer(link.sessionId, recipient.publicKey);
        if (made.ok) sealer = made.value;
      }
      store.setState({ definition: { ok: true, file: definition.file, sharedDevice } });
      if (sealer) deliver();
    } finally {
      reading = false;
    }
  };

  const onClosed = (closedDoc: Y.Doc = doc) => {
    if (!isSessionClosed(closedDoc)) return;
    store.setState({ closed: true });
    // The questionnaire then says the scan is closed; nothing more is submitted or sent.
    if (scanId) void setScanStatus(scanId, 'closed').catch(() => undefined);
  };

  const deliver = () => {
    delivering = delivering
      .then(() => deliverPending())
      .catch((error: unknown) => console.warn('live: delivery failed', error))
      .then(() => refreshPending());
  };

  /** What the thank-you screen says: how many of this device's responses still wait. */
  const refreshPending = async () => {
    if (!scanId) return;
    const record = readRecord(scanId);
    if (!record) return;
    const responses = await listSubmittedResponses(scanId);
    store.setState({ pending: responses.rows.filter((r) => isSubmitted(r) && isGivenHere(record, r) && !record.delivered.includes(r.id)).length });
  };

  const deliverPending = async () => {
    if (!scanId || !sealer || !provider.synced || isSessionClosed(doc) || store.getState().status === 'refused') return;
    const record = readRecord(scanId);
    if (!record || record.sessionId !== link.sessionId) return;
    const [scan, responses] = await Promise.all([getScan(scanId), listSubmittedResponses(scanId)]);
    if (!scan) return;
    const map = getResponsesMap(doc);
    let sent = 0;
    for (const response of responses.rows) {
      if (!isSubmitted(response) || !isGivenHere(record, response) || record.delivered.includes(response.id)) continue;
      let recordId = record.records[response.id];
      if (!isRecordId(recordId)) {
        recordId = makeRecordId();
        record.records[response.id] = recordId;
        // Stored before sending: after a reload the same record id is used, never a second one.
        writeRecord(scanId, record);
      }
      if (map.has(recordId)) continue;
      const envelope = await sealResponse(sealer, recordId, scan, response, readLayoutVersion(doc));
      // Paced: one record per DELIVERY_PACE_MS keeps a device with many answers within the relay's limits.
      if (sent > 0) await new Promise((resolve) => setTimeout(resolve, DELIVERY_PACE_MS));
      if (!provider.synced || isSessionClosed(doc) || store.getState().status === 'refused') return;
      addResponseEnvelope(doc, recordId, envelope);
      sent += 1;
    }
    markDelivered();
  };

  /** Whatever is in the document once the relay has confirmed every change is delivered. */
  const markDelivered = () => {
    if (!scanId || !provider.synced || provider.hasUnsyncedChanges) return;
    const record = readRecord(scanId);
    if (!record) return;
    const map = getResponsesMap(doc);
    const confirmed = Object.entries(record.records).filter(([responseId, recordId]) => map.has(recordId) && !record.delivered.includes(responseId));
    if (confirmed.length === 0) return;
    record.delivered.push(...confirmed.map(([responseId]) => responseId));
    writeRecord(scanId, record);
    void refreshPending();
    void publishPresence();
  };

  /** joined / answering / submitted, from this device's responses since it joined. */
  let presence: PresenceState | null = null;
  const presenceOf = async (): Promise<PresenceState> => {
    const record = scanId ? readRecord(scanId) : null;
    if (!scanId || !record) return 'joined';
    const [drafts, submitted] = await Promise.all([listDrafts(scanId), listSubmittedResponses(scanId)]);
    if (drafts.some((r) => isGivenHere(record, r) && r.parkedAt === undefined)) return 'answering';
    if (submitted.rows.some((r) => isSubmitted(r) && isGivenHere(record, r))) return 'submitted';
    return 'joined';
  };
  const publishPresence = async (known?: PresenceState) => {
    if (!cipher || !provider.awareness) return;
    const next = known ?? (await presenceOf());
    if (next === presence && provider.awareness.getLocalState()?.p !== undefined) return;
    presence = next;
    provider.awareness.setLocalStateField('p', await sealPresence(cipher, next));
  };

  /**
   * After a refusal this connection is gone, and its own records would be refused again: a
   * second, empty document listens for the close only, so a phone left open still learns it.
   */
  const watchForClose = () => {
    if (watcher) return;
    const watchDoc = new Y.Doc();
    const check = () => onClosed(watchDoc);
    // Refused again (a full session, too many sockets from this address): ask again later, not in a loop.
    const watch = openLiveConnection({
      url: link.relayUrl,
      name: link.sessionId,
      document: watchDoc,
      token: PHONE_TOKEN,
      who: 'this phone',
      isRefusal: () => false,
      setStatus: () => undefined,
      isStuck: () => false,
      retry: { when: (reason) => reason.startsWith(REFUSAL_PREFIX), afterMs: WATCH_RETRY_MS },
      followNetwork: false,
    });
    watch.provider.on('synced', check);
    getMetaMap(watchDoc).observe(check);
    watcher = {
      provider: watch.provider,
      destroy() {
        watch.destroy();
        watchDoc.destroy();
      },
    };
  };

  const connection = openLiveConnection({
    url: link.relayUrl,
    name: link.sessionId,
    document: doc,
    token: PHONE_TOKEN,
    who: 'this phone',
    isRefusal: (reason) => reason.startsWith(REFUSAL_PREFIX),
    setStatus: (status) => store.setState({ status }),
    isStuck: () => store.getState().status === 'refused',
    onSynced: () => {
      onClosed();
      void readSession();
      void publishPresence();
      deliver();
    },
    onOffline: () => void refreshPending(),
    onRefused: () => watchForClose(),
    // A shared device with more answers than one connection may carry: a fresh connection
    // after the relay's window takes the rest (the unsent records go with its first sync).
    retry: {
      when: (reason) => {
        const refusal = parseRefusal(reason);
        return refusal !== null && PER_CONNECTION_LIMITS.has(refusal);
      },
      afterMs: LIMIT_RETRY_MS,
      onRetry: (reason) => console.warn(`live: the relay's per-connection limit (${reason}); sending the rest on a new connection`),
    },
  });
  const { provider } = connection;
  provider.on('unsyncedChanges', markDelivered);
  getMetaMap(doc).observe(() => {
    onClosed();
    void readSession();
  });

  const session: PhoneSession = {
    link,
    store,
    doc,
    cipher,
    voting: {
      sealer: () => sealer,
      isSynced: () => provider.synced,
      hasUnsyncedChanges: () => provider.hasUnsyncedChanges,
      onSyncChange(listener) {
        provider.on('unsyncedChanges', listener);
        provider.on('synced', listener);
        return () => {
          provider.off('unsyncedChanges', listener);
          provider.off('synced', listener);
        };
      },
    },
    adopt(id) {
      if (scanId !== id) {
        presenceWatch?.unsubscribe();
        // Where this phone is (joined / answering / submitted) follows its drafts and submissions.
        presenceWatch = liveQuery(() => presenceOf()).subscribe({ next: (state) => void publishPresence(state), error: () => undefined });
      }
      scanId = id;
      onClosed();
      deliver();
    },
    destroy() {
      sessions.delete(link.sessionId);
      presenceWatch?.unsubscribe();
      watcher?.destroy();
      connection.destroy();
      doc.destroy();
    },
  };
  sessions.set(link.sessionId, session);
  return session;
}

/** After a submission, or when the questionnaire opens: connect if needed and send what is pending. */
export function startPhoneDelivery(scanId: string): void {
  const record = readRecord(scanId);
  if (!record) return;
  const session = openPhoneSession(linkOf(record));
  // adopt() delivers: whatever was submitted since the last call goes now, or once synced.
  session.adopt(scanId);
}
