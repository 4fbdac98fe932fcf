import type { Answer, Level, Response } from './types';

// One rule for every edit of an unfinished questionnaire. The answer flow applies it to its
// in-memory draft and the repository applies it inside the IndexedDB write, so what a
// participant sees and what is stored can never drift apart (see docs/shared-devices.md).

export type DraftChange =
  | { kind: 'answer'; itemId: string; answer: Answer | null }
  | { kind: 'comment'; itemId: string; comment: string }
  | { kind: 'keywords'; keywords: readonly string[] }
  | { kind: 'improvement'; improvement: string }
  | { kind: 'organisation'; organisationId: string; level: Level | null }
  | { kind: 'position'; position: number };

/** The three keyword fields of the extras step; extra entries are never kept. */
export const KEYWORD_SLOTS = 3;

/**
 * A new draft with one change applied, stamped with the time of the change (the resume rule
 * measures idleness from it). Texts are kept as typed, so a space at the end of a word being
 * typed survives; they are cleaned once, on submit. A blank comment is no comment.
 */
export function applyDraftChange(draft: Response, change: DraftChange, now: Date): Response {
  const next: Response = { ...draft, lastActivityAt: now.toISOString() };
  switch (change.kind) {
    case 'answer': {
      const answers = { ...draft.answers };
      if (change.answer === null) delete answers[change.itemId];
      else answers[change.itemId] = change.answer;
      next.answers = answers;
      break;
    }
    case 'comment': {
      const comments = { ...draft.comments };
      if (change.comment.trim() === '') delete comments[change.itemId];
      else comments[change.itemId] = change.comment;
      next.comments = comments;
      break;
    }
    case 'keywords':
      next.keywords = change.keywords.slice(0, KEYWORD_SLOTS);
      break;
    case 'improvement':
      next.improvement = change.improvement;
      break;
    case 'organisation':
      next.organisationId = change.organisationId;
      next.level = change.level;
      break;
    case 'position':
      next.position = Number.isInteger(change.position) && change.position >= 0 ? change.position : 0;
      break;
  }
  return next;
}

/** When the draft was last touched: its last change, or its start for a draft never edited. */
export function lastActivityOf(draft: Response): string {
  return draft.lastActivityAt ?? draft.startedAt;
}
