// Why a file (or a QR hand-off) is refused: a closed set of codes with structured detail, so the
// UI can show a translated sentence (messages.ts) and tests can assert the exact problem.

export const EXCHANGE_ERROR_CODES = [
  // Reading the bytes
  'empty',
  'too-large',
  'utf16',
  'invalid-utf8',
  'not-json',
  'truncated',
  'forbidden-key',
  'too-deep',
  // The header
  'not-an-object',
  'wrong-format',
  'future-version',
  'unsupported-version',
  // The structure of one value
  'missing-field',
  'wrong-type',
  'invalid-value',
  'answer-out-of-range',
  'empty-text',
  'text-too-long',
  'invalid-date',
  'invalid-id',
  'too-many',
  // Consistency between values
  'no-statements',
  'no-organisations',
  'unknown-statement',
  'unknown-dimension',
  'unknown-organisation',
  'duplicate-scan-id',
  'duplicate-response-id',
  'duplicate-id',
  // Votes and agreements (docs/agreements.md, "In the exchange file")
  'no-partners',
  'not-an-option',
  'missing-count',
  'vote-in-other-scan',
  // Questionnaire versions (docs/exchange-format.md, "Questionnaire versions")
  'version-content-differs',
  // The QR hand-off of one response
  'not-a-handoff',
  'handoff-malformed',
  'handoff-unknown-scan',
  'handoff-instrument-mismatch',
] as const;

export type ExchangeErrorCode = (typeof EXCHANGE_ERROR_CODES)[number];

export function isExchangeErrorCode(value: string): value is ExchangeErrorCode {
  return (EXCHANGE_ERROR_CODES as readonly string[]).includes(value);
}

/** What a value should have been, for 'wrong-type', 'invalid-value', 'invalid-date', 'invalid-id'. */
export const EXPECTED_KINDS = [
  'text',
  'number',
  'integer',
  'boolean',
  'list',
  'object',
  'uuid',
  'id',
  'date',
  'timestamp',
  'level',
  'kind',
  'min-group-size',
  'gap-threshold',
  'version',
  'language',
  'round',
  'vote-method',
  'option-kind',
  'votes-per-person',
  'count',
  'follow-up-status',
] as const;

export type ExpectedKind = (typeof EXPECTED_KINDS)[number];

export function isExpectedKind(value: string): value is ExpectedKind {
  return (EXPECTED_KINDS as readonly string[]).includes(value);
}

export interface ExchangeError {
  code: ExchangeErrorCode;
  /** As given to `parseExchangeFile` (e.g. the file name); shown verbatim. */
  fileLabel?: string;
  /** 1-based position of the file in a multi-file import; shown as "file 2" / "bestand 2". */
  fileNumber?: number;
  /** Where in the file, e.g. `scans[0].responses[12].answers.q05`; '' for the file as a whole. */
  path: string;
  /** The offending value, rendered safely: JSON-like, invisible characters escaped, truncated. */
  value?: string;
  expected?: ExpectedKind;
  /** The limit that was broken: bytes ('too-large'), characters ('text-too-long'), entries ('too-many'). */
  limit?: number;
  /** The measured size that broke `limit`. */
  actual?: number;
  /** 1-based position of a JSON syntax error, when the parser tells it. */
  line?: number;
  column?: number;
  /** For duplicates: where the same id was first seen. */
  firstPath?: string;
  /** What was found instead ('not-an-object', 'unsupported-version'): said in words, not as a value. */
  found?: FoundKind;
}

/** The kind of a JSON value, for messages that say what a file holds instead of what it should. */
export type FoundKind = 'object' | 'list' | 'null' | 'text' | 'number' | 'boolean';

export function kindOfValue(value: unknown): FoundKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `['scans', 0, 'responses', 12, 'answers', 'q05']` → `scans[0].responses[12].answers.q05`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${quoteSafely(truncate(segment, 40))}]`;
  }
  return path;
}

const MAX_SHOWN = 60;

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Do not cut a surrogate pair in half.
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

// Control characters, bidirectional overrides and zero-width characters could make a shown value
// look like something else ("evil\u202Egnp.exe"): they are shown as \u escapes.
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

function quoteSafely(text: string): string {
  return JSON.stringify(text).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A value from a file as it may be shown to a person: never HTML, never more than ~60 characters. */
export function renderValue(value: unknown): string {
  if (typeof value === 'string') return quoteSafely(truncate(value, MAX_SHOWN));
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  if (typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : '[…]';
  if (typeof value === 'object') return Object.keys(value).length === 0 ? '{}' : '{…}';
  return typeof value;
}

export function makeError(code: ExchangeErrorCode, path: readonly PathSegment[], detail: Omit<ExchangeError, 'code' | 'path'> = {}): ExchangeError {
  return { code, path: formatPath(path), ...detail };
}
