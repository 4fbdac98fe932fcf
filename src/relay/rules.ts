import type {
  beforeHandleMessagePayload,
  Connection,
  Extension,
  onAuthenticatePayload,
  onConnectPayload,
} from '@hocuspocus/server';
import { MessageType } from '@hocuspocus/server';
import * as Y from 'yjs';
import { isByteArray } from '../domain/live/bytes';
import { isRecordId, isSessionId, parseRelayToken } from '../domain/live/ids';
import { isSessionClosed, RESPONSE_ENVELOPE_MAX_BYTES, RESPONSES_MAP } from '../domain/live/document';
import type { RelayStorage } from './storage';

// Every Ketenscan rule of the relay, as one Hocuspocus extension (docs/live-sessions.md
// "Relay rules"). Hocuspocus stays unforked: these are its documented hooks.
//
// - onConnect: the document name must be a session id (128-bit base64url).
// - onAuthenticate: a director presents `director:<secret>`; the first one binds the secret's
//   hash to the session, later ones must match. A phone presents `phone` and is let in only to
//   a session a director opened. The role goes into the connection's context.
// - beforeHandleMessage: Hocuspocus awaits this hook before it applies a message, and a hook
//   that throws makes it close that connection without applying the message
//   (Connection.handleMessage in @hocuspocus/server 3.4). That is the one place where a write
//   can be refused before it reaches the document; `onChange` runs after the change is applied
//   and `beforeSync` is not awaited. So here: size and rate bounds for everyone, and for phones a
//   check of every document update on a scratch copy of the document (only new keys in
//   'responses', holding bytes, nothing deleted or overwritten, nothing outside it).
// - A closed session: a phone's connection turns read-only (`connection.readOnly`, which
//   Hocuspocus 3 honours by answering "not synced" instead of applying), so it stays connected
//   and reads the 'closed' marker, but nothing it sends is applied.

export interface RelayLimits {
  /** Largest message a phone may send (bytes). */
  phoneMessageBytes: number;
  /** Largest message a director's device may send: its first sync may carry every response. */
  directorMessageBytes: number;
  /** Largest document a phone's update may grow to (bytes of encoded state). */
  documentBytes: number;
  /** Document updates a phone may send per window. */
  phoneUpdatesPerWindow: number;
  /** Messages of any kind a connection may send per window. */
  messagesPerWindow: number;
  windowMs: number;
}

export const DEFAULT_RELAY_LIMITS: RelayLimits = {
  phoneMessageBytes: 64 * 1024,
  directorMessageBytes: 4 * 1024 * 1024,
  documentBytes: 16 * 1024 * 1024,
  phoneUpdatesPerWindow: 20,
  messagesPerWindow: 200,
  windowMs: 10_000,
};

/** Why the relay refused something; the close reason a client sees is `ketenscan:<reason>`. */
export type RelayRefusal =
  | 'invalid-session-id'
  | 'invalid-token'
  | 'wrong-director-secret'
  | 'unknown-session'
  | 'message-too-large'
  | 'too-many-messages'
  | 'too-many-updates'
  | 'malformed-message'
  | 'not-allowed-for-phone'
  | 'document-too-large'
  | 'incomplete-update'
  | 'changes-existing-data'
  | 'outside-responses'
  | 'invalid-record';

const REFUSAL_CODES: Record<RelayRefusal, number> = {
  'invalid-session-id': 4404,
  'invalid-token': 4401,
  'wrong-director-secret': 4401,
  'unknown-session': 4404,
  'message-too-large': 4413,
  'too-many-messages': 4429,
  'too-many-updates': 4429,
  'malformed-message': 4400,
  'not-allowed-for-phone': 4403,
  'document-too-large': 4413,
  'incomplete-update': 4400,
  'changes-existing-data': 4403,
  'outside-responses': 4403,
  'invalid-record': 4403,
};

export const REFUSAL_PREFIX = 'ketenscan:';

export interface RelayContext {
  role: 'director' | 'phone';
}

/**
 * Thrown from a hook: Hocuspocus reads `code` and `reason` for the close message. A plain
 * object, not an Error: Hocuspocus logs every rejected message with what was thrown, and a
 * stack trace per message of a refused flood would bury the relay's own one-line log.
 */
