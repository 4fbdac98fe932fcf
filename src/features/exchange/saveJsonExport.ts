import { buildExchangeFile, exchangeFileName, serialiseExchangeFile } from '../../domain/exchange';
import { loadScansForExport } from '../../storage/exchangeRepository';
import { GENERATOR, saveFile } from './saveFile';

export interface SavedExport {
  name: string;
  /** Stored rows that could not be read and are not in the file (storedRecords.ts). */
  unreadable: number;
}

/** Saves scans as an exchange-format v1 file; without ids, every scan (a full backup). */
export async function saveJsonExport(scanIds?: readonly string[]): Promise<SavedExport> {
  const now = new Date();
  const { scans: data, unreadable } = await loadScansForExport(scanIds);
  const name = exchangeFileName(
    data.map((d) => d.scan),
    now,
    { isBackup: scanIds === undefined },
  );
  saveFile(name, serialiseExchangeFile(buildExchangeFile(data, now, GENERATOR)), 'application/json');
  return { name, unreadable };
}
