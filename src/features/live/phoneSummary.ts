import { useEffect, useState } from 'react';
import { getMetaMap, readPhoneSummary, type SummaryReadResult } from '../../domain/live';
import { openPhoneSession, readPhoneLink } from './phoneSync';

// A joined phone: the results summary the director allows (docs/live-sessions.md "The results on
// the phones"), read from the session's document and followed: it changes with the director's
// figures and agreements, and is gone when the director switches it off.

/** null: no summary (none allowed, not joined, or not read yet); `ok: false`: one is there but cannot be read. */
export function usePhoneSummary(scanId: string): SummaryReadResult | null {
  const [result, setResult] = useState<SummaryReadResult | null>(null);
  useEffect(() => {
    const link = readPhoneLink(scanId);
    if (!link) return;
    const session = openPhoneSession(link);
    const { cipher, doc } = session;
    if (!cipher) return;
    let current = true;
    let reading = Promise.resolve();
    // One read at a time, in order: the newest state of the document wins.
    const read = () => {
      reading = reading.then(async () => {
        const next = await readPhoneSummary(cipher, doc);
        if (current) setResult(next.ok && next.summary === null ? null : next);
      });
    };
    read();
    const meta = getMetaMap(doc);
    meta.observe(read);
    return () => {
      current = false;
      meta.unobserve(read);
    };
  }, [scanId]);
  return result;
}
