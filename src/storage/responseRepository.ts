import { checkSubmission, cleanKeywords, createDraftResponse, type SubmissionProblem } from '../domain/response';
import { makeUuid } from '../domain/ids';
import { applyDraftChange, lastActivityOf, type DraftChange } from '../domain/draft';
import { checkStoredResponse, keepReadable, type CheckedRows } from '../domain/storedRecords';
import type { Level, Response, Scan, SubmittedResponse } from '../domain/types';
import { db } from './db';
import { changeTallies } from './tallyRepository';
import { forgetChange, unsavedChanges } from './unsavedChanges';

// Every change a participant makes is written at once, so a reload, a closed tab or a flat
// battery loses nothing. Writes are small `modify` calls inside Dexie's transaction queue,
// so they land in the order they were made.

export async function startResponse(scan: Scan, organisationId: string, level: Level | null, id: string = makeUuid()): Promise<Response> {
  if (!scan.organisations.some((o) => o.id === organisationId)) {
    throw new SubmissionError('unknown-organisation');
  }
  const response = createDraftResponse({ id, scan, organisationId, level, now: new Date() });
  await db.responses.add(response);
  return response;
}

/** The response, or undefined when it is not stored or its row cannot be read (storedRecords.ts). */
export async function getResponse(id: string): Promise<Response | undefined> {
  const result = checkStoredResponse(await db.responses.get(id));
  return result.ok ? result.value : undefined;
}

/** Every unfinished questionnaire of this scan on this device, parked ones included; unreadable rows are passed over. */
export async function listDrafts(scanId: string): Promise<Response[]> {
  return keepReadable(await db.responses.where('[scanId+status]').equals([scanId, 'draft']).toArray(), checkStoredResponse).rows;
}

/**
 * Applies one change with the domain's rule (the same one the answer flow applies in memory),
 * inside the write, so the stored draft is exactly what the participant sees. A replayed change
 * (`onlyIfNewer`) is passed over when the stored draft was touched after it.
 */
export async function updateDraft(id: string, change: DraftChange, now: Date = new Date(), onlyIfNewer = false): Promise<void> {
  const at = now.toISOString();
  const count = await db.responses
    .where('id')
    .equals(id)
    .and((r) => r.status === 'draft')
    .modify((draft, ref) => {
      if (!onlyIfNewer || lastActivityOf(draft) <= at) ref.value = applyDraftChange(draft, change, now);
    });
  if (count === 0) throw new SubmissionError('already-submitted');
}

/**
 * Writes the changes a tab closed mid-write left unconfirmed (unsavedChanges.ts), oldest first.
 * A draft since submitted or removed takes none; a storage failure keeps them for the next start.
 */
export async function replayUnsavedChanges(): Promise<void> {
  for (const { draftId, changes } of unsavedChanges()) {
    try {
      for (const { at, change } of changes) await updateDraft(draftId, change, new Date(at), true);
    } catch (error) {
      if (!(error instanceof SubmissionError)) throw error;
    }
    const last = changes.at(-1);
    if (last) forgetChange(draftId, last.n);
  }
}

/** Sets drafts aside for the director: they are never offered for resuming again. */
export async function parkDrafts(ids: readonly string[], now: Date = new Date()): Promise<void> {
  if (ids.length === 0) return;
  const parkedAt = now.toISOString();
  await db.responses
    .where('id')
    .anyOf([...ids])
    .and((r) => r.status === 'draft' && r.parkedAt === undefined)
    .modify((draft) => {
      draft.parkedAt = parkedAt;
    });
}

export class SubmissionError extends Error {
  constructor(readonly problem: SubmissionProblem) {
    super(`Response cannot be submitted: ${problem}`);
    this.name = 'SubmissionError';
  }
}

/** Marks a draft submitted after checking it against its scan, in one transaction. */
export async function submitResponse(id: string): Promise<SubmittedResponse> {
  return db.transaction('rw', db.scans, db.responses, db.tallies, async () => {
    const response = await db.responses.get(id);
    if (!response) throw new SubmissionError('wrong-scan');
    const scan = await db.scans.get(response.scanId);
    if (!scan) throw new SubmissionError('wrong-scan');
    const problem = checkSubmission(scan, response);
    if (problem) throw new SubmissionError(problem);
    const submitted: SubmittedResponse = {
      ...response,
      keywords: cleanKeywords(response.keywords),
      improvement: response.improvement.trim(),
      status: 'submitted',
      submittedAt: new Date().toISOString(),
    };
    await db.responses.put(submitted);
    await changeTallies([], [submitted]);
    return submitted;
  });
}

export async function discardDraft(id: string): Promise<void> {
  await db.responses.where('id').equals(id).and((r) => r.status === 'draft').delete();
}

/** The scan's readable submitted responses, and how many of its submitted rows could not be read. */
export async function listSubmittedResponses(scanId: string): Promise<CheckedRows<Response>> {
  return keepReadable(await db.responses.where('[scanId+status]').equals([scanId, 'submitted']).toArray(), checkStoredResponse);
}

/** How many rows the index files as submitted for this scan, damaged ones included; nothing is read. */
export function countSubmittedRows(scanId: string): Promise<number> {
  return db.responses.where('[scanId+status]').equals([scanId, 'submitted']).count();
}
