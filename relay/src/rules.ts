import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type {
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  Connection,
  Extension,
  onAuthenticatePayload,
  onConnectPayload,
  onDisconnectPayload,
  onUpgradePayload,
} from '@hocuspocus/server';
import { MessageType } from '@hocuspocus/server';
import * as Y from 'yjs';
import {
  BALLOT_ENVELOPE_MAX_BYTES,
  BALLOTS_MAP,
  isWellFormedBallot,
  parseBallotKey,
  readOpenVoteId,
  isByteArray,
  isRecordId,
  isSessionClosed,
  isSessionId,
  isWellFormedSealedRecord,
  parseRelayToken,
  PHONE_MESSAGE_MAX_BYTES,
  PHONE_RECORDS_PER_CONNECTION,
  PHONE_UPDATES_PER_WINDOW,
  RATE_WINDOW_MS,
  REFUSAL_CODES,
  refusalReason,
  RESPONSE_ENVELOPE_MAX_BYTES,
  RESPONSES_MAP,
  type RelayRefusal,
} from '@ketenscan/live-protocol';
import { remoteAddressOf } from './address';
import type { RelayStorage } from './storage';

// Every Ketenscan rule of the relay, as one Hocuspocus extension (docs/live-sessions.md
// "Relay rules"). Hocuspocus stays unforked: these are its documented hooks.
//
// - onUpgrade (before the WebSocket exists): the Origin header, when a list of allowed origins is
//   set, and the number of open sockets from one remote address.
// - onConnect: the document name must be a session id (128-bit base64url).
// - onAuthenticate: a director presents `director:<secret>`; the first one binds the secret's
//   hash to the session, later ones must match. A phone presents `phone` and is let in only to
//   a session a director opened, and only while the session has room for another phone. The
//   role and the remote address go into the connection's context.
// - beforeHandleMessage: Hocuspocus awaits this hook before it applies a message, and a hook
//   that throws makes it close that connection without applying the message
//   (Connection.handleMessage in @hocuspocus/server 3.4). That is the one place where a write
//   can be refused before it reaches the document; `onChange` runs after the change is applied
//   and `beforeSync` is not awaited. So here: size and rate bounds for everyone, and for phones a
//   check of every document update (only new keys in 'responses', or in 'ballots' under the open
//   vote's id (docs/live-sessions.md "Votes"), each holding a well-formed sealed box, nothing deleted or overwritten, nothing outside it) and of how many records the
//   connection, its address and the session have added.
// - A closed session: a phone's connection turns read-only (`connection.readOnly`, which
//   Hocuspocus 3 honours by answering "not synced" instead of applying), so it stays connected
//   and reads the 'closed' marker, but nothing it sends is applied.

/**
 * Every bound of the relay; defaults and why in docs/live-sessions.md "Limits", environment
 * variables in docs/relay-operations.md. Counts of connections and records are per relay
 * process (several relays behind Redis each count their own), except records per session, which
 * is read from the document itself.
 */
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
  /** Phone connections open at once to one session. */
  phoneConnectionsPerSession: number;
  /** WebSockets open at once from one remote address (IPv6: one /64), across all sessions. */
  connectionsPerAddress: number;
  /** Records one phone connection may add. */
  phoneRecordsPerConnection: number;
  /** Records a session may hold. */
  recordsPerSession: number;
  /** Records phones from one remote address may add to one session. */
  recordsPerAddressPerSession: number;
  /** Bytes of records phones from one remote address may add to one session. */
  recordBytesPerAddressPerSession: number;
}

export const DEFAULT_RELAY_LIMITS: RelayLimits = {
  phoneMessageBytes: PHONE_MESSAGE_MAX_BYTES,
  directorMessageBytes: 4 * 1024 * 1024,
  // 500 genuine responses of ~3 KiB are 1.5 MiB; the definition and Yjs overhead fit in the rest.
  documentBytes: 2 * 1024 * 1024,
  phoneUpdatesPerWindow: PHONE_UPDATES_PER_WINDOW,
  messagesPerWindow: 200,
  windowMs: RATE_WINDOW_MS,
  // 200 phones, plus room for reconnects (an old socket not yet timed out) and second tabs.
  phoneConnectionsPerSession: 300,
  // A whole room behind one NAT address on guest wifi must fit, with the same room for reconnects.
  connectionsPerAddress: 300,
  // A phone sends one record per response; a shared device sends what it collected offline.
  phoneRecordsPerConnection: PHONE_RECORDS_PER_CONNECTION,
  // Twice the 500 responses a large session needs.
  recordsPerSession: 1000,
  // A room of 200 behind one NAT address, two responses each.
  recordsPerAddressPerSession: 400,
  // Those 400 at ~1 KiB each (a sealed response is 0.3–2.5 KiB), or 200 of 2.5 KiB; at most a
  // quarter of the document, so one address can never fill a session.
  recordBytesPerAddressPerSession: 512 * 1024,
};

