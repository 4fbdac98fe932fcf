import {
  decodeResponseHandoff,
  HANDOFF_PREFIX,
  parseExchangeFile,
  readHandoffScanId,
  type ExchangeError,
  type ExchangeFileV1,
  type ParseOptions,
  type ParseResult,
} from '../../domain/exchange';
import type { ParseRequest } from './parseWorker';
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
    const parsed = await parseOffThread(source.content, { fileNumber, fileLabel: source.label });
    if (parsed.ok) files.push(parsed.file);
    else problems.push({ error: parsed.error, more: Math.max(0, parsed.problemCount - 1) });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files };
}

/**
 * parseExchangeFile in a Web Worker (parseWorker.ts), one worker per file, ended when it answers.
 * The same function runs on this thread where there are no workers (unit tests) or the worker
 * cannot start: the result is the same, only the page is busy meanwhile. A file's bytes are
 * copied to the worker (milliseconds, even for 64 MiB), so that the fallback still has them.
 */
export function parseOffThread(content: ArrayBuffer | string, options: ParseOptions): Promise<ParseResult> {
  if (typeof Worker === 'undefined') return Promise.resolve(parseExchangeFile(content, options));
  return new Promise((resolve, reject) => {
    const onThisThread = () => {
      try {
        resolve(parseExchangeFile(content, options));
      } catch (error) {
        reject(error);
      }
    };
    let worker: Worker;
    try {
      worker = new Worker(new URL('./parseWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      onThisThread();
      return;
    }
    worker.onmessage = (event: MessageEvent<ParseResult>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      onThisThread();
    };
    const request: ParseRequest = { content, options };
    worker.postMessage(request);
  });
}
