import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import {
  addResponseEnvelope,
  buildSessionDefinition,
  createResponseOpener,
  createResponseSealer,
  createSessionCipher,
  makeDirectorSecret,
  makeDirectorToken,
  makeRecipientKeyPair,
  makeRecordId,
  makeSessionId,
  makeSessionKey,
  openRecipientKey,
  openResponse,
  readRecipientEnvelope,
  readResponseEnvelopes,
  sealDefinition,
  sealRecipientKey,
  randomBytes,
  SEALED_VERSION,
  sealResponse,
  writeDefinitionEnvelope,
  type RecipientKeyPair,
  type ResponseOpener,
  type SessionCipher,
} from '../../../src/domain/live';
import type { Scan, SubmittedResponse } from '../../../src/domain/types';
import { startRelay, type RelayHandle, type RelayOptions } from '../../../relay/src/createRelay';
import { connectNodeClient, waitUntil, type NodeClient } from '../../../relay/src/nodeClient';
import type { NodeSocketOptions } from '../../../relay/src/nodeWebSocket';
import { SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';

// Ports 4450–4459 belong to this checkout's relay tests (and E2E): loopback only.
export const HOST = '127.0.0.1';

export const SUBMITTED = SMALL_RESPONSES.filter((r): r is SubmittedResponse => r.status === 'submitted');
export const lookupScan = (id: string): Scan | undefined => (id === SMALL_SCAN.id ? SMALL_SCAN : undefined);

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ketenscan-relay-'));
}

export async function removeDataDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export interface TestRelay extends RelayHandle {
  logLines: string[];
}

export async function startTestRelay(port: number, dataDir: string, options: Partial<RelayOptions> = {}): Promise<TestRelay> {
  const logLines: string[] = [];
  // A port freed by a relay that just stopped can take a moment: bounded retries.
  for (let attempt = 0; ; attempt += 1) {
    try {
      const relay = await startRelay({ port, host: HOST, dataDir, debounceMs: 100, log: (line) => logLines.push(line), ...options });
      return Object.assign(relay, { logLines });
    } catch (error) {
      if (attempt >= 20 || !(error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface TestSession {
  sessionId: string;
  key: string;
  secret: string;
  /** What every phone holds (the link's key): opens the definition and the director's public key. */
  cipher: SessionCipher;
  /** Only the director's device holds the secret half. */
  recipient: RecipientKeyPair;
  opener: ResponseOpener;
}

export function makeTestSession(): TestSession {
  const sessionId = makeSessionId();
  const key = makeSessionKey();
  const made = createSessionCipher(sessionId, key);
  if (!made.ok) throw new Error(made.error);
  const recipient = makeRecipientKeyPair();
  const opener = createResponseOpener(sessionId, recipient.secretKey);
  if (!opener.ok) throw new Error(opener.error);
  return { sessionId, key, secret: makeDirectorSecret(), cipher: made.value, recipient, opener: opener.value };
}

/** A director's device that opened the session and wrote the encrypted definition. */
export async function openAsDirector(url: string, session: TestSession, options: { writeDefinition?: boolean; socket?: NodeSocketOptions } = {}): Promise<NodeClient> {
  const director = connectNodeClient(url, session.sessionId, makeDirectorToken(session.secret), new Y.Doc(), options.socket ?? {});
  await withTimeout(director.synced, 5000, 'director synced');
  if (options.writeDefinition !== false) {
    writeDefinitionEnvelope(
      director.doc,
      await sealDefinition(session.cipher, buildSessionDefinition(SMALL_SCAN, new Date('2026-11-30T09:00:00.000Z'))),
      await sealRecipientKey(session.cipher, session.recipient.publicKey),
    );
  }
  return director;
}

/** As a phone does: read the director's public key from the document with the link's key, seal to it. */
export async function submitResponse(phone: NodeClient, session: TestSession, response: SubmittedResponse): Promise<string> {
  const recipient = await openRecipientKey(session.cipher, readRecipientEnvelope(phone.doc));
  if (!recipient.ok) throw new Error(`no director key on the phone: ${JSON.stringify(recipient.error)}`);
  const sealer = createResponseSealer(session.sessionId, recipient.publicKey);
  if (!sealer.ok) throw new Error(sealer.error);
  const recordId = makeRecordId();
  const envelope = await sealResponse(sealer.value, recordId, SMALL_SCAN, response);
  const added = addResponseEnvelope(phone.doc, recordId, envelope);
  if (added !== 'added') throw new Error(added);
  return recordId;
}

/**
 * A real sealed box (the phone's sealer, to the session's director) around `plaintextBytes`
 * random bytes: what the relay sees of a genuine record, 61 bytes longer than its plaintext.
 */
export async function sealedRecord(session: TestSession, recordId: string, plaintextBytes: number): Promise<Uint8Array> {
  const sealer = createResponseSealer(session.sessionId, session.recipient.publicKey);
  if (!sealer.ok) throw new Error(sealer.error);
  return sealer.value.seal(recordId, randomBytes(plaintextBytes));
}

/**
 * Bytes with the shape of a sealed box (the version byte, then random bytes), synchronously:
 * for checks of the relay's rules, which see only the shape and can never open a box.
 */
export function sealedLike(length: number): Uint8Array {
  const bytes = randomBytes(length);
  bytes[0] = SEALED_VERSION;
  return bytes;
}

/** What the director's device would merge: decrypted response ids by record id. */
export async function decryptAll(doc: Y.Doc, session: TestSession): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const record of readResponseEnvelopes(doc).records) {
    const opened = await openResponse(session.opener, record.recordId, record.envelope, lookupScan);
    if (opened.ok) out.set(record.recordId, opened.responseId);
  }
  return out;
}

export function responseKeys(doc: Y.Doc): string[] {
  return [...doc.getMap('responses').keys()].sort();
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Every byte the relay wrote to disk, per file. */
export async function readStoredFiles(dataDir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const folder of ['docs', 'sessions']) {
    for (const name of await readdir(join(dataDir, folder))) files.set(`${folder}/${name}`, await readFile(join(dataDir, folder, name)));
  }
  return files;
}

export { waitUntil, connectNodeClient };
export type { NodeClient };