/** Who may open a WebSocket, and how to tell where it comes from (docs/relay-operations.md). */
export interface RelayAccess {
  /** Exact origins (`https://scan.example.nl`); null lets every origin in (the room set-up). */
  allowedOrigins: readonly string[] | null;
  /** Count a connection under the first X-Forwarded-For address (only behind a proxy you run). */
  trustProxy: boolean;
}

export const OPEN_ACCESS: RelayAccess = { allowedOrigins: null, trustProxy: false };

/** The part of `ws`' WebSocketServer used to refuse a connection with a named close code. */
export interface UpgradeHandler {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, done: (socket: { close(code: number, reason: string): void }) => void): void;
}

// Refusals (RelayRefusal), their close codes (REFUSAL_CODES) and the `ketenscan:` reason prefix
// are the live protocol's (live-protocol/src/refusals.ts): the app reads them from the close event.

export interface RelayContext {
  role: 'director' | 'phone';
  /** What the per-address limits count under (address.ts); never logged. */
  address: string;
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
  return { code: REFUSAL_CODES[refusal], reason: refusalReason(refusal) };
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
  /** Records each phone connection added. */
  private readonly addedByConnection = new WeakMap<Connection, number>();
  /** Open WebSockets per remote address. */
  private readonly socketsByAddress = new Map<string, number>();
  /** Authenticated phone sockets per session (socket ids). */
  private readonly phonesBySession = new Map<string, Set<string>>();
  /** Records and their bytes added per session and remote address, while the session is loaded. */
  private readonly addedByAddress = new Map<string, Map<string, { records: number; bytes: number }>>();
  private upgrader: UpgradeHandler | null = null;

  constructor(
    private readonly storage: RelayStorage,
    private readonly limits: RelayLimits,
    private readonly log: RelayLog,
    private readonly access: RelayAccess = OPEN_ACCESS,
  ) {}

  /** The WebSocket server, so a refused upgrade can still be told why (a named close code). */
  attachUpgradeHandler(upgrader: UpgradeHandler): void {
    this.upgrader = upgrader;
  }

  /** Open WebSockets, counted at the upgrade (also those that never authenticated). */
  openSockets(): number {
    let total = 0;
    for (const count of this.socketsByAddress.values()) total += count;
    return total;
  }

  async onUpgrade({ request, socket, head }: onUpgradePayload): Promise<void> {
    const origin = request.headers.origin;
    const { allowedOrigins } = this.access;
    if (allowedOrigins !== null && (origin === undefined || !allowedOrigins.includes(origin))) {
      this.log(`refused origin-not-allowed (origin ${describeOrigin(origin)})`);
      return this.refuseUpgrade(request, socket as Duplex, head as Buffer, 'origin-not-allowed');
    }
    const address = remoteAddressOf(request, this.access.trustProxy);
    const open = this.socketsByAddress.get(address) ?? 0;
    if (open >= this.limits.connectionsPerAddress) {
      // The address itself is not logged (docs/relay-operations.md "Logging"); a proxy's access log has it.
      this.log('refused too-many-address-connections');
      return this.refuseUpgrade(request, socket as Duplex, head as Buffer, 'too-many-address-connections');
    }
    this.socketsByAddress.set(address, open + 1);
    (socket as Duplex).once('close', () => {
      const left = (this.socketsByAddress.get(address) ?? 1) - 1;
      if (left > 0) this.socketsByAddress.set(address, left);
      else this.socketsByAddress.delete(address);
    });
  }

