import type { Instrument } from '../types';
import { legacyVersionId } from './legacyVersionId';

export { LEGACY_VERSION_PREFIX, legacyVersionId } from './legacyVersionId';

// Instrument versions (docs/instrument-and-rounds.md, "Versions"). A saved version is never
// changed again (its name excepted): saving an edit always makes a new version. A version's
// identity is its `versionId`, globally unique, so versions made on two devices never collide;
// its number is for people only. A scan holds its own snapshot of the version it uses; once it
// has responses that snapshot is frozen, and edits go into a new version for new scans.

export interface InstrumentVersionRef {
  id: string;
  version: number;
  /** Absent on references written before versions had ids. */
  versionId?: string;
}

/** The number of the next version of an instrument, given the versions known (library, scans). */
export function nextInstrumentVersion(known: readonly InstrumentVersionRef[], instrumentId: string): number {
  let highest = 0;
  for (const ref of known) if (ref.id === instrumentId) highest = Math.max(highest, ref.version);
  return highest + 1;
}

/** Statement ids used by any known version of the instrument: a new statement never gets one of them. */
export function knownStatementIds(versions: readonly Instrument[], instrumentId: string): string[] {
  const ids = new Set<string>();
  for (const version of versions) if (version.id === instrumentId) for (const item of version.items) ids.add(item.id);
  return [...ids];
}

/** A scan's instrument may be replaced only while nobody has answered it, drafts included. */
export function isInstrumentFrozen(responseCount: number): boolean {
  return responseCount > 0;
}

/** A saved version in the device's instrument library. */
export interface InstrumentRecord extends Instrument {
  versionId: string;
  /** ISO timestamp of the save. */
  savedAt: string;
  /** The version the edit started from, or null. */
  basedOn: InstrumentVersionRef | null;
}

/** A version's identity: its own id, or for an old version the id derived from its content. */
export function versionIdOf(instrument: Instrument): string {
  return instrument.versionId ?? legacyVersionId(instrument);
}

/** The instrument's own fields (what a scan's snapshot holds), with its version id made explicit. */
export function instrumentSnapshot(instrument: Instrument): Instrument {
  const { id, version, title, dimensions, items, versionName } = instrument;
  const snapshot: Instrument = structuredClone({ id, version, versionId: versionIdOf(instrument), title, dimensions, items });
  if (versionName !== undefined) snapshot.versionName = versionName;
  return snapshot;
}

/** Longest name a director can give a version. */
export const VERSION_NAME_MAX = 80;

/**
 * When a version known only from a scan's snapshot was saved, as a library row and in a file:
 * before every real save. A snapshot counts older than any saved version (`newestVersionOf`), and
 * it keeps doing so on the device that imports it. It is an order, not a date: never shown.
 */
export const SNAPSHOT_SAVED_AT = '1970-01-01T00:00:00.000Z';

/** The save time to show or tell versions apart by: none for a version known only from a scan. */
export function knownSaveTime(savedAt: string | undefined): string | undefined {
  return savedAt === SNAPSHOT_SAVED_AT ? undefined : savedAt;
}

/**
 * The newest version of a questionnaire among `candidates` (library rows and scans' snapshots):
 * the latest `savedAt`, a snapshot without one counting as older than any saved version, then
 * the highest number. Null when none belongs to `lineageId`.
 */
export function newestVersionOf<T extends Instrument & { savedAt?: string }>(lineageId: string, candidates: readonly T[]): T | null {
  let best: T | null = null;
  for (const candidate of candidates) {
    if (candidate.id !== lineageId) continue;
    if (best === null || compareAge(candidate, best) > 0) best = candidate;
  }
  return best;
}

function compareAge(a: Instrument & { savedAt?: string }, b: Instrument & { savedAt?: string }): number {
  const bySave = (a.savedAt ?? '').localeCompare(b.savedAt ?? '');
  return bySave !== 0 ? bySave : a.version - b.version;
}
