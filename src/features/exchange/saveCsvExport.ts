import { buildCsvLong, buildCsvWide, csvFileName, type CsvOptions } from '../../domain/exchange';
import type { Response, Scan } from '../../domain/types';
import { saveFile } from '../../ui/saveFile';

/** Saves a scan's submitted responses as CSV, long (a row per answer) or wide (a row per response). Returns the file name. */
export function saveCsvExport(scan: Scan, responses: readonly Response[], layout: 'long' | 'wide', options: CsvOptions, now = new Date()): string {
  const build = layout === 'long' ? buildCsvLong : buildCsvWide;
  const name = csvFileName(scan, layout, now);
  saveFile(name, build(scan, responses, options), 'text/csv;charset=utf-8');
  return name;
}
