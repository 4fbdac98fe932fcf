import Dexie, { type EntityTable } from 'dexie';
import type { Response, Scan } from '../domain/types';

/** Small key/value facts about this device's database, e.g. whether the demo was seeded once. */
export interface MetaRow {
  key: string;
  value: string | number | boolean;
}

// Schema history. Never edit a released version: add a new `this.version(n)` with an upgrade.
// v1: scans, responses (by scan, by organisation, by scan+status for drafts), meta.
export class KetenscanDatabase extends Dexie {
  scans!: EntityTable<Scan, 'id'>;
  responses!: EntityTable<Response, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = 'ketenscan') {
    super(name);
    this.version(1).stores({
      scans: 'id, createdAt',
      responses: 'id, scanId, organisationId, [scanId+status], [scanId+organisationId]',
      meta: 'key',
    });
  }
}

export const db = new KetenscanDatabase();

export type StorageProblem = 'unavailable' | 'blocked' | 'quota' | 'newer-version' | 'unknown';

/** Maps a Dexie/IndexedDB failure to the few cases the user is told about. */
export function classifyStorageError(error: unknown): StorageProblem {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  const names = `${name} ${inner}`;
  if (/QuotaExceeded/.test(names)) return 'quota';
  if (/MissingAPI|InvalidState|SecurityError|UnknownError|OpenFailed/.test(names)) return 'unavailable';
  if (/VersionError/.test(names)) return 'newer-version';
  if (/Blocked/.test(names)) return 'blocked';
  return 'unknown';
}