  /**
   * Completes the upgrade only to close it at once with the refusal, so the client learns why
   * (and a provider stops instead of retrying); then stops Hocuspocus' own upgrade. Hocuspocus
   * treats a rejection without a value as "a hook handled it" (Server.setupHttpUpgrade).
   */
  private refuseUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, refusal: RelayRefusal): Promise<never> {
    const event = closeEventFor(refusal);
    if (this.upgrader) this.upgrader.handleUpgrade(request, socket, head, (webSocket) => webSocket.close(event.code, event.reason));
    else socket.destroy();
    return Promise.reject<never>(null);
  }

  async onConnect({ documentName }: onConnectPayload): Promise<void> {
    if (!isSessionId(documentName)) throw this.refuse('invalid-session-id', documentName);
  }

  async onAuthenticate({ token, documentName, request, socketId }: onAuthenticatePayload): Promise<RelayContext> {
    const role = parseRelayToken(token);
    if (role === null) throw this.refuse('invalid-token', documentName);
    const address = remoteAddressOf(request, this.access.trustProxy);
    if (role.role === 'director') {
      const check = await this.storage.checkDirector(documentName, role.secret);
      if (check === 'mismatch') throw this.refuse('wrong-director-secret', documentName);
      if (check === 'bound') this.log(`session ${shortId(documentName)} opened by a director`);
      return { role: 'director', address };
    }
    if (!(await this.storage.isKnownSession(documentName))) throw this.refuse('unknown-session', documentName);
    // Checked and counted with no await in between, so a burst of phones cannot all pass at once.
    const phones = this.phonesBySession.get(documentName) ?? new Set<string>();
    if (phones.size >= this.limits.phoneConnectionsPerSession) throw this.refuse('too-many-session-connections', documentName);
    phones.add(socketId);
    this.phonesBySession.set(documentName, phones);
    // Also when the socket goes before the connection was set up (onDisconnect never runs then).
    request.socket.once('close', () => this.forgetPhone(documentName, socketId));
    return { role: 'phone', address };
  }

  async onDisconnect({ documentName, socketId }: onDisconnectPayload): Promise<void> {
    this.forgetPhone(documentName, socketId);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.addedByAddress.delete(documentName);
  }

  private forgetPhone(documentName: string, socketId: string): void {
    const phones = this.phonesBySession.get(documentName);
    if (!phones) return;
    phones.delete(socketId);
    if (phones.size === 0) this.phonesBySession.delete(documentName);
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
    const { role, address } = context as Partial<RelayContext>;
    const fail = (refusal: RelayRefusal): never => {
      // Hocuspocus closes this document's connection with our reason; the socket goes too, so
      // a client that broke a rule reconnects through authentication and a fresh rate window.
      const event = this.refuse(refusal, documentName);
      setTimeout(() => connection.webSocket.close(event.code, event.reason), 0);
      throw event;
    };
    if ((role !== 'director' && role !== 'phone') || address === undefined) return fail('invalid-token');

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
      // say it is there, and carry a presence record sealed to the director, never text.
      return isAllowedPhoneAwareness(message.payload) ? undefined : fail('not-allowed-for-phone');
    }
    if (message.kind !== 'document-update') return;

    if (!withinRate(rate.updates, this.limits.phoneUpdatesPerWindow, this.limits.windowMs)) return fail('too-many-updates');
    if (isSessionClosed(document)) {
      connection.readOnly = true;
      return;
    }
    const judged = judgePhoneUpdate(document, message.payload, this.limits.documentBytes, this.documentBytesOf(document));
    if (judged.verdict !== 'accepted') return fail(judged.verdict);
    if (judged.records === 0) return;

    const byConnection = this.addedByConnection.get(connection) ?? 0;
    if (byConnection + judged.records > this.limits.phoneRecordsPerConnection) return fail('too-many-records');
    // Ballots count as records here and in the quotas below (docs/live-sessions.md "Votes").
    if (document.getMap(RESPONSES_MAP).size + document.getMap(BALLOTS_MAP).size + judged.records > this.limits.recordsPerSession) return fail('session-full');
    const perAddress = this.addedByAddress.get(documentName) ?? new Map<string, { records: number; bytes: number }>();
    const fromAddress = perAddress.get(address) ?? { records: 0, bytes: 0 };
    if (
      fromAddress.records + judged.records > this.limits.recordsPerAddressPerSession ||
      fromAddress.bytes + judged.recordBytes > this.limits.recordBytesPerAddressPerSession
    ) {
      return fail('too-many-address-records');
    }
    // Accepted: Hocuspocus applies the message as soon as this returns.
    this.addedByConnection.set(connection, byConnection + judged.records);
    perAddress.set(address, { records: fromAddress.records + judged.records, bytes: fromAddress.bytes + judged.recordBytes });
    this.addedByAddress.set(documentName, perAddress);
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

