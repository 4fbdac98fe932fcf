import type { Response } from '../domain/types';
import { db } from './db';

// When the director last saved the data as a JSON file, and what was submitted since: the basis
// of the "save a backup" reminder. Rule and reasons: docs/failures-and-storage.md.

/** Meta key: ISO time of the last backup of every scan. */
export const LAST_BACKUP_AT = 'lastBackupAt';
/** Meta key per scan: ISO time of the last JSON export that contained it. */
export const lastExportKey = (scanId: string) => `lastExportAt:${scanId}`;

/**
 * Records a JSON export: without ids a backup of everything, with ids those scans. CSV does not
 * count: it cannot be read back in, so it is no backup.
 */
export async function recordJsonExport(scanIds: readonly string[] | undefined, now: Date = new Date()): Promise<void> {
  const at = now.toISOString();
  if (scanIds === undefined) await db.meta.put({ key: LAST_BACKUP_AT, value: at });
  else await db.meta.bulkPut(scanIds.map((id) => ({ key: lastExportKey(id), value: at })));
}

export interface BackupStatus {
  /** The last full backup, or null when there was none on this device. */
  lastBackupAt: string | null;
  /** Submitted responses of real scans given after the last file that contained their scan. */
  unsavedResponses: number;
  /** How many scans those responses belong to. */
  unsavedScans: number;
}

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY);
const metaString = (value: unknown) => (typeof value === 'string' ? value : null);

function isSubmittedAfter(response: Response, since: number): boolean {
  return response.status === 'submitted' && time(response.submittedAt) > since;
}

/** What is not yet in any saved file; limited to one scan when an id is given. Demo scans never count. */
export async function readBackupStatus(scanId?: string): Promise<BackupStatus> {
  return db.transaction('r', db.scans, db.responses, db.meta, async () => {
    const lastBackupAt = metaString((await db.meta.get(LAST_BACKUP_AT))?.value);
    const scans = scanId ? [await db.scans.get(scanId)] : await db.scans.toArray();
    let unsavedResponses = 0;
    let unsavedScans = 0;
    for (const scan of scans) {
      if (!scan || scan.isDemo) continue;
      const lastExportAt = metaString((await db.meta.get(lastExportKey(scan.id)))?.value);
      const since = Math.max(time(lastBackupAt), time(lastExportAt));
      const count = await db.responses
        .where('[scanId+status]')
        .equals([scan.id, 'submitted'])
        .filter((r) => isSubmittedAfter(r, since))
        .count();
      unsavedResponses += count;
      if (count > 0) unsavedScans++;
    }
    return { lastBackupAt, unsavedResponses, unsavedScans };
  });
}
