import Dexie, { type EntityTable, type Table } from 'dexie';
import type { InstrumentRecord } from '../domain/instrument/versions';
import type { TallyRecord } from '../domain/tallyRecord';
import type { Response, Scan } from '../domain/types';
import { assertStepsNumbered, SCHEMA_STEPS } from './schemaHistory';

/** Small key/value facts about this device's database, e.g. whether the demo was seeded once. */
export interface MetaRow {
  key: string;
  value: string | number | boolean;
}

/**
 * The database holds data written by a newer Ketenscan than this one (docs/storage-and-migrations.md);
 * `classifyStorageError` says 'newer-version', as for IndexedDB's own VersionError. Not named
 * VersionError itself: Dexie would replace it by its own error of that name and drop the versions.
 */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly installedVersion: number,
    readonly supportedVersion: number,
  ) {
    super(`The database has schema version ${installedVersion}; this build knows up to ${supportedVersion}.`);
    this.name = 'DatabaseTooNewError';
  }
}

// The schema's versions are the numbered steps in schemaHistory.ts: never edit a released step,
// append a new one (and its fixture, see docs/storage-and-migrations.md).
export class KetenscanDatabase extends Dexie {
  scans!: EntityTable<Scan, 'id'>;
  responses!: EntityTable<Response, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  /** One row per scan with submitted responses: their counts (domain/tallyRecord.ts, docs/scale.md). */
  tallies!: EntityTable<TallyRecord, 'scanId'>;
  /** Saved instrument versions, keyed by [id+version] (docs/instrument-and-rounds.md). */
  instruments!: Table<InstrumentRecord, [string, number]>;

  constructor(name = 'ketenscan') {
    super(name);
    assertStepsNumbered(SCHEMA_STEPS);
    for (const step of SCHEMA_STEPS) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    // Dexie 4 opens a database of a higher version anyway (it retries without a version after
    // IndexedDB's VersionError), and this build would then read rows in a shape it does not
    // know. Refuse instead: the user is told to reload, which fetches the newer build.
    // Sticky, so the check runs on every open, not only the first.
    this.on(
      'ready',
      (ready) => {
        const installed = ready.backendDB().version / 10;
        if (installed > this.verno) throw new DatabaseTooNewError(installed, this.verno);
      },
      true,
    );
  }
}

export const db = new KetenscanDatabase();

export type StorageProblem = 'unavailable' | 'blocked' | 'quota' | 'newer-version' | 'unknown';

/**
 * The error names in a failure and in what it wraps: Dexie puts the IndexedDB error in `inner`
 * (an AbortError around a QuotaExceededError), a bulk write lists its `failures`, and our own
 * wrappers keep the original as `cause`.
 */
function collectErrorNames(error: unknown, depth = 0): string[] {
  if (depth > 3 || error === null || typeof error !== 'object') return [];
  const { name, inner, cause, failures } = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const nested = [inner, cause, ...(Array.isArray(failures) ? failures.slice(0, 3) : [])];
  return [typeof name === 'string' ? name : '', ...nested.flatMap((e) => collectErrorNames(e, depth + 1))];
}

/**
 * Maps a Dexie/IndexedDB failure to the few cases the user is told about. A connection closed
 * under a running page (VersionChange, or DatabaseClosed without a deeper cause) means another
 * tab opened a newer schema: the answer is the same as for a newer version, reload. The order
 * matters: Dexie reports a failed open as OpenFailed/DatabaseClosed around the real cause.
 * See docs/failures-and-storage.md.
 */
export function classifyStorageError(error: unknown): StorageProblem {
  // By name, not `instanceof Error`: a DOMException is not an Error in every environment.
  const names = collectErrorNames(error).join(' ');
  if (/QuotaExceeded/.test(names)) return 'quota';
  if (/VersionChange|VersionError|DatabaseTooNew/.test(names)) return 'newer-version';
  if (/MissingAPI|InvalidState|SecurityError|UnknownError|OpenFailed/.test(names)) return 'unavailable';
  if (/DatabaseClosed/.test(names)) return 'newer-version';
  if (/Blocked/.test(names)) return 'blocked';
  return 'unknown';
}
