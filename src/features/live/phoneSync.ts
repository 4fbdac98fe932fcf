import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import {
  addResponseEnvelope,
  createResponseSealer,
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
  readRecipientEnvelope,
  sealResponse,
  type ResponseSealer,
  type SessionCipher,
} from '../../domain/live';
import type { ExchangeFileV1 } from '../../domain/exchange/types';
import { isSubmitted } from '../../domain/exchange/convert';
import { listSubmittedResponses } from '../../storage/responseRepository';
import { getScan, setScanStatus } from '../../storage/scanRepository';
import { followNetwork } from './followNetwork';

// A phone in a live session (docs/live-sessions.md "In the app"): connects with the phone token,
// reads and decrypts the definition, and delivers every response submitted on this device for
// the joined scan exactly once. Dexie stays the truth: the per-device record below says which
// record id each response got and whether the relay confirmed it, so a reload or a reconnect
// after being offline sends the rest and nothing twice (the relay refuses an overwrite anyway,
// and the director merges by response id).

/**
 * The same text as in respond/liveDelivery.ts, not imported from there: that file must stay inside the
 * participant's route chunk, and a shared import would split it out (a unit test checks both).
 */
export const LIVE_PHONE_PREFIX = 'ketenscan-live-phone:';

/** A relay refusal closes the socket with this reason prefix (src/relay/rules.ts). */
const REFUSAL_PREFIX = 'ketenscan:';

export interface PhoneLink {
  sessionId: string;
  key: string;
  relayUrl: string;
}

/** Kept in localStorage under `ketenscan-live-phone:<scanId>`. */
interface PhoneRecord extends PhoneLink {
  /** Response id → record id, assigned before the first send. */
  records: Record<string, string>;
  /** Response ids the relay has confirmed. */
  delivered: string[];
}

export type PhoneStatus = 'connecting' | 'connected' | 'offline' | 'refused';

export interface PhoneState {
  status: PhoneStatus;
  closed: boolean;
  /** Responses submitted on this device for the joined scan that the relay has not confirmed; null until known. */
  pending: number | null;
  /** The decrypted definition, or why it could not be read. */
  definition: { ok: true; file: ExchangeFileV1 } | { ok: false; wrongKey: boolean } | null;
}

export interface PhoneSession {
  link: PhoneLink;
  store: UseBoundStore<StoreApi<PhoneState>>;
  /** From now on deliver this scan's submitted responses. */
  adopt(scanId: string): void;
  destroy(): void;
}

const sessions = new Map<string, PhoneSession>();

function readRecord(scanId: string): PhoneRecord | null {
  try {
    const text = localStorage.getItem(LIVE_PHONE_PREFIX + scanId);
    if (text === null) return null;
    const value = JSON.parse(text) as Partial<PhoneRecord>;
    if (typeof value.sessionId !== 'string' || typeof value.key !== 'string' || typeof value.relayUrl !== 'string') return null;
    return {
      sessionId: value.sessionId,
      key: value.key,
      relayUrl: value.relayUrl,
      records: typeof value.records === 'object' && value.records !== null ? value.records : {},
      delivered: Array.isArray(value.delivered) ? value.delivered : [],
    };
  } catch {
    return null;
  }
}

function writeRecord(scanId: string, record: PhoneRecord): void {
  localStorage.setItem(LIVE_PHONE_PREFIX + scanId, JSON.stringify(record));
}

/** The session this device joined for the scan, if any. */
export function readPhoneLink(scanId: string): PhoneLink | null {
  const record = readRecord(scanId);
  return record ? { sessionId: record.sessionId, key: record.key, relayUrl: record.relayUrl } : null;
}

/** Remembers that this device joined `link` for `scanId` (kept after a reload). */
export function rememberJoin(scanId: string, link: PhoneLink): void {
  const existing = readRecord(scanId);
  if (existing && existing.sessionId === link.sessionId) return;
  // A new session of the same scan (the director closed one and started another): record ids
  // belong to the old document, but what reached the director through it is not sent again.
  writeRecord(scanId, { ...link, records: {}, delivered: existing?.delivered ?? [] });
}

/** The scan this device already joined with this session, if any (a second scan of the QR code). */
export function findJoinedScan(sessionId: string): string | null {
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (!key?.startsWith(LIVE_PHONE_PREFIX)) continue;
      const scanId = key.slice(LIVE_PHONE_PREFIX.length);
      if (readRecord(scanId)?.sessionId === sessionId) return scanId;
    }
  } catch {
    // No localStorage: every join starts afresh.
  }
  return null;
}

