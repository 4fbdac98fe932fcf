import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { isSessionId } from '@ketenscan/live-protocol';

// What the relay keeps on disk (docs/live-sessions.md "What the relay sees"), one folder:
//
//   <dataDir>/docs/<sessionId>.ydoc       the Yjs state: ciphertext, random ids, 'closed'
//   <dataDir>/sessions/<sessionId>.json   { directorSecretSha256, openedAt }
//
// Session ids are checked against the 128-bit base64url pattern before they become a file name,
// so no name can leave the folder. Relays that scale out through Redis share this folder (a
// shared volume); the Redis extension's lock lets one of them store at a time, and a store
// merges with what is on disk, so a write from another relay is never overwritten.

export class RelayStorage {
  constructor(readonly dataDir: string) {}

  private docPath(sessionId: string): string {
    return join(this.dataDir, 'docs', `${checkedId(sessionId)}.ydoc`);
  }

  private sessionPath(sessionId: string): string {
    return join(this.dataDir, 'sessions', `${checkedId(sessionId)}.json`);
  }

  async prepare(): Promise<void> {
    await mkdir(join(this.dataDir, 'docs'), { recursive: true });
    await mkdir(join(this.dataDir, 'sessions'), { recursive: true });
  }

  async fetchDocument(sessionId: string): Promise<Uint8Array | null> {
    return readIfExists(this.docPath(sessionId));
  }

  /** Merge with the stored state (Yjs updates merge without loss), then replace the file atomically. */
  async storeDocument(sessionId: string, state: Uint8Array): Promise<void> {
    const path = this.docPath(sessionId);
    const stored = await readIfExists(path);
    const merged = stored ? Y.mergeUpdates([stored, state]) : state;
    await writeAtomically(path, merged);
  }

  /**
   * The first director's device to open a session binds its secret to it; later ones must
   * present the same secret. Only a hash is kept: the file never lets anyone act as director.
   * 'wx' makes the binding atomic, also between relays sharing the folder.
   */
  async checkDirector(sessionId: string, secret: string): Promise<'bound' | 'match' | 'mismatch'> {
    const hash = hashSecret(secret);
    const path = this.sessionPath(sessionId);
    const record = JSON.stringify({ directorSecretSha256: hash.toString('hex'), openedAt: new Date().toISOString() });
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(record);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return 'bound';
    } catch (error) {
      if (!isNodeError(error, 'EEXIST')) throw error;
    }
    const known = await this.readDirectorHash(sessionId);
    return known !== null && known.length === hash.length && timingSafeEqual(known, hash) ? 'match' : 'mismatch';
  }

  async isKnownSession(sessionId: string): Promise<boolean> {
    return (await this.readDirectorHash(sessionId)) !== null;
  }

  private async readDirectorHash(sessionId: string): Promise<Buffer | null> {
    const bytes = await readIfExists(this.sessionPath(sessionId));
    if (!bytes) return null;
    try {
      const parsed: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
      const hex = typeof parsed === 'object' && parsed !== null ? (parsed as { directorSecretSha256?: unknown }).directorSecretSha256 : undefined;
      return typeof hex === 'string' && /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
    } catch {
      return null;
    }
  }
}

function checkedId(sessionId: string): string {
  if (!isSessionId(sessionId)) throw new Error('Not a session id');
  return sessionId;
}

function hashSecret(secret: string): Buffer {
  // The secret is 256 random bits, so a plain SHA-256 is enough: there is nothing to guess.
  return createHash('sha256').update(secret, 'utf8').digest();
}

async function readIfExists(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return null;
    throw error;
  }
}

/** Temp file in the same folder, fsync, rename: a crash leaves the old file or the new, never half. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

function isNodeError(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
