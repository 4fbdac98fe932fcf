import { checkStoredAgreement, checkStoredVote } from '../domain/agreements/storedAgreement';
import type { Agreement, VoteRecord } from '../domain/agreements/types';
import { collectImportIds, versionsForExport, type ExchangeFileV1, type ExistingData, type ImportWrites } from '../domain/exchange';
import { checkStoredResponse, checkStoredScan, keepReadable } from '../domain/storedRecords';
import { checkStoredInstrument } from '../domain/instrument/storedInstrument';
import type { InstrumentRecord } from '../domain/instrument/versions';
import type { Response, Scan } from '../domain/types';
import { db } from './db';
import { changeTallies } from './tallyRepository';

export interface ExportData {
  /** With the room's votes and agreements on each scan (docs/agreements.md, "In the exchange file"). */
  scans: { scan: Scan; responses: Response[]; votes: VoteRecord[]; agreements: Agreement[] }[];
  /** Rows (scans or their submitted responses) that could not be read and are left out of the file. */
  unreadable: number;
}

/**
 * Scans with their submitted responses, for an export (all scans when no ids are given).
 * Unreadable rows are left out and counted, never written into a file (storedRecords.ts).
 */
export function loadScansForExport(scanIds?: readonly string[]): Promise<ExportData> {
  return db.transaction('r', [db.scans, db.responses, db.votes, db.agreements], async () => {
    const rows = scanIds ? (await db.scans.bulkGet([...scanIds])).filter((s) => s !== undefined) : await db.scans.toArray();
    const scans = keepReadable(rows, checkStoredScan);
    // A backup lists scans oldest first; chosen scans keep the order they were given in.
    if (!scanIds) scans.rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    let unreadable = scans.unreadable;
    const data = await Promise.all(
      scans.rows.map(async (scan) => {
        const responses = keepReadable(await db.responses.where('[scanId+status]').equals([scan.id, 'submitted']).toArray(), checkStoredResponse);
        const votes = keepReadable(await db.votes.where('scanId').equals(scan.id).toArray(), checkStoredVote);
        const agreements = keepReadable(await db.agreements.where('scanId').equals(scan.id).toArray(), checkStoredAgreement);
        unreadable += responses.unreadable + votes.unreadable + agreements.unreadable;
        return { scan, responses: responses.rows, votes: votes.rows, agreements: agreements.rows };
      }),
    );
    return { scans: data, unreadable };
  });
}

/**
 * The questionnaire versions an export carries (docs/exchange-format.md, "Questionnaire
 * versions"): every version of the given questionnaires (all when absent) that the library holds
 * or a scan uses. Unreadable library rows are left out and counted.
 */
export function loadInstrumentVersionsForExport(lineageIds?: Iterable<string>): Promise<{ versions: InstrumentRecord[]; unreadable: number }> {
  return db.transaction('r', [db.instrumentVersions, db.scans], async () => {
    const library = keepReadable(await db.instrumentVersions.toArray(), checkStoredInstrument);
    const scans = keepReadable(await db.scans.toArray(), checkStoredScan).rows;
    const wanted = lineageIds === undefined ? undefined : new Set(lineageIds);
    return { versions: versionsForExport(library.rows, scans.map((scan) => scan.instrument), wanted), unreadable: library.unreadable };
  });
}

/**
 * Up to this many response ids, an import asks for them by primary key (absent ones come back
 * undefined); above it, one read of every stored key first is cheaper than that many lookups.
 * A live record carries one response: it costs one lookup, however many the device holds
 * (docs/live-sessions.md "In the app").
 */
export const KEYED_LOOKUP_MAX_IDS = 200;

