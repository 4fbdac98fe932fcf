import { DEFAULT_INSTRUMENT } from '../domain/instrument/defaultInstrument';
import { makeUuid } from '../domain/ids';
import { instrumentSnapshot, nextInstrumentVersion, VERSION_NAME_MAX, versionIdOf, type InstrumentRecord, type InstrumentVersionRef } from '../domain/instrument/versions';
import { checkStoredInstrument } from '../domain/instrument/storedInstrument';
import { checkStoredScan, keepReadable } from '../domain/storedRecords';
import type { Instrument } from '../domain/types';
import { db } from './db';
import { RecordNotFoundError } from './errors';

// The instrument library (docs/instrument-and-rounds.md, "Versions"): saved versions are never
// changed, except their name; a save always adds a version with a new global id, numbered one
// above the highest known on this device (library or any scan's snapshot). The number is for
// people; the id is what recognises a version on another device.

/** Every readable saved version, newest first. The default instrument is not stored; callers add it. */
export async function listInstrumentVersions(): Promise<InstrumentRecord[]> {
  const { rows } = keepReadable(await db.instrumentVersions.toArray(), checkStoredInstrument);
  return rows.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || b.version - a.version);
}

/** Every instrument version a director can start from: the default, the library, and the ones scans use. */
export async function listStartingPoints(): Promise<(Instrument & { savedAt?: string })[]> {
  const library = await listInstrumentVersions();
  const scans = keepReadable(await db.scans.toArray(), checkStoredScan).rows;
  const seen = new Set<string>();
  // Library rows come before scans' snapshots, so a saved version keeps its save time (labels use it).
  const result: (Instrument & { savedAt?: string })[] = [];
  for (const instrument of [DEFAULT_INSTRUMENT, ...library, ...scans.map((s) => s.instrument)]) {
    const key = versionIdOf(instrument);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(instrument);
  }
  return result;
}

/** Saves an edited instrument as the next version of its id; returns what was stored. */
export async function saveInstrumentVersion(instrument: Instrument, basedOn: InstrumentVersionRef | null, now: Date = new Date()): Promise<InstrumentRecord> {
  return db.transaction('rw', db.instrumentVersions, db.scans, async () => {
    const known: InstrumentVersionRef[] = [DEFAULT_INSTRUMENT, ...(await db.instrumentVersions.toArray())];
    for (const scan of keepReadable(await db.scans.toArray(), checkStoredScan).rows) known.push(scan.instrument);
    const version = nextInstrumentVersion(known, instrument.id);
    const { versionName } = instrument;
    const record: InstrumentRecord = {
      ...instrumentSnapshot({ ...instrument, versionName: undefined }),
      version,
      versionId: makeUuid(),
      savedAt: now.toISOString(),
      basedOn,
    };
    if (versionName !== undefined && versionName.trim() !== '') record.versionName = versionName.trim().slice(0, VERSION_NAME_MAX);
    await db.instrumentVersions.add(record);
    return record;
  });
}

/**
 * Gives a scan a new instrument version, only while it has no response at all (drafts
 * included): once someone answered, the scan's instrument is frozen. Returns false when frozen.
 */
export async function applyInstrumentToScan(scanId: string, instrument: Instrument): Promise<boolean> {
  return db.transaction('rw', db.scans, db.responses, async () => {
    if ((await db.responses.where('scanId').equals(scanId).count()) > 0) return false;
    // Only the instrument's own fields and its identity: library bookkeeping (savedAt, basedOn) stays out of the scan.
    if ((await db.scans.update(scanId, { instrument: instrumentSnapshot(instrument) })) === 0) throw new RecordNotFoundError('scan', scanId);
    return true;
  });
}

/** One saved version by its id, or null when the library does not hold it (or it is unreadable). */
export async function getInstrumentVersion(versionId: string): Promise<InstrumentRecord | null> {
  const row = await db.instrumentVersions.get(versionId);
  if (row === undefined) return null;
  const checked = checkStoredInstrument(row);
  return checked.ok ? checked.value : null;
}

/**
 * Names a version (null or blank: called by its number again). The name is the one thing of a
 * saved version that may change; every scan's snapshot of that version takes it too, so the
 * version is called the same wherever it shows. Throws RecordNotFoundError for an unknown id.
 */
export async function renameInstrumentVersion(versionId: string, name: string | null): Promise<void> {
  const trimmed = name?.trim().slice(0, VERSION_NAME_MAX) ?? '';
  await db.transaction('rw', db.instrumentVersions, db.scans, async () => {
    const row = await db.instrumentVersions.get(versionId);
    if (row === undefined) throw new RecordNotFoundError('instrument', versionId);
    const renamed: InstrumentRecord = { ...row };
    if (trimmed === '') delete renamed.versionName;
    else renamed.versionName = trimmed;
    await db.instrumentVersions.put(renamed);
    for (const scan of keepReadable(await db.scans.toArray(), checkStoredScan).rows) {
      if (versionIdOf(scan.instrument) !== versionId) continue;
      const instrument = { ...scan.instrument, versionId };
      if (trimmed === '') delete instrument.versionName;
      else instrument.versionName = trimmed;
      await db.scans.update(scan.id, { instrument });
    }
  });
}
