import { DEFAULT_INSTRUMENT } from '../domain/instrument/defaultInstrument';
import { nextInstrumentVersion, type InstrumentRecord, type InstrumentVersionRef } from '../domain/instrument/versions';
import { checkStoredInstrument } from '../domain/instrument/storedInstrument';
import { checkStoredScan, keepReadable } from '../domain/storedRecords';
import type { Instrument } from '../domain/types';
import { db } from './db';
import { RecordNotFoundError } from './errors';

// The instrument library (docs/instrument-and-rounds.md): saved versions are never changed; a
// save always adds a version one above the highest known on this device, in the library or in
// any scan's snapshot, so two different instruments never share an id and a version.

/** Every readable saved version, newest first. The default instrument is not stored; callers add it. */
export async function listInstrumentVersions(): Promise<InstrumentRecord[]> {
  const { rows } = keepReadable(await db.instruments.toArray(), checkStoredInstrument);
  return rows.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || b.version - a.version);
}

/** Every instrument version a director can start from: the default, the library, and the ones scans use. */
export async function listStartingPoints(): Promise<Instrument[]> {
  const library = await listInstrumentVersions();
  const scans = keepReadable(await db.scans.toArray(), checkStoredScan).rows;
  const seen = new Set<string>();
  const result: Instrument[] = [];
  for (const instrument of [DEFAULT_INSTRUMENT, ...library, ...scans.map((s) => s.instrument)]) {
    const key = `${instrument.id}@${instrument.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(instrument);
  }
  return result;
}

/** Saves an edited instrument as the next version of its id; returns what was stored. */
export async function saveInstrumentVersion(instrument: Instrument, basedOn: InstrumentVersionRef | null, now: Date = new Date()): Promise<InstrumentRecord> {
  return db.transaction('rw', db.instruments, db.scans, async () => {
    const known: InstrumentVersionRef[] = [DEFAULT_INSTRUMENT, ...(await db.instruments.toArray())];
    for (const scan of keepReadable(await db.scans.toArray(), checkStoredScan).rows) known.push(scan.instrument);
    const version = nextInstrumentVersion(known, instrument.id);
    const record: InstrumentRecord = { ...structuredClone(instrument), version, savedAt: now.toISOString(), basedOn };
    await db.instruments.add(record);
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
    const { id, version, title, dimensions, items } = instrument;
    // Only the instrument's own fields: library bookkeeping (savedAt, basedOn) stays out of the scan.
    if ((await db.scans.update(scanId, { instrument: structuredClone({ id, version, title, dimensions, items }) })) === 0) throw new RecordNotFoundError('scan', scanId);
    return true;
  });
}
