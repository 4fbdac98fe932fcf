import * as v from 'valibot';
import { checkConsistency } from './checkConsistency';
import {
  isExchangeErrorCode,
  isExpectedKind,
  kindOfValue,
  makeError,
  renderValue,
  type ExchangeError,
  type ExchangeErrorCode,
  type PathSegment,
} from './errors';
import { readExchangeText, type TextEncodingName } from './readText';
import { quickValidate } from './quickCheck';
import { parseJsonSafely } from './safeJson';
import { exchangeFileSchema } from './schema';
import { EXCHANGE_FORMAT, EXCHANGE_LIMITS, EXCHANGE_VERSION, type ExchangeFileV1, type IncomingExchangeData } from './types';

// Reading a file, in phases; each phase stops the import with a named error, nothing is written:
//   bytes → text (size, encoding) → JSON (syntax, forbidden keys) → header (format, version)
//   → structure (a quick check, else valibot; quickCheck.ts) → consistency (ids and references) → ExchangeFileV1.
// A refused file reports its first problem as `error`, and up to EXCHANGE_LIMITS.reportedProblems
// problems of the phase that failed in `problems` (with the total in `problemCount`), so a UI can
// show "and 41 more". Later phases do not run on a file an earlier phase refused.
//
// There is only format version 1 so far, so there is no migration step yet; a version-2 reader
// will migrate a v1 file after the header check and validate the result again.

export interface ParseOptions {
  /** Shown verbatim in messages, e.g. the file name. */
  fileLabel?: string;
  /** 1-based position in a multi-file import: messages say "file 2" / "bestand 2". */
  fileNumber?: number;
  /** Default EXCHANGE_LIMITS.maxBytes (64 MiB). */
  maxBytes?: number;
}

export interface ExchangeRefusal {
  ok: false;
  /** The first problem. */
  error: ExchangeError;
  /** At most EXCHANGE_LIMITS.reportedProblems problems, `error` first. */
  problems: ExchangeError[];
  /** All problems found in the phase that refused the file. */
  problemCount: number;
}

export type ValidationResult = { ok: true; file: ExchangeFileV1 } | ExchangeRefusal;

export interface ParsedSource {
  /** Bytes of binary input; UTF-16 code units of a string. */
  size: number;
  encoding: TextEncodingName;
  hadByteOrderMark: boolean;
}

export type ParseResult =
  | {
      ok: true;
      file: ExchangeFileV1;
      source: ParsedSource;
      counts: { scans: number; responses: number };
    }
  | ExchangeRefusal;

export function parseExchangeFile(input: string | ArrayBuffer | Uint8Array, options: ParseOptions = {}): ParseResult {
  const read = readExchangeText(input, options.maxBytes ?? EXCHANGE_LIMITS.maxBytes);
  if (!read.ok) return refuse([read.error], 1, options);
  const json = parseJsonSafely(read.value.text);
  if (!json.ok) return refuse([json.error], 1, options);
  const validated = validateExchangeData(json.value, options);
  if (!validated.ok) return validated;
  const { text: _text, ...source } = read.value;
  const file = validated.file;
  return {
    ok: true,
    file,
    source,
    counts: { scans: file.scans.length, responses: file.scans.reduce((n, scan) => n + scan.responses.length, 0) },
  };
}

/**
 * Validates data that is already parsed JSON (a decoded QR hand-off, a test value). The data must
 * not hold "__proto__"/"constructor"/"prototype" keys: parseJsonSafely removes and refuses them.
 */
export function validateExchangeData(data: IncomingExchangeData, options: Pick<ParseOptions, 'fileLabel' | 'fileNumber'> = {}): ValidationResult {
  const header = checkHeader(data);
  if (header) return refuse([header], 1, options);

  // The quick path (quickCheck.ts) gives the same file for a valid one; anything it does not
  // plainly accept goes through the full schema, whose issues name each problem and its place.
  let file = quickValidate(data);
  if (file === null) {
    const structure = v.safeParse(exchangeFileSchema, data);
    if (!structure.success) {
      const errors = structure.issues.slice(0, EXCHANGE_LIMITS.reportedProblems).map(issueToError);
      return refuse(errors, structure.issues.length, options);
    }
    file = structure.output;
  }
  const consistency = checkConsistency(file, EXCHANGE_LIMITS.reportedProblems);
  if (consistency.count > 0) return refuse(consistency.problems, consistency.count, options);
  return { ok: true, file };
}

function checkHeader(data: unknown): ExchangeError | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    // Say what the file holds instead (a list, null, a number…): "not a Ketenscan file" alone
    // leaves the director guessing.
    return makeError('not-an-object', [], { found: kindOfValue(data) });
  }
  const record = data as Record<string, unknown>;
  if (record.format !== EXCHANGE_FORMAT) {
    return 'format' in record ? makeError('wrong-format', ['format'], { value: renderValue(record.format) }) : makeError('wrong-format', []);
  }
  if (!('version' in record)) return makeError('missing-field', ['version']);
  const version = record.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > EXCHANGE_VERSION) {
    return makeError('future-version', ['version'], { value: renderValue(version) });
  }
  // "1" as text is the likeliest slip (a hand-edited or script-made file): the message says it
  // must be the number, since "not a known version" puzzles when 1 is the current one.
  if (version !== EXCHANGE_VERSION) return makeError('unsupported-version', ['version'], { value: renderValue(version), found: kindOfValue(version) });
  return null;
}

function issueToError(issue: v.BaseIssue<unknown>): ExchangeError {
  const path: PathSegment[] = (issue.path ?? []).map((item) => (typeof item.key === 'number' ? item.key : String(item.key)));
  // valibot reports a missing required key as an issue of the object, with the key in the path.
  if (issue.type === 'object' && issue.input === undefined && issue.expected?.startsWith('"')) {
    return makeError('missing-field', path);
  }
  const [codeText = '', expectedText = ''] = issue.message.split('|');
  const code: ExchangeErrorCode = isExchangeErrorCode(codeText) ? codeText : 'invalid-value';
  const detail: Omit<ExchangeError, 'code' | 'path'> = {};
  if (isExpectedKind(expectedText)) detail.expected = expectedText;
  const input: unknown = issue.input;
  if (code === 'text-too-long' || code === 'too-many') {
    const requirement = (issue as { requirement?: unknown }).requirement;
    if (typeof requirement === 'number') detail.limit = requirement;
    if (typeof input === 'string' || Array.isArray(input)) detail.actual = input.length;
  }
  if (code !== 'too-many' && code !== 'no-statements' && code !== 'no-organisations' && code !== 'no-partners') detail.value = renderValue(input);
  return makeError(code, path, detail);
}

function refuse(errors: ExchangeError[], count: number, options: Pick<ParseOptions, 'fileLabel' | 'fileNumber'>): ExchangeRefusal {
  const labelled = errors.map((error) => withFileLabel(error, options));
  const first = labelled[0] ?? withFileLabel(makeError('invalid-value', []), options);
  return { ok: false, error: first, problems: labelled.length > 0 ? labelled : [first], problemCount: Math.max(count, 1) };
}

function withFileLabel(error: ExchangeError, options: Pick<ParseOptions, 'fileLabel' | 'fileNumber'>): ExchangeError {
  const labelled: ExchangeError = { ...error };
  if (options.fileLabel !== undefined) labelled.fileLabel = options.fileLabel;
  if (options.fileNumber !== undefined) labelled.fileNumber = options.fileNumber;
  return labelled;
}
