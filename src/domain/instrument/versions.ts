import { canonicalJson } from '../exchange/canonical';
import type { Instrument } from '../types';

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

/** The prefix of a version id derived from content (versions saved before ids existed). */
export const LEGACY_VERSION_PREFIX = 'legacy-';

/**
 * The id of a version saved before versions had ids: a fingerprint of its content (lineage id,
 * number, title, dimensions, statements; not the name). Two devices holding the same old version
 * derive the same id, so it is recognised across devices; two different "version 3"s get
 * different ids. FROZEN: the schema 5 migration stored ids made by this function, and files and
 * devices in the field rely on it; never change it.
 */
export function legacyVersionId(instrument: Pick<Instrument, 'id' | 'version' | 'title' | 'dimensions' | 'items'>): string {
  const { id, version, title, dimensions, items } = instrument;
  const text = canonicalJson({ id, version, title, dimensions, items });
  return `${LEGACY_VERSION_PREFIX}${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193 ^ 0x9e3779b9)}`;
}

/** FNV-1a over UTF-16 code units, 32 bits, from the given offset basis, as 8 hex digits. */
function fnv1a(text: string, basis: number): string {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
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
