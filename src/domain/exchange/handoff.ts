import type { Instrument, Scan, SubmittedResponse } from '../types';
import { instrumentContent, toExchangeResponse, toExchangeScan } from './build';
import { canonicalJson, fingerprint } from './canonical';
import { isSubmitted } from './convert';
import { makeError, renderValue, type ExchangeError, type PathSegment } from './errors';
import { validateExchangeData } from './parse';
import { parseJsonSafely } from './safeJson';
import { isIsoTimestamp } from './timestamps';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, type ExchangeAnswerV1, type ExchangeFileV1 } from './types';

// Hand-off of one response from a participant's device to the chain director's, as text short
// enough for a QR code: `KS1:` followed by a JSON array
//
//   [scanId, instrumentId, instrumentVersion, instrumentFingerprint, responseId, organisationId,
//    level, submittedAt, answers, keywords, improvement, comments, omitted]
//
// - answers: one character per statement in instrument order: '1'–'5', 'd' (don't know),
//   '-' (unanswered) — 13 characters for the default instrument;
// - instrumentFingerprint: 8 hex digits over the instrument's content, so a response given to
//   other statements than the director's copy of the scan is refused, not counted;
// - the scan itself is not in the code: the director's device has it, and the decoder rebuilds a
//   one-response v1 file from the stored scan, validated and merged like any imported file.
// - text goes along when it fits: the code stays under HANDOFF_MAX_BYTES (UTF-8) by leaving out
//   first the comments, then the improvement point, then the keywords; what was left out is
//   listed in `omitted`, both to the participant (who can send the small file instead, see
//   buildSingleResponseFile) and to the director. Answers are never left out.
//
// 13 answers with ids and a timestamp take about 230 bytes; 800 bytes is a QR code of version
// ~20 at error correction level M, which a laptop camera still reads from a phone screen.

export const HANDOFF_PREFIX = 'KS1:';
export const HANDOFF_MAX_BYTES = 800;
/** A decoder refuses longer text without parsing it. */
const HANDOFF_MAX_INPUT = 20_000;
/** The `generator` of a file decoded from a hand-off code. */
export const HANDOFF_GENERATOR = 'ketenscan hand-off KS1';

export type HandoffTextField = 'comments' | 'improvement' | 'keywords';
const HANDOFF_TEXT_FIELDS: readonly HandoffTextField[] = ['comments', 'improvement', 'keywords'];

export interface HandoffEncoding {
  text: string;
  /** UTF-8 bytes of `text`, what a QR code in byte mode carries. */
  bytes: number;
  /** Text fields that did not fit and were left out. */
  omitted: HandoffTextField[];
}

export function instrumentFingerprint(instrument: Instrument): string {
  return fingerprint(canonicalJson(instrumentContent(instrument)));
}

