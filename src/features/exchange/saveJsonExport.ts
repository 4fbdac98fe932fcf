import { buildExchangeFile, exchangeFileName, SERIALISE_CHUNK, serialiseExchangeFileParts } from '../../domain/exchange';
import { recordJsonExport } from '../../storage/backupRecord';
import { RecordNotFoundError } from '../../storage/errors';
import { loadInstrumentVersionsForExport, loadScansForExport } from '../../storage/exchangeRepository';
import { GENERATOR, saveFile } from '../../ui/saveFile';

export interface SavedExport {
  name: string;
  /** Stored rows that could not be read and are not in the file (storedRecords.ts). */
  unreadable: number;
}

/** Lets the page paint and take input between parts of a large file (docs/scale.md "Export"). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Saves scans as an exchange-format v1 file; without ids, every scan (a full backup). The file
 * is written in parts of 2,000 responses, with a pause for the page between them and the share
 * done so far passed to `onProgress` (0…1), and handed to the browser as one Blob of those parts:
 * 100,000 responses never freeze the page or exist as one string. The time is recorded only
 * after the file was handed to the browser, so the backup reminder never goes quiet for a file
 * that was not made.
 */
export async function saveJsonExport(scanIds?: readonly string[], options: { onProgress?: (share: number) => void } = {}): Promise<SavedExport> {
  const now = new Date();
  const { scans: data, unreadable } = await loadScansForExport(scanIds);
  const missing = scanIds?.find((id) => !data.some((d) => d.scan.id === id));
  if (missing) throw new RecordNotFoundError('scan', missing);
  const name = exchangeFileName(
    data.map((d) => d.scan),
    now,
    { isBackup: scanIds === undefined },
  );
  // With the versions of the questionnaires these scans use (a backup: every version), so another
  // device continues editing with the full history (docs/exchange-format.md, "Questionnaire versions").
  const versions = await loadInstrumentVersionsForExport(scanIds === undefined ? undefined : data.map((d) => d.scan.instrument.id));
  const file = buildExchangeFile(data, now, GENERATOR, { instrumentVersions: versions.versions });
  const expected = file.scans.reduce((sum, scan) => sum + Math.ceil(scan.responses.length / SERIALISE_CHUNK) + 2, 1);
  const parts: string[] = [];
  for (const part of serialiseExchangeFileParts(file)) {
    parts.push(part);
    if (part.length > 100_000) {
      options.onProgress?.(Math.min(1, parts.length / expected));
      await nextTask();
    }
  }
  saveFile(name, new Blob(parts), 'application/json');
  await recordJsonExport(scanIds === undefined ? undefined : data.map((d) => d.scan.id), now);
  return { name, unreadable: unreadable + versions.unreadable };
}
