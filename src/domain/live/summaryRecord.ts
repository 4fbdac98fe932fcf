import type * as Y from 'yjs';
import { encodePhoneSummary, parsePhoneSummary, type PhoneSummaryV1 } from '../agreements/phoneSummaryFormat';
import { getMetaMap, isByteArray, META_SUMMARY } from '@ketenscan/live-protocol';
import type { SessionCipher } from './envelope';

// The results summary on the phones (docs/live-sessions.md "The results on the phones"): the
// director's device seals it with the session key, like the definition (every phone that joined
// may read it, the relay may not), under `meta.summary`; removing the key takes it off the phones.
// Only the director writes `meta` (relay/src/rules.ts refuses a phone's write there).

export type SummaryReadResult = { ok: true; summary: PhoneSummaryV1 | null } | { ok: false };

/** Sealed for this session under its id; null when the summary does not fit its bound. */
export async function sealPhoneSummary(cipher: SessionCipher, summary: PhoneSummaryV1): Promise<Uint8Array | null> {
  const bytes = encodePhoneSummary(summary);
  return bytes === null ? null : cipher.seal('summary', cipher.sessionId, bytes);
}

/** null when the envelope does not open with this session's key or is not a summary of this version. */
export async function openPhoneSummary(cipher: SessionCipher, envelope: unknown): Promise<PhoneSummaryV1 | null> {
  const opened = await cipher.open('summary', cipher.sessionId, envelope);
  return opened.ok ? parsePhoneSummary(opened.value) : null;
}

/** The director's device: put (or, with null, remove) the sealed summary. */
export function writeSummaryEnvelope(doc: Y.Doc, envelope: Uint8Array | null): void {
  const meta = getMetaMap(doc);
  if (envelope === null) {
    if (meta.has(META_SUMMARY)) meta.delete(META_SUMMARY);
  } else meta.set(META_SUMMARY, envelope);
}

export function readSummaryEnvelope(doc: Y.Doc): Uint8Array | null {
  const value = getMetaMap(doc).get(META_SUMMARY);
  return isByteArray(value) ? value : null;
}

/** A phone: the summary in the document, null when there is none, or `ok: false` when one is there but unreadable. */
export async function readPhoneSummary(cipher: SessionCipher, doc: Y.Doc): Promise<SummaryReadResult> {
  const envelope = readSummaryEnvelope(doc);
  if (envelope === null) return { ok: true, summary: null };
  const summary = await openPhoneSummary(cipher, envelope);
  return summary === null ? { ok: false } : { ok: true, summary };
}