/** An origin as it may appear in a log line: printable ASCII, bounded, quoted. */
function describeOrigin(origin: string | undefined): string {
  if (origin === undefined) return '(none)';
  return JSON.stringify(origin.replace(/[^\x20-\x7e]/g, '?').slice(0, 80));
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

export type PhoneUpdateVerdict =
  | 'accepted'
  | 'document-too-large'
  | 'malformed-message'
  | 'incomplete-update'
  | 'changes-existing-data'
  | 'outside-responses'
  | 'invalid-record'
  | 'record-not-sealed'
  | 'vote-not-open';

/** The verdict, and for an accepted update the records it adds and their bytes. */
export interface PhoneUpdateJudgement {
  verdict: PhoneUpdateVerdict;
  records: number;
  recordBytes: number;
}

/**
 * Judges a phone's update. Accepted only when it adds new keys to 'responses', each holding a
 * well-formed sealed box (isWellFormedSealedRecord: bytes, the sealed version first, a length
 * between the smallest box and the record maximum), deletes nothing that existed before (an
 * overwrite deletes the old value), and leaves nothing waiting for content the relay lacks.
 *
 * Two ways to the same verdict. The common case, a phone's submission (only new map entries
 * with no left or right neighbour, the next clocks of their clients, under keys the document
 * does not have, and no deletions), is read straight from the decoded update in well under a
 * millisecond. Anything else (a first sync, which repeats the phone's whole delete set, or
 * anything unusual, a record that is not a sealed box included) is applied to a scratch copy of
 * the document and the transaction is inspected: one encode and one apply of the document,
 * ~5–10 ms for 50–200 responses.
 *
 * `documentBytes`: the document's size if the caller tracks it; else it is measured.
 */
export function judgePhoneUpdate(document: Y.Doc, update: Uint8Array, maxDocumentBytes: number, documentBytes?: number): PhoneUpdateJudgement {
  if (documentBytes !== undefined && documentBytes + update.length <= maxDocumentBytes) {
    const plain = plainAdditionOf(document, update);
    if (plain !== null) return { verdict: 'accepted', ...plain };
  }
  const state = Y.encodeStateAsUpdate(document);
  if (state.length + update.length > maxDocumentBytes) return refused('document-too-large');
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, state);
    return judgeOnScratch(scratch, update);
  } finally {
    scratch.destroy();
  }
}

/** judgePhoneUpdate's verdict alone. */
export function inspectPhoneUpdate(document: Y.Doc, update: Uint8Array, maxDocumentBytes: number, documentBytes?: number): PhoneUpdateVerdict {
  return judgePhoneUpdate(document, update, maxDocumentBytes, documentBytes).verdict;
}

function refused(verdict: Exclude<PhoneUpdateVerdict, 'accepted'>): PhoneUpdateJudgement {
  return { verdict, records: 0, recordBytes: 0 };
}

/** True only for an empty update or the plain shape of a submission; false means "judge it on a copy", not "refuse". */
export function isPlainAddition(document: Y.Doc, update: Uint8Array): boolean {
  return plainAdditionOf(document, update) !== null;
}

/** The records a plain submission adds, or null when the update has any other shape. */
function plainAdditionOf(document: Y.Doc, update: Uint8Array): { records: number; recordBytes: number } | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return null;
  }
  // An empty update (a phone's first sync when it has nothing new and the document has no
  // deletions) changes nothing.
  if (decoded.ds.clients.size > 0) return null;
  if (decoded.structs.length === 0) return { records: 0, recordBytes: 0 };
  const responses = document.getMap<unknown>(RESPONSES_MAP);
  const ballots = document.getMap<unknown>(BALLOTS_MAP);
  const openVote = readOpenVoteId(document);
  const nextClock = new Map<number, number>();
  const keys = new Set<string>();
  let recordBytes = 0;
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) return null;
    const { client, clock } = struct.id;
    // Exactly the next clock of that client: nothing missing, nothing repeated.
    if (clock !== (nextClock.get(client) ?? Y.getState(document.store, client))) return null;
    nextClock.set(client, clock + struct.length);
    if (struct.origin !== null || struct.rightOrigin !== null) return null;
    const key = struct.parentSub;
    // Decoded, not integrated: a root parent is still its name (Yjs types it as a type or an ID).
    const parent: unknown = struct.parent;
    if (key === null || keys.has(key)) return null;
    if (parent === RESPONSES_MAP) {
      if (!isRecordId(key) || responses.has(key)) return null;
      if (!(struct.content instanceof Y.ContentBinary) || !isWellFormedSealedRecord(struct.content.content)) return null;
    } else if (parent === BALLOTS_MAP) {
      // A ballot only for the open vote; anything else is judged (and named) on the copy.
      if (openVote === null || parseBallotKey(key)?.voteId !== openVote || ballots.has(key)) return null;
      if (!(struct.content instanceof Y.ContentBinary) || !isWellFormedBallot(struct.content.content)) return null;
    } else {
      return null;
    }
    keys.add(key);
    recordBytes += struct.content.content.length;
  }
  return { records: keys.size, recordBytes };
}

