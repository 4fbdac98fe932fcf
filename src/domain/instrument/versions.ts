import type { Instrument } from '../types';

// Instrument versions (docs/instrument-and-rounds.md). A saved version is never changed again:
// saving an edit always makes a new version, one above the highest of that instrument known on
// this device. A scan holds its own snapshot of the version it uses; once it has responses
// that snapshot is frozen, and edits go into a new version for new scans.

export interface InstrumentVersionRef {
  id: string;
  version: number;
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
  /** ISO timestamp of the save. */
  savedAt: string;
  /** The version the edit started from, or null. */
  basedOn: InstrumentVersionRef | null;
}
