import { buildExchangeFile, exchangeFileName, serialiseExchangeFile } from '../../domain/exchange';
import { recordJsonExport } from '../../storage/backupRecord';
import { RecordNotFoundError } from '../../storage/errors';
import { loadScansForExport } from '../../storage/exchangeRepository';
import { GENERATOR, saveFile } from './saveFile';

export interface SavedExport {
  name: string;
  /** Stored rows that could not be read and are not in the file (storedRecords.ts). */
  unreadable: number;
}

/**
 * Saves scans as an exchange-format v1 file; without ids, every scan (a full backup). The time
 * is recorded only after the file was handed to the browser, so the backup reminder never goes
 * quiet for a file that was not made.
 */
export async function saveJsonExport(scanIds?: readonly string[]): Promise<SavedExport> {
  const now = new Date();
  const { scans: data, unreadable } = await loadScansForExport(scanIds);
  const missing = scanIds?.find((id) => !data.some((d) => d.scan.id === id));
  if (missing) throw new RecordNotFoundError('scan', missing);
  const name = exchangeFileName(
    data.map((d) => d.scan),
    now,
    { isBackup: scanIds === undefined },
  );
  saveFile(name, serialiseExchangeFile(buildExchangeFile(data, now, GENERATOR)), 'application/json');
  await recordJsonExport(scanIds === undefined ? undefined : data.map((d) => d.scan.id), now);
  return { name, unreadable };
}
