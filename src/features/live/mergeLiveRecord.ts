import { finaliseImport, planImport } from '../../domain/exchange';
import { openResponse, type LiveRecordError, type ResponseOpener } from '../../domain/live';
import type { Scan } from '../../domain/types';
import { applyImport, loadExistingForImport } from '../../storage/exchangeRepository';

// One arriving live record on the director's device, taken through the same validation and
// merge by id as a file import (docs/live-sessions.md "In the app"). A record may only add a
// response to the session's own scan: anything else is refused, and nothing refused is stored.

export type RefusalReason = 'undecryptable' | 'invalid' | 'other-scan' | 'conflict';

export type MergeOutcome =
  | { kind: 'added'; responseId: string }
  /** Already stored (a resent record, or the same response by QR code or file): counted once. */
  | { kind: 'duplicate'; responseId: string }
  | { kind: 'refused'; reason: RefusalReason };

function reasonOf(error: LiveRecordError): RefusalReason {
  if (error.code === 'envelope') return 'undecryptable';
  if (error.code === 'response' && error.detail.code === 'handoff-unknown-scan') return 'other-scan';
  return 'invalid';
}

export async function mergeLiveRecord(opener: ResponseOpener, recordId: string, envelope: unknown, scan: Scan): Promise<MergeOutcome> {
  const opened = await openResponse(opener, recordId, envelope, (id) => (id === scan.id ? scan : undefined));
  if (!opened.ok) return { kind: 'refused', reason: reasonOf(opened.error) };
  if (opened.file.scans.length !== 1 || opened.file.scans[0]!.id !== scan.id) return { kind: 'refused', reason: 'other-scan' };
  const existing = await loadExistingForImport([opened.file]);
  const plan = planImport(existing, [opened.file], { now: new Date() });
  if (plan.refusals.length > 0 || plan.scansToAdd.length > 0 || plan.scanUpdates.length > 0) return { kind: 'refused', reason: 'invalid' };
  // Same id, other content: the stored response is kept, as an import without a choice does.
  if (plan.conflicts.length > 0) return { kind: 'refused', reason: 'conflict' };
  if (plan.responsesToAdd.length === 0) return { kind: 'duplicate', responseId: opened.responseId };
  await applyImport(finaliseImport(plan));
  return { kind: 'added', responseId: opened.responseId };
}