/** The stored rows an import plan must compare against: only those with ids in the files. */
export async function loadExistingForImport(files: readonly ExchangeFileV1[]): Promise<ExistingData> {
  const ids = collectImportIds(files);
  const [scans, responses, agreements, votes, versions] = await Promise.all([
    db.scans.bulkGet([...ids.scanIds]),
    db.responses.bulkGet(await storedAmong(ids.responseIds)),
    // A file without votes or agreements (every older file, every live record) reads none.
    ids.agreementIds.length > 0 ? db.agreements.bulkGet(ids.agreementIds) : [],
    ids.voteIds.length > 0 ? db.votes.bulkGet(ids.voteIds) : [],
    db.instrumentVersions.bulkGet(ids.versionIds),
  ]);
  return {
    scans: scans.filter((s): s is Scan => s !== undefined),
    responses: responses.filter((r): r is Response => r !== undefined),
    // A damaged stored row is compared as absent: the file's copy replaces it (storedRecords.ts).
    agreements: keepReadable(agreements.filter((a) => a !== undefined), checkStoredAgreement).rows,
    votes: keepReadable(votes.filter((v) => v !== undefined), checkStoredVote).rows,
    // Only whether a version is there counts (it is never changed by an import): an unreadable row is still there.
    instrumentVersions: versions.filter((row) => row !== undefined),
  };
}

/** The ids worth reading in full: all of a few, or those of many that are really stored. */
async function storedAmong(responseIds: readonly string[]): Promise<string[]> {
  if (responseIds.length <= KEYED_LOOKUP_MAX_IDS) return [...responseIds];
  // Reading every stored key is one cheap getAllKeys; fetching 10,000 absent ids one by one is
  // not. Only the ids that are really stored are read in full.
  const storedResponseIds = new Set(await db.responses.toCollection().primaryKeys());
  return responseIds.filter((id) => storedResponseIds.has(id));
}

/** Responses per write request of an import: the page can show progress between them. */
const WRITE_CHUNK = 5_000;

/**
 * Writes an import in one transaction: all of it, or (on any failure, or a tab closed midway)
 * nothing. Responses go in chunks inside that transaction, with the share written so far passed
 * to `onProgress` (0…1) between them (docs/scale.md "Import").
 */
export async function applyImport(writes: ImportWrites, options: { onProgress?: (share: number) => void } = {}): Promise<void> {
  const total = writes.responsesToAdd.length + writes.responsesToReplace.length;
  await db.transaction('rw', [db.scans, db.responses, db.tallies, db.votes, db.agreements, db.instrumentVersions], async () => {
    await db.scans.bulkAdd(writes.scansToAdd);
    for (const update of writes.scansToUpdate) await db.scans.update(update.id, { organisations: update.organisations });
    // What a replacement takes out of the tally is what is stored now, read in this transaction.
    const replaced = (await db.responses.bulkGet(writes.responsesToReplace.map((r) => r.id))).filter((r): r is Response => r !== undefined);
    for (let i = 0; i < writes.responsesToAdd.length; i += WRITE_CHUNK) {
      await db.responses.bulkAdd(writes.responsesToAdd.slice(i, i + WRITE_CHUNK));
      options.onProgress?.(Math.min(i + WRITE_CHUNK, writes.responsesToAdd.length) / Math.max(1, total));
    }
    await db.responses.bulkPut(writes.responsesToReplace);
    await changeTallies(replaced, [...writes.responsesToAdd, ...writes.responsesToReplace]);
    // Votes and agreements after the scans they belong to, in the same transaction (planImport.ts: merge by id).
    await db.votes.bulkPut(writes.votesToPut);
    await db.agreements.bulkPut(writes.agreementsToPut);
    // Questionnaire versions by id: one that is there (also one saved or imported since the
    // preview) is kept as it is, name included (docs/exchange-format.md, "Questionnaire versions").
    const versions = writes.versionsToAdd ?? [];
    if (versions.length > 0) {
      const present = new Set(await db.instrumentVersions.where('versionId').anyOf(versions.map((v) => v.versionId)).primaryKeys());
      await db.instrumentVersions.bulkAdd(versions.filter((v) => !present.has(v.versionId)));
    }
    options.onProgress?.(1);
  });
}