const ANSWER_CHARS: Record<string, ExchangeAnswerV1> = { '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, d: 'dk' };

export function encodeResponseHandoff(scan: Scan, response: SubmittedResponse, options: { maxBytes?: number } = {}): HandoffEncoding {
  if (!isSubmitted(response)) throw new Error('Only a submitted response can be handed off');
  const maxBytes = options.maxBytes ?? HANDOFF_MAX_BYTES;
  const exported = toExchangeResponse(response, scan.instrument);
  const answers = scan.instrument.items
    .map((item) => {
      const answer = exported.answers[item.id];
      return answer === undefined ? '-' : answer === 'dk' ? 'd' : String(answer);
    })
    .join('');
  const encode = (omitted: readonly HandoffTextField[]) => {
    const keep = (field: HandoffTextField) => !omitted.includes(field);
    const payload = [
      scan.id,
      scan.instrument.id,
      scan.instrument.version,
      instrumentFingerprint(scan.instrument),
      exported.id,
      exported.organisationId,
      exported.level,
      exported.submittedAt,
      answers,
      keep('keywords') ? (exported.keywords ?? []) : [],
      keep('improvement') ? (exported.improvement ?? '') : '',
      keep('comments') ? (exported.comments ?? {}) : {},
      omitted,
    ];
    const text = HANDOFF_PREFIX + JSON.stringify(payload);
    return { text, bytes: new TextEncoder().encode(text).length, omitted: [...omitted] };
  };
  const present = HANDOFF_TEXT_FIELDS.filter((field) => exported[field] !== undefined);
  let result = encode([]);
  const omitted: HandoffTextField[] = [];
  for (const field of HANDOFF_TEXT_FIELDS) {
    if (result.bytes <= maxBytes) break;
    if (!present.includes(field)) continue;
    omitted.push(field);
    result = encode(omitted);
  }
  return result;
}

/** The scan id of a hand-off code, to load that scan before decoding; null when it is no KS1 code. */
export function readHandoffScanId(text: string): string | null {
  const match = /^KS1:\["([0-9a-fA-F-]{36})"/.exec(text.trim());
  return match?.[1] ?? null;
}

export type HandoffDecodeResult =
  | { ok: true; file: ExchangeFileV1; scanId: string; responseId: string; omitted: HandoffTextField[] }
  | { ok: false; error: ExchangeError };

/**
 * A hand-off code back to a one-scan, one-response v1 file, built from the stored scan and
 * checked by validateExchangeData, ready for planImport. Paths in errors refer to that file
 * (`scans[0].responses[0].…`), or to the code's array (`[8]`) when the code itself is damaged.
 */
export function decodeResponseHandoff(text: string, lookupScan: (scanId: string) => Scan | undefined): HandoffDecodeResult {
  const trimmed = text.trim();
  const refuse = (code: ExchangeError['code'], path: PathSegment[] = [], detail: Omit<ExchangeError, 'code' | 'path'> = {}): HandoffDecodeResult => ({
    ok: false,
    error: makeError(code, path, detail),
  });
  const version = /^KS(\d+):/.exec(trimmed);
  if (!version) return refuse('not-a-handoff');
  if (Number(version[1]) > 1) return refuse('future-version', [], { value: renderValue(Number(version[1])) });
  if (!trimmed.startsWith(HANDOFF_PREFIX)) return refuse('not-a-handoff');
  if (trimmed.length > HANDOFF_MAX_INPUT) return refuse('too-large', [], { limit: HANDOFF_MAX_INPUT, actual: trimmed.length });

  const json = parseJsonSafely(trimmed.slice(HANDOFF_PREFIX.length));
  if (!json.ok) return json.error.code === 'forbidden-key' ? { ok: false, error: json.error } : refuse('handoff-malformed');
  const payload = json.value;
  if (!Array.isArray(payload) || payload.length < 13) return refuse('handoff-malformed');
  const [scanId, instrumentId, instrumentVersion, instrumentPrint, responseId, organisationId, level, submittedAt, answerText, keywords, improvement, comments, omitted] =
    payload as unknown[];
  for (const [index, value] of [[0, scanId], [1, instrumentId], [3, instrumentPrint], [8, answerText]] as const) {
    if (typeof value !== 'string') return refuse('handoff-malformed', [index], { value: renderValue(value) });
  }
  if (typeof instrumentVersion !== 'number') return refuse('handoff-malformed', [2], { value: renderValue(instrumentVersion) });
  if (!Array.isArray(omitted) || !omitted.every((f): f is HandoffTextField => HANDOFF_TEXT_FIELDS.includes(f as HandoffTextField))) {
    return refuse('handoff-malformed', [12], { value: renderValue(omitted) });
  }

  const scan = lookupScan(scanId as string);
  if (!scan) return refuse('handoff-unknown-scan', [], { value: renderValue(scanId) });
  if (
    instrumentId !== scan.instrument.id ||
    instrumentVersion !== scan.instrument.version ||
    instrumentPrint !== instrumentFingerprint(scan.instrument)
  ) {
    return refuse('handoff-instrument-mismatch', [], { value: renderValue(`${String(instrumentId)} v${String(instrumentVersion)}`) });
  }

  const items = scan.instrument.items;
  const chars = [...(answerText as string)];
  if (chars.length !== items.length) return refuse('handoff-malformed', [8], { value: renderValue(answerText) });
  const answers: Record<string, ExchangeAnswerV1> = {};
  for (const [index, item] of items.entries()) {
    const char = chars[index] ?? '-';
    if (char === '-') continue;
    const answer = ANSWER_CHARS[char];
    if (answer === undefined) {
      return refuse('answer-out-of-range', ['scans', 0, 'responses', 0, 'answers', item.id], { value: renderValue(char) });
    }
    answers[item.id] = answer;
  }

  const response: Record<string, unknown> = { id: responseId, organisationId, level, submittedAt, answers };
  if (!isEmpty(comments)) response.comments = comments;
  if (!isEmpty(keywords)) response.keywords = keywords;
  if (!isEmpty(improvement)) response.improvement = improvement;
  const validated = validateOneResponseFile(scan, response, HANDOFF_GENERATOR);
  if (!validated.ok) return { ok: false, error: validated.error };
  return { ok: true, file: validated.file, scanId: scan.id, responseId: String(responseId), omitted: [...omitted] };
}

/**
 * One response that arrived by hand-off or live record, as a v1 file around the director's own
 * scan, validated like any imported file. Untrusted values go into the file as they came:
 * validateExchangeData judges them. Such a response has no export time; its submission time
 * stands in (and is checked as submittedAt).
 */
export function validateOneResponseFile(scan: Scan, response: unknown, generator: string): ReturnType<typeof validateExchangeData> {
  const { submittedAt } = (response ?? {}) as { submittedAt?: unknown };
  return validateExchangeData({
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    exportedAt: typeof submittedAt === 'string' && isIsoTimestamp(submittedAt) ? submittedAt : new Date(0).toISOString(),
    generator,
    scans: [{ ...toExchangeScan(scan, []), responses: [response] }],
  });
}

function isEmpty(value: unknown): boolean {
  if (value === '' || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}
