import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { buildPhoneSummary } from '../../domain/agreements/phoneSummary';
import type { Agreement } from '../../domain/agreements/types';
import type { ScanAnalysis } from '../../domain/analysis';
import { getMetaMap, readSummaryEnvelope, sealPhoneSummary, writeSummaryEnvelope } from '../../domain/live';
import type { Scan } from '../../domain/types';
import { runningSessionFor } from './directorLive';

// The director's side of the results on the phones (docs/live-sessions.md "The results on the
// phones"): whether the running session's document holds a summary (that is the switch's state,
// so a reload of the presenter finds it as the phones see it), and writing or removing it.

/** 'too-large': the summary does not fit its bound; 'unconfirmed': written, but the relay did not confirm it within the wait (it goes when the connection is back). */
export type SummaryWriteResult = 'written' | 'removed' | 'too-large' | 'unconfirmed' | 'no-session';

const CONFIRM_MS = 3000;

/** Whether this scan's running session shows the summary on the phones; null when no session runs. */
export function usePhoneSummaryOn(scanId: string, sessionKey: string | null): boolean | null {
  const subscribe = useCallback(
    (notify: () => void) => {
      const running = sessionKey === null ? null : runningSessionFor(scanId, { whenClosed: true });
      if (!running) return () => undefined;
      const meta = getMetaMap(running.doc);
      meta.observe(notify);
      return () => meta.unobserve(notify);
    },
    [scanId, sessionKey],
  );
  return useSyncExternalStore(subscribe, () => {
    const running = sessionKey === null ? null : runningSessionFor(scanId, { whenClosed: true });
    return running ? readSummaryEnvelope(running.doc) !== null : null;
  });
}

/** The plaintext last written per document: the same summary is not written again (a new IV would only churn the phones). */
const lastWritten = new WeakMap<Y.Doc, string>();

/** Seals and writes the summary of `scan` into its running session. */
export async function writePhoneSummary(scan: Scan, analysis: ScanAnalysis, agreements: readonly Agreement[]): Promise<SummaryWriteResult> {
  const running = runningSessionFor(scan.id, { whenClosed: true });
  if (!running) return 'no-session';
  const summary = buildPhoneSummary(scan, analysis, agreements);
  const text = JSON.stringify(summary);
  if (lastWritten.get(running.doc) === text && readSummaryEnvelope(running.doc) !== null) return 'written';
  const envelope = await sealPhoneSummary(running.cipher, summary);
  if (envelope === null) return 'too-large';
  writeSummaryEnvelope(running.doc, envelope);
  lastWritten.set(running.doc, text);
  return (await running.waitUntilSent(CONFIRM_MS)) ? 'written' : 'unconfirmed';
}

/** Takes the summary off the phones. */
export async function removePhoneSummary(scanId: string): Promise<SummaryWriteResult> {
  const running = runningSessionFor(scanId, { whenClosed: true });
  if (!running) return 'no-session';
  writeSummaryEnvelope(running.doc, null);
  lastWritten.delete(running.doc);
  return (await running.waitUntilSent(CONFIRM_MS)) ? 'removed' : 'unconfirmed';
}