export interface RelayCloseEvent {
  code: number;
  reason: string;
}

function closeEventFor(refusal: RelayRefusal): RelayCloseEvent {
  return { code: REFUSAL_CODES[refusal], reason: `${REFUSAL_PREFIX}${refusal}` };
}

export type RelayLog = (line: string) => void;

export class KetenscanRules implements Extension {
  extensionName = 'KetenscanRules';
  /** Before Database and Redis, so a refused session never loads a document. */
  priority = 2000;

  private readonly rates = new WeakMap<Connection, { messages: number[]; updates: number[] }>();
  /** The judgement of each connection's latest message; the next one waits for it. */
  private readonly queues = new WeakMap<Connection, Promise<void>>();
  private readonly sizes = new WeakMap<Y.Doc, number>();

  constructor(
    private readonly storage: RelayStorage,
    private readonly limits: RelayLimits,
    private readonly log: RelayLog,
  ) {}

  async onConnect({ documentName }: onConnectPayload): Promise<void> {
    if (!isSessionId(documentName)) throw this.refuse('invalid-session-id', documentName);
  }

  async onAuthenticate({ token, documentName }: onAuthenticatePayload): Promise<RelayContext> {
    const role = parseRelayToken(token);
    if (role === null) throw this.refuse('invalid-token', documentName);
    if (role.role === 'director') {
      const check = await this.storage.checkDirector(documentName, role.secret);
      if (check === 'mismatch') throw this.refuse('wrong-director-secret', documentName);
      if (check === 'bound') this.log(`session ${shortId(documentName)} opened by a director`);
      return { role: 'director' };
    }
    if (!(await this.storage.isKnownSession(documentName))) throw this.refuse('unknown-session', documentName);
    return { role: 'phone' };
  }

  beforeHandleMessage(payload: beforeHandleMessagePayload): Promise<void> {
    // Hocuspocus runs this hook for every message as it arrives and applies the message when
    // the hook resolves, so the hooks of a burst of messages would all run before the first is
    // applied: a phone's second update (which builds on its first) would then be judged
    // against a document without the first. Each connection's messages are therefore judged
    // one after the other, each after the previous one was applied (a macrotask later: the
    // apply is a microtask continuation of the previous hook). Once a message of a connection
    // is refused, every later one of it is refused too: Hocuspocus would otherwise still apply
    // messages that were already queued when it closed the connection.
    const { connection } = payload;
    const previous = this.queues.get(connection) ?? Promise.resolve();
    // A rejected `previous` skips the judgement and rejects this message with the same refusal.
    const current = previous.then(() => nextMacrotask().then(() => this.judgeMessage(payload)));
    this.queues.set(connection, current);
    return current;
  }

  private judgeMessage({ connection, document, update: data, context, documentName }: beforeHandleMessagePayload): void {
    const role = (context as Partial<RelayContext>).role;
    const fail = (refusal: RelayRefusal): never => {
      // Hocuspocus closes this document's connection with our reason; the socket goes too, so
      // a client that broke a rule reconnects through authentication and a fresh rate window.
      const event = this.refuse(refusal, documentName);
      setTimeout(() => connection.webSocket.close(event.code, event.reason), 0);
      throw event;
    };
    if (role !== 'director' && role !== 'phone') return fail('invalid-token');

    const maxBytes = role === 'phone' ? this.limits.phoneMessageBytes : this.limits.directorMessageBytes;
    if (data.byteLength > maxBytes) return fail('message-too-large');
    const rate = this.rateOf(connection);
    if (!withinRate(rate.messages, this.limits.messagesPerWindow, this.limits.windowMs)) return fail('too-many-messages');

    const message = readMessage(data);
    if (message === null) return fail('malformed-message');
    if (role === 'director') return;

    if (message.kind === 'broadcast-stateless') return fail('not-allowed-for-phone');
    if (message.kind === 'awareness') {
      // Awareness is relayed in the clear to every device, the projector included: a phone may
      // say it is there, never carry text.
      return isEmptyAwareness(message.payload) ? undefined : fail('not-allowed-for-phone');
    }
    if (message.kind !== 'document-update') return;

    if (!withinRate(rate.updates, this.limits.phoneUpdatesPerWindow, this.limits.windowMs)) return fail('too-many-updates');
    if (isSessionClosed(document)) {
      connection.readOnly = true;
      return;
    }
    const verdict = inspectPhoneUpdate(document, message.payload, this.limits.documentBytes, this.documentBytesOf(document));
    if (verdict !== 'accepted') return fail(verdict);
  }

