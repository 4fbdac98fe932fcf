import { lastActivityOf } from './draft';
import type { Response } from './types';

// Who may pick up an unfinished questionnaire on a shared device (docs/shared-devices.md).
// The person who left it is almost always the one who comes back within minutes; after that,
// whoever stands at the device is someone else, and must never see those answers.

/** How long after its last answer an unfinished questionnaire is offered for resuming. */
export const RESUME_WINDOW_MS = 20 * 60_000;

export interface ResumeDecision {
  /** The draft this tab is already answering (a reload): continue without asking. */
  own: Response | null;
  /** The draft to offer with "continue where I was" / "I am a new participant", if any. */
  offer: Response | null;
  /** Drafts to set aside for the director now: never offered again on this device. */
  park: Response[];
}

/**
 * Decides from the scan's drafts on this device, the draft this tab started (if any) and the
 * time. Only the most recently touched unparked draft inside the window is offered; every other
 * unparked draft that is not this tab's own is parked, so at most one is ever offered and a
 * stale one never is.
 */
export function decideResume(drafts: readonly Response[], ownDraftId: string | null, now: Date, windowMs = RESUME_WINDOW_MS): ResumeDecision {
  const open = drafts.filter((d) => d.status === 'draft');
  const own = open.find((d) => d.id === ownDraftId && d.parkedAt === undefined) ?? null;
  if (own) return { own, offer: null, park: [] };
  const candidates = open
    .filter((d) => d.parkedAt === undefined)
    .sort((a, b) => lastActivityOf(b).localeCompare(lastActivityOf(a)) || b.id.localeCompare(a.id));
  const latest = candidates[0];
  const isFresh = latest !== undefined && now.getTime() - Date.parse(lastActivityOf(latest)) <= windowMs;
  const offer = isFresh ? latest : null;
  return { own: null, offer, park: candidates.filter((d) => d !== offer) };
}
