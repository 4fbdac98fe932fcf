import { isByteArray } from '@ketenscan/live-protocol';
import type { EnvelopeResult } from './envelope';

// The one way a live record is opened (docs/live-sessions.md "Encryption"): the session-key
// envelope (envelope.ts) and the response sealed to the director (sealed.ts) differ in their
// header and their key, not in how a failure is told. Both check the header here and decrypt
// here, so both name the same errors, `crypto-unavailable` included.

/** `envelope` is bytes of at least `minBytes` with `version` first; otherwise why not. */
export function checkEnvelopeHeader(envelope: unknown, version: number, minBytes: number): EnvelopeResult<Uint8Array> {
  if (!isByteArray(envelope) || envelope.length < minBytes) return { ok: false, error: 'malformed-envelope' };
  if (envelope[0] !== version) return { ok: false, error: envelope[0]! > version ? 'unsupported-version' : 'malformed-envelope' };
  return { ok: true, value: envelope };
}

/** Runs one decryption; never throws. */
export async function decryptOrExplain(decrypt: () => Promise<Uint8Array>): Promise<EnvelopeResult<Uint8Array>> {
  try {
    return { ok: true, value: await decrypt() };
  } catch (error) {
    // Both backends reject on a tag mismatch; anything else (no crypto at all) is not the
    // sender's fault and is told apart so the UI can say so.
    return { ok: false, error: isMissingCrypto(error) ? 'crypto-unavailable' : 'decrypt-failed' };
  }
}

function isMissingCrypto(error: unknown): boolean {
  return error instanceof TypeError && /subtle|crypto|import/i.test(error.message);
}