function judgeOnScratch(scratch: Y.Doc, update: Uint8Array): PhoneUpdateJudgement {
  const responses = scratch.getMap<unknown>(RESPONSES_MAP);
  const responsesType: unknown = responses;
  const ballots = scratch.getMap<unknown>(BALLOTS_MAP);
  const ballotsType: unknown = ballots;
  // A phone cannot change 'meta' (below), so the copy's open vote is the document's.
  const openVote = readOpenVoteId(scratch);
  const transactions: Y.Transaction[] = [];
  scratch.on('afterTransaction', (transaction: Y.Transaction) => transactions.push(transaction));
  try {
    Y.applyUpdate(scratch, update);
  } catch {
    return refused('malformed-message');
  }
  // Structs that wait for missing ones would be applied later, unchecked: refuse them now.
  if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) return refused('incomplete-update');
  const added = new Set<string>();
  for (const transaction of transactions) {
    for (const [client, deletions] of transaction.deleteSet.clients) {
      const known = transaction.beforeState.get(client) ?? 0;
      if (deletions.some((deletion) => deletion.clock < known)) return refused('changes-existing-data');
    }
    for (const [type, keys] of transaction.changed) {
      if (type === ballotsType) {
        for (const key of keys) {
          const parsed = parseBallotKey(key);
          if (parsed === null) return refused('invalid-record');
          const value = ballots.get(key!);
          if (value === undefined) continue;
          // A closed vote refuses a late ballot here, whatever the phone believed.
          if (openVote === null || parsed.voteId !== openVote) return refused('vote-not-open');
          if (!isByteArray(value) || value.length > BALLOT_ENVELOPE_MAX_BYTES) return refused('invalid-record');
          if (!isWellFormedBallot(value)) return refused('record-not-sealed');
          added.add(`${BALLOTS_MAP}/${key}`);
        }
        continue;
      }
      if (type !== responsesType) return refused('outside-responses');
      for (const key of keys) {
        if (key === null || !isRecordId(key)) return refused('invalid-record');
        const value = responses.get(key);
        if (value === undefined) continue;
        if (!isByteArray(value) || value.length > RESPONSE_ENVELOPE_MAX_BYTES) return refused('invalid-record');
        if (!isWellFormedSealedRecord(value)) return refused('record-not-sealed');
        // Nothing that existed was deleted (above), so every key holding a value is new.
        added.add(`${RESPONSES_MAP}/${key}`);
      }
    }
  }
  let recordBytes = 0;
  for (const entry of added) {
    const slash = entry.indexOf('/');
    const map = entry.slice(0, slash) === BALLOTS_MAP ? ballots : responses;
    recordBytes += (map.get(entry.slice(slash + 1)) as Uint8Array).length;
  }
  return { verdict: 'accepted', records: added.size, recordBytes };
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

/** At most this many characters of base64url in a phone's presence record (`{"p":"…"}`). */
export const PHONE_PRESENCE_MAX_CHARS = 256;
const PRESENCE_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${PHONE_PRESENCE_MAX_CHARS}}$`);

/**
 * y-protocols awareness update: [count]([clientID][clock][JSON state])*. A phone's state may be
 * `{}`, `null` (gone), or exactly `{"p":"<base64url>"}`: a presence record sealed to the
 * director. Compared with its canonical JSON (what y-protocols writes), so no whitespace, no
 * other or repeated key, no other type passes.
 */
export function isAllowedPhoneAwareness(payload: Uint8Array): boolean {
  try {
    const reader = new FrameReader(payload);
    const count = reader.readVarUint();
    if (count > 16) return false;
    for (let i = 0; i < count; i += 1) {
      reader.readVarUint();
      reader.readVarUint();
      if (!isAllowedPhoneState(reader.readString())) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function isAllowedPhoneState(state: string): boolean {
  if (state === '{}' || state === 'null') return true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const presence: unknown = (parsed as { p?: unknown }).p;
  return typeof presence === 'string' && PRESENCE_PATTERN.test(presence) && state === JSON.stringify({ p: presence });
}
