import * as v from 'valibot';
import { isAnswer } from '../answers';
import { exchangeFileShellSchema, isExchangeId } from './schema';
import { isIsoTimestamp } from './timestamps';
import { EXCHANGE_LIMITS as L, type ExchangeAnswerV1, type ExchangeFileV1, type ExchangeResponseV1 } from './types';

// The quick path of the structure check (docs/scale.md "Import"). A 100,000-response file spends
// most of its check in valibot's per-field pipelines of the responses (about 25 per response).
// Here the file minus its responses goes through valibot (exchangeFileShellSchema), and each
// response through one plain function that accepts only what the full schema accepts and builds
// the same output (same keys, same order, fresh objects). As soon as one response is not plainly
// valid the quick path gives up (null) and parse.ts runs the full schema, whose issues carry the
// exact messages and places: a refused file is described exactly as before. A test holds the two
// paths equal on valid files and shows invalid ones falling back.

const UUID = /^[\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}$/iu; // valibot's v.uuid
const FORBIDDEN_RECORD_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** The validated file, or null when the full schema must run (it will then refuse or agree). */
export function quickValidate(data: unknown): ExchangeFileV1 | null {
  const shell = v.safeParse(exchangeFileShellSchema, data);
  if (!shell.success) return null;
  const scans: ExchangeFileV1['scans'] = [];
  for (const scan of shell.output.scans) {
    const responses: ExchangeResponseV1[] = new Array<ExchangeResponseV1>(scan.responses.length);
    for (let i = 0; i < scan.responses.length; i++) {
      const response = quickResponse(scan.responses[i]);
      if (response === null) return null;
      responses[i] = response;
    }
    scans.push({ ...scan, responses });
  }
  return { ...shell.output, scans };
}

/** One response as the full schema would output it, or null when it is not plainly valid. */
export function quickResponse(input: unknown): ExchangeResponseV1 | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
  const r = input as Record<string, unknown>;
  const { id, organisationId, level, submittedAt } = r;
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  if (typeof organisationId !== 'string' || !isExchangeId(organisationId)) return null;
  if (level !== null && level !== 'uitvoering' && level !== 'management' && level !== 'bestuur') return null;
  if (typeof submittedAt !== 'string' || !isIsoTimestamp(submittedAt)) return null;
  const answers = copyRecord<ExchangeAnswerV1>(r.answers, isAnswer);
  if (answers === null) return null;
  const out: ExchangeResponseV1 = { id, organisationId, level, submittedAt, answers };
  if ('comments' in r) {
    const comments = copyRecord<string>(r.comments, (value): value is string => typeof value === 'string' && value.length <= L.freeText);
    if (comments === null) return null;
    out.comments = comments;
  }
  if ('keywords' in r) {
    const keywords = r.keywords;
    if (!Array.isArray(keywords) || keywords.length > L.keywords) return null;
    for (const keyword of keywords) if (typeof keyword !== 'string' || keyword.length > L.keyword) return null;
    out.keywords = [...(keywords as string[])];
  }
  if ('improvement' in r) {
    const improvement = r.improvement;
    if (typeof improvement !== 'string' || improvement.length > L.freeText) return null;
    out.improvement = improvement;
  }
  return out;
}

/** A fresh copy of a plain record whose every value passes; null otherwise (or on a key valibot would drop). */
function copyRecord<T>(input: unknown, isValue: (value: unknown) => value is T): Record<string, T> | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
  const out: Record<string, T> = {};
  for (const key in input) {
    if (!Object.prototype.hasOwnProperty.call(input, key) || FORBIDDEN_RECORD_KEYS.has(key)) return null;
    const value: unknown = (input as Record<string, unknown>)[key];
    if (!isValue(value)) return null;
    out[key] = value;
  }
  return out;
}
