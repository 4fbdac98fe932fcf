import type { Transaction } from 'dexie';
import { legacyVersionId } from '../domain/instrument/legacyVersionId';
import { checkStoredResponse } from '../domain/storedRecords';
import { countIntoTally } from '../domain/tallyRecord';

// Every schema the Ketenscan database has had, as numbered steps, in one place
// (docs/storage-and-migrations.md). A released step is frozen: its stores and its row types
// describe what devices in the field already hold, so they are never edited. A schema change
// appends a step whose version is one higher, with an `upgrade` when rows must change, and a
// fixture `tests/fixtures/db/v<version>.json` built by `npm run fixture:db` (the migration test
// fails while a declared version has no fixture).

/** Dexie store definitions of one version: table → primary key and indexes (`null` deletes a table). */
export type StoresDefinition = Readonly<Record<string, string | null>>;

export interface SchemaStep {
  /** Rises by exactly one from step to step, starting at 1. */
  readonly version: number;
  /** What the step changes, in a few words (shows in test names and the docs). */
  readonly name: string;
  readonly stores: StoresDefinition;
  /** Rewrites rows written under the previous version; absent when only indexes change. */
  readonly upgrade?: (transaction: Transaction) => Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Version 1, first released with Ketenscan 0.1 (2026-11). Frozen.
// ---------------------------------------------------------------------------------------------

export const STORES_V1 = {
  scans: 'id, createdAt',
  responses: 'id, scanId, organisationId, [scanId+status], [scanId+organisationId]',
  meta: 'key',
} as const satisfies StoresDefinition;

// The row types as version 1 wrote them, written out instead of borrowing the domain types: a
// later change to `Scan` or `Response` must not silently change what a v1 row is.

export interface LocalizedTextRowV1 {
  nl: string;
  en: string;
}

export type AnswerRowV1 = 1 | 2 | 3 | 4 | 5 | 'dk';
export type LevelRowV1 = 'uitvoering' | 'management' | 'bestuur';

export interface ScanRowV1 {
  id: string;
  title: string;
  /** yyyy-mm-dd */
  date: string;
  settings: { minGroupSize: number; gapThreshold: number; askLevel: boolean };
  instrument: {
    id: string;
    version: number;
    title: LocalizedTextRowV1;
    dimensions: { id: string; label: LocalizedTextRowV1 }[];
    items: { id: string; dimension: string; kind: 'thermometer' | 'thermostat'; text: LocalizedTextRowV1 }[];
  };
  organisations: { id: string; name: string }[];
  status: 'open' | 'closed';
  isDemo: boolean;
  /** ISO timestamp */
  createdAt: string;
}

export interface ResponseRowV1 {
  id: string;
  scanId: string;
  organisationId: string;
  level: LevelRowV1 | null;
  /** A statement left unanswered is absent. */
  answers: Record<string, AnswerRowV1>;
  comments: Record<string, string>;
  keywords: string[];
  improvement: string;
  startedAt: string;
  /** null while draft */
  submittedAt: string | null;
  status: 'draft' | 'submitted';
  /** Step index in the answer flow, so a reload resumes there. */
  position: number;
}

export interface MetaRowV1 {
  key: string;
  value: string | number | boolean;
}

export interface TablesV1 {
  scans: ScanRowV1[];
  responses: ResponseRowV1[];
  meta: MetaRowV1[];
}

// ---------------------------------------------------------------------------------------------
// Version 2 (2026-11): the stored tally of every scan (docs/scale.md). Frozen once released.
// ---------------------------------------------------------------------------------------------

export const STORES_V2 = {
  tallies: 'scanId',
} as const satisfies StoresDefinition;

/** Counts of a scan's submitted responses per organisation × level (domain/tallyRecord.ts). */
export interface TallyRowV2 {
  scanId: string;
  counts: Record<string, number>;
}

export interface TablesV2 extends TablesV1 {
  tallies: TallyRowV2[];
}

/**
 * Counts every scan's readable submitted responses once, so the results read the tally from
 * then on. Rows the app sets aside as damaged (storedRecords.ts) are left out, as the results
 * always left them out; "check the data" (tallyCheck.ts) recounts the same way.
 */
async function buildTallies(transaction: Transaction): Promise<void> {
  const tallies = new Map<string, Record<string, number>>();
  for (const scanId of (await transaction.table('scans').toCollection().primaryKeys()) as string[]) tallies.set(scanId, {});
  await transaction
    .table('responses')
    .toCollection()
    .each((row: unknown) => {
      const checked = checkStoredResponse(row);
      const counts = checked.ok ? tallies.get(checked.value.scanId) : undefined;
      if (checked.ok && counts) countIntoTally(counts, checked.value, 1);
    });
  await transaction.table('tallies').bulkPut([...tallies].map(([scanId, counts]) => ({ scanId, counts })));
}

// ---------------------------------------------------------------------------------------------
// Version 3, first released with the instrument editor (2026-11). Frozen.
// Adds the instrument library: every saved instrument version, keyed by instrument id and
// version (docs/instrument-and-rounds.md). Scans keep their own snapshot; no row is rewritten.
// Scans written from this version on may carry `series` (rounds of one repeated scan).
// ---------------------------------------------------------------------------------------------

export const STORES_V3 = {
  instruments: '[id+version], id',
} as const satisfies StoresDefinition;

export interface InstrumentRowV3 {
  id: string;
  version: number;
  title: LocalizedTextRowV1;
  dimensions: { id: string; label: LocalizedTextRowV1 }[];
  items: { id: string; dimension: string; kind: 'thermometer' | 'thermostat'; text: LocalizedTextRowV1 }[];
  /** ISO timestamp of the save. */
  savedAt: string;
  /** The version the edit started from, or null. */
  basedOn: { id: string; version: number } | null;
}

/** A v3 scan may be one round of a series (no index: the field needs no schema change of its own). */
export interface ScanRowV3 extends ScanRowV1 {
  series?: { id: string; round: number };
}

export interface TablesV3 extends Omit<TablesV2, 'scans'> {
  scans: ScanRowV3[];
  instruments: InstrumentRowV3[];
}

// ---------------------------------------------------------------------------------------------
// Version 4, first released with agreements (2026-12). Frozen.
// Adds what the room voted and agreed per scan (docs/agreements.md): the votes as counts and the
// agreements with their follow-up. No row of an older table is rewritten.
// ---------------------------------------------------------------------------------------------

export const STORES_V4 = {
  agreements: 'id, scanId',
  votes: 'id, scanId',
} as const satisfies StoresDefinition;

export interface FollowUpRowV4 {
  status: 'done' | 'underway' | 'dropped';
  note: string;
  judgedInScanId: string;
  updatedAt: string;
}

export interface AgreementRowV4 {
  id: string;
  scanId: string;
  itemId: string | null;
  what: string;
  partnerIds: string[];
  due: string | null;
  votes: number | null;
  voteId: string | null;
  createdAt: string;
  updatedAt: string;
  followUp: FollowUpRowV4 | null;
}

export interface VoteRowV4 {
  id: string;
  scanId: string;
  method: 'phones' | 'hands';
  votesPerPerson: number;
  options: { itemId: string; kind: 'discussionPoint' | 'uncertainDifference' }[];
  counts: Record<string, number>;
  ballots: number | null;
  openedAt: string;
  closedAt: string | null;
}

export interface TablesV4 extends TablesV3 {
  agreements: AgreementRowV4[];
  votes: VoteRowV4[];
}

// ---------------------------------------------------------------------------------------------
// Version 5, first released with the workbench (2026-12). Frozen once released.
// Instrument versions get a global identity (docs/instrument-and-rounds.md, "Versions"): the
// library moves from `instruments`, keyed by [id+version] (a number two devices both hand out),
// to `instrumentVersions`, keyed by `versionId`. Each old row keeps every field and gets the id
// derived from its content (`legacyVersionId`), so the same old version on two devices has the
// same id. `editorDrafts` keeps the editor's unsaved work as it is typed.
// ---------------------------------------------------------------------------------------------

export const STORES_V5 = {
  instruments: null,
  instrumentVersions: 'versionId, id, savedAt',
  editorDrafts: 'key',
} as const satisfies StoresDefinition;

export interface InstrumentRowV5 extends Omit<InstrumentRowV3, 'basedOn'> {
  /** Globally unique; for a migrated v3 row, `legacyVersionId` of its content. */
  versionId: string;
  /** The name the director gave it; absent: called by its number. */
  versionName?: string;
  basedOn: { id: string; version: number; versionId?: string } | null;
}

/** A scan's snapshot of its instrument may name the version (ids of versions saved from v5 on). */
export interface ScanRowV5 extends Omit<ScanRowV3, 'instrument'> {
  instrument: ScanRowV1['instrument'] & { versionId?: string; versionName?: string };
}

/** The editor's unsaved work under one key (which questionnaire, or which scan's questionnaire). */
export interface EditorDraftRowV5 {
  key: string;
  /** The editor's working state as JSON-safe data; checked when read, set aside when unreadable. */
  value: unknown;
  /** ISO timestamp of the last keystroke kept. */
  updatedAt: string;
}

export interface TablesV5 extends Omit<TablesV4, 'instruments' | 'scans'> {
  scans: ScanRowV5[];
  instrumentVersions: InstrumentRowV5[];
  editorDrafts: EditorDraftRowV5[];
}

/** Copies every v3 library row into `instrumentVersions` with its content-derived id. */
async function giveVersionsIds(transaction: Transaction): Promise<void> {
  const rows = (await transaction.table('instruments').toArray()) as InstrumentRowV3[];
  // A row too damaged to fingerprint still moves (with an id from what it has), so the reader can
  // set it aside and count it, as it did before.
  const moved = rows.map((row) => ({ ...row, versionId: legacyVersionId(row) }));
  await transaction.table('instrumentVersions').bulkPut(moved);
}

// ---------------------------------------------------------------------------------------------
// The steps. Append only.
// ---------------------------------------------------------------------------------------------

export const SCHEMA_STEPS: readonly SchemaStep[] = [
  { version: 1, name: 'scans, responses and meta', stores: STORES_V1 },
  { version: 2, name: 'stored tally per scan', stores: STORES_V2, upgrade: buildTallies },
  { version: 3, name: 'instrument library', stores: STORES_V3 },
  { version: 4, name: 'votes and agreements', stores: STORES_V4 },
  { version: 5, name: 'instrument versions by id, editor drafts', stores: STORES_V5, upgrade: giveVersionsIds },
];

export const CURRENT_SCHEMA_VERSION: number = SCHEMA_STEPS[SCHEMA_STEPS.length - 1]?.version ?? 0;

/** Throws when the steps do not rise by exactly one from 1: a gap or a repeat is a coding error. */
export function assertStepsNumbered(steps: readonly SchemaStep[]): void {
  steps.forEach((step, index) => {
    if (step.version !== index + 1) throw new Error(`schema step ${index} has version ${step.version}, expected ${index + 1}`);
  });
}