  /**
   * An upper bound of the document's encoded size without encoding it: its size when first
   * asked, plus every update applied since (deletions never make it smaller here).
   */
  private documentBytesOf(document: Y.Doc): number {
    let size = this.sizes.get(document);
    if (size === undefined) {
      size = Y.encodeStateAsUpdate(document).length;
      document.on('update', (update: Uint8Array) => this.sizes.set(document, (this.sizes.get(document) ?? 0) + update.length));
    }
    this.sizes.set(document, size);
    return size;
  }

  private rateOf(connection: Connection): { messages: number[]; updates: number[] } {
    let rate = this.rates.get(connection);
    if (!rate) {
      rate = { messages: [], updates: [] };
      this.rates.set(connection, rate);
    }
    return rate;
  }

  private refuse(refusal: RelayRefusal, documentName: string): RelayCloseEvent {
    this.log(`refused ${refusal} (session ${shortId(documentName)})`);
    return closeEventFor(refusal);
  }
}

function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Only a prefix in logs: enough to tell sessions apart, not enough to join one. */
function shortId(documentName: string): string {
  return isSessionId(documentName) ? `${documentName.slice(0, 6)}…` : '(invalid)';
}

/** Sliding window: true and counted when under the limit. */
function withinRate(times: number[], limit: number, windowMs: number): boolean {
  const now = Date.now();
  while (times.length > 0 && times[0]! <= now - windowMs) times.shift();
  if (times.length >= limit) return false;
  times.push(now);
  return true;
}

export type PhoneUpdateVerdict = 'accepted' | 'document-too-large' | 'malformed-message' | 'incomplete-update' | 'changes-existing-data' | 'outside-responses' | 'invalid-record';

/**
 * Judges a phone's update. Accepted only when it adds new keys to 'responses' holding bytes of a
 * bounded size, deletes nothing that existed before (an overwrite deletes the old value), and
 * leaves nothing waiting for content the relay lacks.
 *
 * Two ways to the same verdict. The common case, a phone's submission (only new map entries
 * with no left or right neighbour, the next clocks of their clients, under keys the document
 * does not have, and no deletions), is read straight from the decoded update in well under a
 * millisecond. Anything else (a first sync, which repeats the phone's whole delete set, or
 * anything unusual) is applied to a scratch copy of the document and the transaction is
 * inspected: one encode and one apply of the document, ~5–10 ms for 50–200 responses.
 *
 * `documentBytes`: the document's size if the caller tracks it; else it is measured.
 */
export function inspectPhoneUpdate(
  document: Y.Doc,
  update: Uint8Array,
  maxDocumentBytes: number,
  documentBytes?: number,
): PhoneUpdateVerdict {
  if (documentBytes !== undefined && documentBytes + update.length <= maxDocumentBytes && isPlainAddition(document, update)) return 'accepted';
  const state = Y.encodeStateAsUpdate(document);
  if (state.length + update.length > maxDocumentBytes) return 'document-too-large';
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, state);
    return judgeOnScratch(scratch, update);
  } finally {
    scratch.destroy();
  }
}

/** True only for an empty update or the plain shape of a submission; false means "judge it on a copy", not "refuse". */
export function isPlainAddition(document: Y.Doc, update: Uint8Array): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return false;
  }
  // An empty update (a phone's first sync when it has nothing new and the document has no
  // deletions) changes nothing.
  if (decoded.ds.clients.size > 0) return false;
  if (decoded.structs.length === 0) return true;
  const responses = document.getMap<unknown>(RESPONSES_MAP);
  const nextClock = new Map<number, number>();
  const keys = new Set<string>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) return false;
    const { client, clock } = struct.id;
    // Exactly the next clock of that client: nothing missing, nothing repeated.
    if (clock !== (nextClock.get(client) ?? Y.getState(document.store, client))) return false;
    nextClock.set(client, clock + struct.length);
    if (struct.origin !== null || struct.rightOrigin !== null) return false;
    const key = struct.parentSub;
    // Decoded, not integrated: a root parent is still its name (Yjs types it as a type or an ID).
    const parent: unknown = struct.parent;
    if (parent !== RESPONSES_MAP || key === null || !isRecordId(key) || responses.has(key) || keys.has(key)) return false;
    keys.add(key);
    if (!(struct.content instanceof Y.ContentBinary) || struct.content.content.length > RESPONSE_ENVELOPE_MAX_BYTES) return false;
  }
  return true;
}

