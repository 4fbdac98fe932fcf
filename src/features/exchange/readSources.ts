import { decodeResponseHandoff, HANDOFF_PREFIX, parseExchangeFile, readHandoffScanId, type ExchangeError, type ExchangeFileV1 } from '../../domain/exchange';
import { getScan } from '../../storage/scanRepository';

/** Something the director gave to read in: a file, pasted text, or a scanned QR code. */
export interface ImportSource {
  label: string;
  content: ArrayBuffer | string;
}

export type ReadOutcome =
  | { ok: true; files: ExchangeFileV1[] }
  | { ok: false; problems: { error: ExchangeError; more: number }[] };

/**
 * Parses and validates every source. One bad source refuses the whole import: the director
 * fixes or removes it and tries again, and the database is never half-written.
 */
export async function readImportSources(sources: readonly ImportSource[]): Promise<ReadOutcome> {
  const files: ExchangeFileV1[] = [];
  const problems: { error: ExchangeError; more: number }[] = [];
  for (const [index, source] of sources.entries()) {
    const fileNumber = index + 1;
    const text = typeof source.content === 'string' ? source.content.trim() : null;
    if (text !== null && text.startsWith(HANDOFF_PREFIX)) {
      const scanId = readHandoffScanId(text);
      const scan = scanId ? await getScan(scanId) : undefined;
      const decoded = decodeResponseHandoff(text, () => scan);
      if (decoded.ok) files.push(decoded.file);
      else problems.push({ error: { ...decoded.error, fileNumber, fileLabel: source.label }, more: 0 });
      continue;
    }
    const parsed = parseExchangeFile(source.content, { fileNumber, fileLabel: source.label });
    if (parsed.ok) files.push(parsed.file);
    else problems.push({ error: parsed.error, more: Math.max(0, parsed.problemCount - 1) });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files };
}
