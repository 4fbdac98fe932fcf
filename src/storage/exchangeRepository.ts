import { collectImportIds, type ExchangeFileV1, type ExistingData, type ImportWrites } from '../domain/exchange';
import type { Response, Scan } from '../domain/types';
import { db } from './db';

/** Scans with their submitted responses, for an export (all scans when no ids are given). */
export async function loadScansForExport(scanIds?: readonly string[]): Promise<{ scan: Scan; responses: Response[] }[]> {
  const scans = scanIds ? (await db.scans.bulkGet([...scanIds])).filter((s): s is Scan => s !== undefined) : await db.scans.orderBy('createdAt').toArray();
  return Promise.all(
    scans.map(async (scan) => ({ scan, responses: await db.responses.where('[scanId+status]').equals([scan.id, 'submitted']).toArray() })),
  );
}

/** The stored rows an import plan must compare against: only those with ids in the files. */
export async function loadExistingForImport(files: readonly ExchangeFileV1[]): Promise<ExistingData> {
  const ids = collectImportIds(files);
  // Reading every stored key is one cheap getAllKeys; fetching 10,000 absent ids one by one is
  // not. Only the ids that are really stored are read in full.
  const storedResponseIds = new Set(await db.responses.toCollection().primaryKeys());
  const present = [...ids.responseIds].filter((id) => storedResponseIds.has(id));
  const [scans, responses] = await Promise.all([db.scans.bulkGet([...ids.scanIds]), db.responses.bulkGet(present)]);
  return {
    scans: scans.filter((s): s is Scan => s !== undefined),
    responses: responses.filter((r): r is Response => r !== undefined),
  };
}

/** Writes an import in one transaction: all of it, or (on any failure) nothing. */
export async function applyImport(writes: ImportWrites): Promise<void> {
  await db.transaction('rw', db.scans, db.responses, async () => {
    await db.scans.bulkAdd(writes.scansToAdd);
    for (const update of writes.scansToUpdate) await db.scans.update(update.id, { organisations: update.organisations });
    await db.responses.bulkAdd(writes.responsesToAdd);
    await db.responses.bulkPut(writes.responsesToReplace);
  });
}
