import Dexie, { type EntityTable } from 'dexie';
import type { Agreement, VoteRecord } from '../domain/agreements/types';
import type { InstrumentRecord } from '../domain/instrument/versions';
import type { TallyRecord } from '../domain/tallyRecord';
import type { Response, Scan } from '../domain/types';
import { assertStepsNumbered, SCHEMA_STEPS } from './schemaHistory';

/** Small key/value facts about this device's database, e.g. whether the demo was seeded once. */
export interface MetaRow {
  key: string;
  value: string | number | boolean;
}

/** The instrument editor's unsaved work under one key; `value` is checked by its reader. */
export interface EditorDraftRow {
  key: string;
  value: unknown;
  /** ISO timestamp */
  updatedAt: string;
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
  /** Saved instrument versions, keyed by their global id (docs/instrument-and-rounds.md, "Versions"). */
  instrumentVersions!: EntityTable<InstrumentRecord, 'versionId'>;
  /** The instrument editor's unsaved work, kept as typed (docs/instrument-and-rounds.md). */
  editorDrafts!: EntityTable<EditorDraftRow, 'key'>;
  /** What the room agreed per scan, with its follow-up (docs/agreements.md). */
  agreements!: EntityTable<Agreement, 'id'>;
  /** The room's votes per scan, as counts (docs/agreements.md). */
  votes!: EntityTable<VoteRecord, 'id'>;

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

// What a failing open or write means for the user lives in storageProblem.ts; kept importable from here
// for the tests that predate it.
export { classifyStorageError, type StorageProblem } from './storageProblem';
