import { buildExchangeFile, exchangeFileName, serialiseExchangeFile } from '../../domain/exchange';
import { loadScansForExport } from '../../storage/exchangeRepository';
import { GENERATOR, saveFile } from './saveFile';

/** Saves scans as an exchange-format v1 file; without ids, every scan (a full backup). Returns the file name. */
export async function saveJsonExport(scanIds?: readonly string[]): Promise<string> {
  const now = new Date();
  const data = await loadScansForExport(scanIds);
  const name = exchangeFileName(
    data.map((d) => d.scan),
    now,
    { isBackup: scanIds === undefined },
  );
  saveFile(name, serialiseExchangeFile(buildExchangeFile(data, now, GENERATOR)), 'application/json');
  return name;
}
