import { isAnswer } from './answers';
import type { Language, Level, Response, Scan } from './types';

// The rules a participant's device needs: start a draft, check it before submitting, clean its
// keywords, the language to start in. Kept apart from scan.ts, which brings the default
// instrument (the director's concern), so the participant's download stays small
// (docs/budgets.md).

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function createDraftResponse(args: { id: string; scan: Scan; organisationId: string; level: Level | null; now: Date }): Response {
  return {
    id: args.id,
    scanId: args.scan.id,
    organisationId: args.organisationId,
    level: args.scan.settings.askLevel ? args.level : null,
    answers: {},
    comments: {},
    keywords: [],
    improvement: '',
    startedAt: args.now.toISOString(),
    submittedAt: null,
    status: 'draft',
    position: 1,
    lastActivityAt: args.now.toISOString(),
  };
}

export type SubmissionProblem = 'scan-closed' | 'wrong-scan' | 'unknown-organisation' | 'unknown-statement' | 'invalid-answer' | 'already-submitted';

/** Why a response may not be submitted to a scan, or null when it may. */
export function checkSubmission(scan: Scan, response: Response): SubmissionProblem | null {
  if (response.status === 'submitted') return 'already-submitted';
  if (response.scanId !== scan.id) return 'wrong-scan';
  if (scan.status !== 'open') return 'scan-closed';
  if (!scan.organisations.some((o) => o.id === response.organisationId)) return 'unknown-organisation';
  const itemIds = new Set(scan.instrument.items.map((i) => i.id));
  for (const [itemId, answer] of Object.entries(response.answers)) {
    if (!itemIds.has(itemId)) return 'unknown-statement';
    if (!isAnswer(answer)) return 'invalid-answer';
  }
  return null;
}

/** Keywords as a participant typed them: trimmed, empties dropped, at most three. */
export function cleanKeywords(keywords: readonly string[]): string[] {
  return keywords.map((k) => k.trim().replace(/\s+/g, ' ')).filter((k) => k.length > 0).slice(0, 3);
}

/**
 * The language a participant starts in (also while the scan is still loading): the scan's
 * set-up says, Dutch otherwise (docs/shared-devices.md, docs/instrument-and-rounds.md).
 */
export function startLanguageOf(scan: Pick<Scan, 'settings'> | undefined): Language {
  return scan?.settings.startLanguage === 'en' ? 'en' : 'nl';
}