function judgeOnScratch(scratch: Y.Doc, update: Uint8Array): PhoneUpdateVerdict {
  const responses = scratch.getMap<unknown>(RESPONSES_MAP);
  const responsesType: unknown = responses;
  const transactions: Y.Transaction[] = [];
  scratch.on('afterTransaction', (transaction: Y.Transaction) => transactions.push(transaction));
  try {
    Y.applyUpdate(scratch, update);
  } catch {
    return 'malformed-message';
  }
  // Structs that wait for missing ones would be applied later, unchecked: refuse them now.
  if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) return 'incomplete-update';
  for (const transaction of transactions) {
    for (const [client, deletions] of transaction.deleteSet.clients) {
      const known = transaction.beforeState.get(client) ?? 0;
      if (deletions.some((deletion) => deletion.clock < known)) return 'changes-existing-data';
    }
    for (const [type, keys] of transaction.changed) {
      if (type !== responsesType) return 'outside-responses';
      for (const key of keys) {
        if (key === null || !isRecordId(key)) return 'invalid-record';
        const value = responses.get(key);
        if (value !== undefined && (!isByteArray(value) || value.length > RESPONSE_ENVELOPE_MAX_BYTES)) return 'invalid-record';
      }
    }
  }
  return 'accepted';
}

// --- Reading the Hocuspocus message frame -------------------------------------------------
// [varString documentName][varUint type]… as in @hocuspocus/server's IncomingMessage. A small
// reader of our own: lib0 is only a transitive dependency.

type ReadMessage =
  | { kind: 'document-update'; payload: Uint8Array }
  | { kind: 'awareness'; payload: Uint8Array }
  | { kind: 'broadcast-stateless' }
  | { kind: 'other' };

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

class FrameReader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  readVarUint(): number {
    let value = 0;
    for (let shift = 0; shift < 53; shift += 7) {
      if (this.offset >= this.bytes.length) throw new RangeError('end of message');
      const byte = this.bytes[this.offset++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new RangeError('varint too long');
  }

  readBytes(): Uint8Array {
    const length = this.readVarUint();
    if (this.offset + length > this.bytes.length) throw new RangeError('end of message');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  readString(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.readBytes());
  }
}

function readMessage(data: Uint8Array): ReadMessage | null {
  try {
    const reader = new FrameReader(data);
    reader.readString();
    const type = reader.readVarUint();
    switch (type) {
      case MessageType.Sync:
      case MessageType.SyncReply: {
        const step = reader.readVarUint();
        if (step === SYNC_STEP_1) return { kind: 'other' };
        if (step === SYNC_STEP_2 || step === SYNC_UPDATE) return { kind: 'document-update', payload: reader.readBytes() };
        return null;
      }
      case MessageType.Awareness:
        return { kind: 'awareness', payload: reader.readBytes() };
      case MessageType.BroadcastStateless:
        return { kind: 'broadcast-stateless' };
      case MessageType.Auth:
      case MessageType.QueryAwareness:
      case MessageType.Stateless:
      case MessageType.CLOSE:
        return { kind: 'other' };
      default:
        return null;
    }
  } catch {
    return null;
  }
}

/** y-protocols awareness update: [count]([clientID][clock][JSON state])*; only `{}` or `null` pass. */
function isEmptyAwareness(payload: Uint8Array): boolean {
  try {
    const reader = new FrameReader(payload);
    const count = reader.readVarUint();
    if (count > 16) return false;
    for (let i = 0; i < count; i += 1) {
      reader.readVarUint();
      reader.readVarUint();
      const state = reader.readString();
      if (state !== '{}' && state !== 'null') return false;
    }
    return true;
  } catch {
    return false;
  }
}
