import { checkSubmission, cleanKeywords, createDraftResponse, type SubmissionProblem } from '../domain/scan';
import { checkStoredResponse, keepReadable, type CheckedRows } from '../domain/storedRecords';
import type { Answer, Level, Response, Scan, SubmittedResponse } from '../domain/types';
import { db } from './db';

// Every change a participant makes is written at once, so a reload, a closed tab or a flat
// battery loses nothing. Writes are small `modify` calls inside Dexie's transaction queue,
// so they land in the order they were made.

export async function startResponse(scan: Scan, organisationId: string, level: Level | null, id: string = crypto.randomUUID()): Promise<Response> {
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

/** The most recently started unfinished response to this scan on this device, if any; unreadable drafts are passed over. */
export async function findLatestDraft(scanId: string): Promise<Response | undefined> {
  const drafts = keepReadable(await db.responses.where('[scanId+status]').equals([scanId, 'draft']).toArray(), checkStoredResponse).rows;
  return drafts.sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
}

async function modifyDraft(id: string, change: (draft: Response) => void): Promise<void> {
  const count = await db.responses
    .where('id')
    .equals(id)
    .and((r) => r.status === 'draft')
    .modify(change);
  if (count === 0) throw new SubmissionError('already-submitted');
}

export function recordAnswer(id: string, itemId: string, answer: Answer | null): Promise<void> {
  return modifyDraft(id, (draft) => {
    if (answer === null) delete draft.answers[itemId];
    else draft.answers[itemId] = answer;
  });
}

export function recordComment(id: string, itemId: string, comment: string): Promise<void> {
  return modifyDraft(id, (draft) => {
    if (comment.trim() === '') delete draft.comments[itemId];
    else draft.comments[itemId] = comment;
  });
}

/** Keywords are kept as typed (three slots) while drafting, cleaned on submit. */
export function recordKeywords(id: string, keywords: string[]): Promise<void> {
  return modifyDraft(id, (draft) => {
    draft.keywords = keywords.slice(0, 3);
  });
}

export function recordImprovement(id: string, improvement: string): Promise<void> {
  return modifyDraft(id, (draft) => {
    draft.improvement = improvement;
  });
}

export function recordOrganisation(id: string, organisationId: string, level: Level | null): Promise<void> {
  return modifyDraft(id, (draft) => {
    draft.organisationId = organisationId;
    draft.level = level;
  });
}

export function recordPosition(id: string, position: number): Promise<void> {
  return modifyDraft(id, (draft) => {
    draft.position = position;
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
  return db.transaction('rw', db.scans, db.responses, async () => {
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
