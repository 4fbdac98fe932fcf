import Papa from 'papaparse';
import { slugify } from '../scan';
import type { Language, Response, Scan, SubmittedResponse } from '../types';
import { localDate } from '../format';
import { isSubmitted } from './convert';

// CSV for spreadsheets and scripts. RFC 4180 quoting by papaparse's `unparse`, CRLF line ends, a
// UTF-8 byte order mark first (without it Excel reads "Één" as "Ã‰Ã©n"), a final CRLF.
// Column names are fixed English snake_case in both languages, since scripts read them; `lang`
// chooses the language of the statement texts and dimension labels in the cells.
// Only submitted responses, sorted by submission time then id; statements in instrument order.
//
// Formula injection: a spreadsheet runs a cell that starts with =, +, -, @ (or a tab or carriage
// return) as a formula, e.g. =HYPERLINK(…) in a comment. Every text cell that comes from people
// or from an imported file (titles, names, ids, comments, keywords, the improvement point,
// statement texts) gets a leading apostrophe in that case, so it stays text. Cells Ketenscan
// writes itself (answers, 0/1, timestamps, levels, kinds) are never changed. papaparse's own
// `escapeFormulae` is not used: its pattern misses a formula cell that contains a line break.

export interface CsvOptions {
  separator: ',' | ';';
  lang: Language;
}

export const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell from people or a file, made safe to open in a spreadsheet. */
export function guardCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

type Cell = string | number;

export function toCsv(header: readonly string[], rows: readonly Cell[][], separator: CsvOptions['separator']): string {
  const body = Papa.unparse({ fields: [...header], data: rows as Cell[][] }, { delimiter: separator, newline: '\r\n', header: true });
  return `${CSV_BOM}${body}\r\n`;
}

function submittedInOrder(scan: Scan, responses: readonly Response[]): SubmittedResponse[] {
  return responses
    .filter((r): r is SubmittedResponse => isSubmitted(r) && r.scanId === scan.id)
    .sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const RESPONSE_COLUMNS = ['scan_id', 'scan_title', 'response_id', 'organisation_id', 'organisation_name', 'level', 'submitted_at'] as const;

function responseCells(scan: Scan, response: SubmittedResponse): Cell[] {
  const organisation = scan.organisations.find((o) => o.id === response.organisationId);
  return [
    guardCsvText(scan.id),
    guardCsvText(scan.title),
    guardCsvText(response.id),
    guardCsvText(response.organisationId),
    guardCsvText(organisation?.name ?? ''),
    response.level ?? '',
    response.submittedAt,
  ];
}

export const CSV_LONG_COLUMNS = [
  ...RESPONSE_COLUMNS,
  'statement_id',
  'statement_text',
  'dimension',
  'dimension_label',
  'kind',
  'value',
  'dont_know',
] as const;

/**
 * One row per submitted response × statement. `value` is 1–5, empty for "don't know" and for an
 * unanswered statement; `dont_know` is 1 for "don't know", else 0 (so unanswered = empty and 0).
 */
export function buildCsvLong(scan: Scan, responses: readonly Response[], options: CsvOptions): string {
  const dimensionLabels = new Map(scan.instrument.dimensions.map((d) => [d.id, d.label[options.lang]]));
  const rows: Cell[][] = [];
  for (const response of submittedInOrder(scan, responses)) {
    const head = responseCells(scan, response);
    for (const item of scan.instrument.items) {
      const answer = response.answers[item.id];
      rows.push([
        ...head,
        guardCsvText(item.id),
        guardCsvText(item.text[options.lang]),
        guardCsvText(item.dimension),
        guardCsvText(dimensionLabels.get(item.dimension) ?? ''),
        item.kind,
        typeof answer === 'number' ? answer : '',
        answer === 'dk' ? 1 : 0,
      ]);
    }
  }
  return toCsv(CSV_LONG_COLUMNS, rows, options.separator);
}

/**
 * One row per submitted response: a column per statement (named by its id; 1–5, "dk" or empty),
 * a `comment_<id>` column per statement, `keyword_1`…`keyword_n` (n at least 3) and `improvement`.
 */
export function buildCsvWide(scan: Scan, responses: readonly Response[], options: CsvOptions): string {
  const items = scan.instrument.items;
  const submitted = submittedInOrder(scan, responses);
  const keywordColumns = Math.max(3, ...submitted.map((r) => r.keywords.length));
  const header = [
    ...RESPONSE_COLUMNS,
    // Statement ids come from the scan's instrument, which may come from a file: guarded too.
    ...items.map((i) => guardCsvText(i.id)),
    ...items.map((i) => `comment_${i.id}`),
    ...Array.from({ length: keywordColumns }, (_, k) => `keyword_${k + 1}`),
    'improvement',
  ];
  const rows = submitted.map((response): Cell[] => [
    ...responseCells(scan, response),
    ...items.map((i) => response.answers[i.id] ?? ''),
    ...items.map((i) => guardCsvText(response.comments[i.id] ?? '')),
    ...Array.from({ length: keywordColumns }, (_, k) => guardCsvText(response.keywords[k] ?? '')),
    guardCsvText(response.improvement),
  ]);
  return toCsv(header, rows, options.separator);
}

/** `ketenscan-<title>-long-<date>.csv` / `…-wide-…`. */
export function csvFileName(scan: Pick<Scan, 'title'>, layout: 'long' | 'wide', date: Date): string {
  return `ketenscan-${slugify(scan.title) || 'scan'}-${layout}-${localDate(date)}.csv`;
}