/** Connects as a phone; one connection per session per tab. */
export function openPhoneSession(link: PhoneLink): PhoneSession {
  const existing = sessions.get(link.sessionId);
  if (existing) return existing;
  const cipherResult = createSessionCipher(link.sessionId, link.key);
  const store = create<PhoneState>(() => ({ status: 'connecting', closed: false, pending: null, definition: cipherResult.ok ? null : { ok: false, wrongKey: true } }));
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url: link.relayUrl, name: link.sessionId, document: doc, token: PHONE_TOKEN });
  let scanId: string | null = null;
  let delivering = Promise.resolve();
  const cipher: SessionCipher | null = cipherResult.ok ? cipherResult.value : null;
  /**
   * Seals to the director's public key, read from the document (sealed with the session key, so
   * the relay cannot swap it). Until it is there, nothing is sent: a response is never sealed
   * with the session key, which every phone holds.
   */
  let sealer: ResponseSealer | null = null;

  const readRecipient = async () => {
    if (!cipher || sealer) return;
    const envelope = readRecipientEnvelope(doc);
    if (envelope === null) return;
    const opened = await openRecipientKey(cipher, envelope);
    if (!opened.ok) return console.warn(`live: the director's key could not be read (${opened.error.code})`);
    const made = createResponseSealer(link.sessionId, opened.publicKey);
    if (made.ok && !sealer) {
      sealer = made.value;
      deliver();
    }
  };

  const readDefinition = async () => {
    const state = store.getState();
    if (!cipher || state.definition?.ok) return;
    const envelope = readDefinitionEnvelope(doc);
    if (envelope === null) return;
    const opened = await openDefinition(cipher, envelope);
    store.setState({ definition: opened.ok ? opened : { ok: false, wrongKey: opened.error.code === 'envelope' && opened.error.detail === 'decrypt-failed' } });
  };

  const onClosed = () => {
    if (!isSessionClosed(doc)) return;
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
    store.setState({ pending: responses.rows.filter((r) => isSubmitted(r) && !record.delivered.includes(r.id)).length });
  };

  const deliverPending = async () => {
    if (!scanId || !sealer || !provider.synced || isSessionClosed(doc)) return;
    const record = readRecord(scanId);
    if (!record || record.sessionId !== link.sessionId) return;
    const [scan, responses] = await Promise.all([getScan(scanId), listSubmittedResponses(scanId)]);
    if (!scan) return;
    const map = getResponsesMap(doc);
    for (const response of responses.rows) {
      if (!isSubmitted(response) || record.delivered.includes(response.id)) continue;
      let recordId = record.records[response.id];
      if (!isRecordId(recordId)) {
        recordId = makeRecordId();
        record.records[response.id] = recordId;
        // Stored before sending: after a reload the same record id is used, never a second one.
        writeRecord(scanId, record);
      }
      if (map.has(recordId)) continue;
      const envelope = await sealResponse(sealer, recordId, scan, response);
      if (!provider.synced || isSessionClosed(doc)) return;
      addResponseEnvelope(doc, recordId, envelope);
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
  };

  provider.on('status', ({ status }: { status: string }) => {
    if (store.getState().status !== 'refused') store.setState({ status: status === 'disconnected' ? 'offline' : 'connecting' });
  });
  provider.on('synced', () => {
    store.setState({ status: 'connected' });
    onClosed();
    void readDefinition();
    void readRecipient();
    deliver();
  });
  provider.on('unsyncedChanges', markDelivered);
  provider.on('authenticationFailed', () => store.setState({ status: 'refused' }));
  provider.on('close', ({ event }: { event: { reason?: unknown } }) => {
    if (typeof event.reason === 'string' && event.reason.startsWith(REFUSAL_PREFIX)) {
      console.warn(`live: the relay refused this phone (${event.reason})`);
      store.setState({ status: 'refused' });
      provider.disconnect();
    }
  });
  getMetaMap(doc).observe(() => {
    onClosed();
    void readDefinition();
    void readRecipient();
  });
  const network = followNetwork(provider, () => {
    if (store.getState().status !== 'refused') store.setState({ status: 'offline' });
    void refreshPending();
  });

  const session: PhoneSession = {
    link,
    store,
    adopt(id) {
      scanId = id;
      onClosed();
      deliver();
    },
    destroy() {
      sessions.delete(link.sessionId);
      network.stop();
      provider.destroy();
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
  const session = openPhoneSession({ sessionId: record.sessionId, key: record.key, relayUrl: record.relayUrl });
  // adopt() delivers: whatever was submitted since the last call goes now, or once synced.
  session.adopt(scanId);
}
