import { deflateSync, inflateSync } from 'fflate';
import type { Scan } from '../types';
import { buildExchangeFile, instrumentContent } from '../exchange/build';
import { instrumentFingerprint } from '../exchange/handoff';
import { DEFAULT_INSTRUMENT } from '../instrument/defaultInstrument';
import { parseExchangeFile } from '../exchange/parse';
import type { ExchangeError } from '../exchange/errors';
import type { ExchangeFileV1 } from '../exchange/types';
import { decodeBase64Url, encodeBase64Url, encodeUtf8 } from '@ketenscan/live-protocol';

// The scan definition a phone receives: title, date, settings, instrument and organisations,
// never a response. It is an exchange file v1 with one scan and an empty `responses` list, so
// the phone reads it with the same validation as an imported file (parseExchangeFile) and stores
// it through the same import path.

export const DEFINITION_GENERATOR = 'ketenscan live definition';
/** A definition is a few KB (13 statements, a dozen organisations); this bounds a hostile one. */
export const DEFINITION_MAX_BYTES = 256 * 1024;

export type DefinitionError =
  | { code: 'invalid-definition'; detail: ExchangeError }
  | { code: 'definition-not-one-scan' }
  | { code: 'definition-has-responses' }
  | { code: 'definition-too-large' }
  | { code: 'definition-not-compressed' }
  /** Compressed against another app version's built-in instrument: this app cannot read it. */
  | { code: 'definition-other-version' };

export type DefinitionResult = { ok: true; file: ExchangeFileV1 } | { ok: false; error: DefinitionError };

/** The definition of one scan; responses are left out by construction, not by filtering later. */
export function buildSessionDefinition(scan: Scan, now: Date): ExchangeFileV1 {
  return buildExchangeFile([{ scan, responses: [] }], now, DEFINITION_GENERATOR);
}

export function encodeSessionDefinition(file: ExchangeFileV1): Uint8Array {
  return encodeUtf8(JSON.stringify(file));
}

/** Validates like a file import, then insists on exactly one scan and no responses. */
export function parseSessionDefinition(bytes: Uint8Array): DefinitionResult {
  if (bytes.length > DEFINITION_MAX_BYTES) return { ok: false, error: { code: 'definition-too-large' } };
  const parsed = parseExchangeFile(bytes, { maxBytes: DEFINITION_MAX_BYTES });
  if (!parsed.ok) return { ok: false, error: { code: 'invalid-definition', detail: parsed.error } };
  if (parsed.file.scans.length !== 1) return { ok: false, error: { code: 'definition-not-one-scan' } };
  if (parsed.file.scans[0]!.responses.length > 0) return { ok: false, error: { code: 'definition-has-responses' } };
  return { ok: true, file: parsed.file };
}

// Compression for the `d=` parameter of a join link without a relay: `<dictionary>.<deflate,
// base64url>`. The dictionary is the exchange JSON of the app's built-in instrument, named by its
// fingerprint: both devices run the same app, so a definition on the default instrument shrinks
// from ~2,150 to ~400 characters (a QR code of version ~13 instead of ~37). `0` means no
// dictionary. An app whose built-in instrument differs cannot decode the text and says so.

const NO_DICTIONARY = '0';
let builtInDictionary: { tag: string; bytes: Uint8Array } | null = null;

function getBuiltInDictionary(): { tag: string; bytes: Uint8Array } {
  builtInDictionary ??= {
    tag: instrumentFingerprint(DEFAULT_INSTRUMENT),
    bytes: encodeUtf8(JSON.stringify(instrumentContent(DEFAULT_INSTRUMENT))),
  };
  return builtInDictionary;
}

export function compressDefinition(file: ExchangeFileV1, options: { useDictionary?: boolean } = {}): string {
  const bytes = encodeSessionDefinition(file);
  if (options.useDictionary === false) return `${NO_DICTIONARY}.${encodeBase64Url(deflateSync(bytes, { level: 9 }))}`;
  const dictionary = getBuiltInDictionary();
  return `${dictionary.tag}.${encodeBase64Url(deflateSync(bytes, { level: 9, dictionary: dictionary.bytes }))}`;
}

export function decompressDefinition(text: string): DefinitionResult {
  const dot = text.indexOf('.');
  if (dot === -1) return { ok: false, error: { code: 'definition-not-compressed' } };
  const tag = text.slice(0, dot);
  const dictionary = getBuiltInDictionary();
  if (tag !== NO_DICTIONARY && tag !== dictionary.tag) {
    return { ok: false, error: { code: /^[0-9a-f]{8}$/.test(tag) ? 'definition-other-version' : 'definition-not-compressed' } };
  }
  const compressed = decodeBase64Url(text.slice(dot + 1));
  if (!compressed || compressed.length === 0) return { ok: false, error: { code: 'definition-not-compressed' } };
  let inflated: Uint8Array;
  try {
    // A fixed output buffer one byte larger than allowed: fflate stops there, so a small
    // "zip bomb" cannot make a phone allocate more than the limit, and the extra byte tells.
    const out = new Uint8Array(DEFINITION_MAX_BYTES + 1);
    inflated = tag === NO_DICTIONARY ? inflateSync(compressed, { out }) : inflateSync(compressed, { out, dictionary: dictionary.bytes });
  } catch {
    return { ok: false, error: { code: 'definition-not-compressed' } };
  }
  if (inflated.length > DEFINITION_MAX_BYTES) return { ok: false, error: { code: 'definition-too-large' } };
  return parseSessionDefinition(inflated);
}
