import { isAnswer } from './answers';
import { isIsoDate } from './response';
import { ITEM_KINDS, LEVELS, type Response, type Scan } from './types';

// Checks of rows read back from the device's database (docs/storage-and-migrations.md,
// "Corrupt rows"). Rows are written by this app, so a row that fails is damage: a browser or
// disk fault, a hand edit in the developer tools, or a build that wrote another shape. Such a
// row is set aside (skipped and counted), never repaired: guessing a missing answer or a
// statement list would change figures a director shows to a room (docs/storage-and-migrations.md:
// set aside, never repaired). The checks are strict about what the app relies on when it draws, analyses or
// exports, and cheap enough to run on every read (plain tests, no schema library, so the
// participant's route does not grow).

export type StoredRecordProblem = 'not-an-object' | 'invalid-field';

export type StoredRecordCheck<T> = { ok: true; value: T } | { ok: false; problem: StoredRecordProblem; field: string };

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isId = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
// The app stores every time as `Date#toISOString()` (imports are normalised to it, see
// exchange/timestamps.ts), so the stored form is this one exactly; the exchange parser's
// general reader is not needed here and would add to the participant's download.
const STORED_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isTimestamp = (value: unknown): value is string => isText(value) && STORED_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
const isLocalized = (value: unknown): boolean => isFields(value) && isText(value.nl) && isText(value.en);

/** The first key of `value` whose entry fails `check`, '' when the object itself is no record, or null when all pass. */
function findBadEntry(value: unknown, check: (entry: unknown) => boolean): string | null {
  if (!isFields(value)) return '';
  // for…in rather than Object.entries: no arrays built per row, which is most of the cost over
  // 10,000 responses. Rows come from IndexedDB's structured clone: plain objects, nothing inherited.
  for (const key in value) if (!check(value[key])) return key;
  return null;
}

/** The index of the first element that fails, -1 when `value` is no list, or null when all pass. */
function findBadElement(value: unknown, check: (element: unknown) => boolean): number | null {
  if (!Array.isArray(value)) return -1;
  const index = value.findIndex((element) => !check(element));
  return index === -1 ? null : index;
}

const at = (field: string, key: string | number): string => (key === '' || key === -1 ? field : typeof key === 'number' ? `${field}[${key}]` : `${field}.${key}`);

function findScanProblem(row: Fields): string | null {
  if (!isId(row.id)) return 'id';
  if (!isText(row.title)) return 'title';
  if (!isText(row.date) || !isIsoDate(row.date)) return 'date';
  const settings = row.settings;
  if (!isFields(settings)) return 'settings';
  if (typeof settings.minGroupSize !== 'number' || !Number.isInteger(settings.minGroupSize) || settings.minGroupSize < 1) return 'settings.minGroupSize';
  if (typeof settings.gapThreshold !== 'number' || !Number.isFinite(settings.gapThreshold) || settings.gapThreshold <= 0) return 'settings.gapThreshold';
  if (typeof settings.askLevel !== 'boolean') return 'settings.askLevel';
  const instrument = row.instrument;
  if (!isFields(instrument)) return 'instrument';
  if (!isId(instrument.id)) return 'instrument.id';
  if (typeof instrument.version !== 'number') return 'instrument.version';
  if (!isLocalized(instrument.title)) return 'instrument.title';
  const badDimension = findBadElement(instrument.dimensions, (d) => isFields(d) && isId(d.id) && isLocalized(d.label));
  if (badDimension !== null) return at('instrument.dimensions', badDimension);
  const dimensionIds = new Set((instrument.dimensions as Fields[]).map((d) => d.id));
  const badItem = findBadElement(
    instrument.items,
    (item) =>
      isFields(item) &&
      isId(item.id) &&
      dimensionIds.has(item.dimension) &&
      ITEM_KINDS.some((kind) => kind === item.kind) &&
      isLocalized(item.text),
  );
  if (badItem !== null) return at('instrument.items', badItem);
  if ((instrument.items as unknown[]).length === 0) return 'instrument.items';
  const badOrganisation = findBadElement(row.organisations, (o) => isFields(o) && isId(o.id) && isText(o.name));
  if (badOrganisation !== null) return at('organisations', badOrganisation);
  if (row.status !== 'open' && row.status !== 'closed') return 'status';
  if (typeof row.isDemo !== 'boolean') return 'isDemo';
  if (!isTimestamp(row.createdAt)) return 'createdAt';
  if (row.exitPin !== undefined && (typeof row.exitPin !== 'string' || !/^\d{4,8}$/.test(row.exitPin))) return 'exitPin';
  return null;
}

function findResponseProblem(row: Fields): string | null {
  if (!isId(row.id)) return 'id';
  if (!isId(row.scanId)) return 'scanId';
  if (!isId(row.organisationId)) return 'organisationId';
  if (row.level !== null && !LEVELS.some((level) => level === row.level)) return 'level';
  const badAnswer = findBadEntry(row.answers, isAnswer);
  if (badAnswer !== null) return at('answers', badAnswer);
  const badComment = findBadEntry(row.comments, isText);
  if (badComment !== null) return at('comments', badComment);
  const badKeyword = findBadElement(row.keywords, isText);
  if (badKeyword !== null) return at('keywords', badKeyword);
  if (!isText(row.improvement)) return 'improvement';
  if (!isTimestamp(row.startedAt)) return 'startedAt';
  if (row.status === 'submitted') {
    if (!isTimestamp(row.submittedAt)) return 'submittedAt';
  } else if (row.status === 'draft') {
    if (row.submittedAt !== null) return 'submittedAt';
  } else return 'status';
  if (typeof row.position !== 'number' || !Number.isInteger(row.position) || row.position < 0) return 'position';
  // Optional since the shared-device work (docs/shared-devices.md): absent, or a timestamp.
  if (row.lastActivityAt !== undefined && !isTimestamp(row.lastActivityAt)) return 'lastActivityAt';
  if (row.parkedAt !== undefined && !isTimestamp(row.parkedAt)) return 'parkedAt';
  return null;
}

function checkRow<T>(row: unknown, findProblem: (row: Fields) => string | null): StoredRecordCheck<T> {
  if (!isFields(row)) return { ok: false, problem: 'not-an-object', field: '' };
  const field = findProblem(row);
  // The checks above establish every field the domain type declares.
  return field === null ? { ok: true, value: row as unknown as T } : { ok: false, problem: 'invalid-field', field };
}

/** A stored scan row as the app may use it, or the first field that makes it unreadable. */
export function checkStoredScan(row: unknown): StoredRecordCheck<Scan> {
  return checkRow<Scan>(row, findScanProblem);
}

/** A stored response row (draft or submitted) as the app may use it, or the first field that makes it unreadable. */
export function checkStoredResponse(row: unknown): StoredRecordCheck<Response> {
  return checkRow<Response>(row, findResponseProblem);
}

export interface CheckedRows<T> {
  rows: T[];
  /** How many rows failed the check and were set aside. */
  unreadable: number;
}

/** Keeps the rows that pass `check`, in order, and counts the others. */
export function keepReadable<T>(rows: readonly unknown[], check: (row: unknown) => StoredRecordCheck<T>): CheckedRows<T> {
  const kept: T[] = [];
  let unreadable = 0;
  for (const row of rows) {
    const result = check(row);
    if (result.ok) kept.push(result.value);
    else unreadable++;
  }
  return { rows: kept, unreadable };
}
