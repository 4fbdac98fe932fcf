import { describe, expect, it } from 'vitest';
import { decideResume, RESUME_WINDOW_MS } from '../../../src/domain/resume';
import { createDraftResponse, createScan } from '../../../src/domain/scan';
import type { Response } from '../../../src/domain/types';

const scan = createScan({ id: 'scan-1', title: 'W', date: '2026-11-30', organisationNames: ['Politie', 'Gemeente'], now: new Date('2026-11-30T08:00:00Z') });
const now = new Date('2026-11-30T10:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

function draft(id: string, idleMs: number, extra: Partial<Response> = {}): Response {
  return { ...createDraftResponse({ id, scan, organisationId: 'politie', level: null, now: new Date(ago(idleMs + 60_000)) }), lastActivityAt: ago(idleMs), ...extra };
}

const ids = (rs: readonly Response[]) => rs.map((r) => r.id);

describe('decideResume: who may pick up an unfinished questionnaire', () => {
  it('offers a draft exactly up to the end of the idle window, and parks it one millisecond later', () => {
    expect(decideResume([draft('a', RESUME_WINDOW_MS)], null, now)).toMatchObject({ own: null, offer: { id: 'a' }, park: [] });
    const late = decideResume([draft('a', RESUME_WINDOW_MS + 1)], null, now);
    expect(late.offer).toBeNull();
    expect(ids(late.park)).toEqual(['a']);
  });

  it('the window is 20 minutes by default', () => {
    expect(RESUME_WINDOW_MS).toBe(20 * 60_000);
  });

  it('continues the draft this tab started without asking, whatever its age, and parks nothing', () => {
    const decision = decideResume([draft('mine', 3 * RESUME_WINDOW_MS), draft('other', 1000)], 'mine', now);
    expect(decision).toMatchObject({ own: { id: 'mine' }, offer: null, park: [] });
  });

  it('never offers a parked draft, not even to the tab that claims it', () => {
    const parked = draft('a', 1000, { parkedAt: ago(500) });
    expect(decideResume([parked], null, now)).toEqual({ own: null, offer: null, park: [] });
    expect(decideResume([parked], 'a', now)).toEqual({ own: null, offer: null, park: [] });
  });

  it('offers only the most recently touched draft and parks every other one', () => {
    const decision = decideResume([draft('older', 5 * 60_000), draft('newest', 60_000), draft('stale', RESUME_WINDOW_MS * 2)], null, now);
    expect(decision.offer?.id).toBe('newest');
    expect(ids(decision.park).sort()).toEqual(['older', 'stale']);
  });

  it('ignores submitted responses', () => {
    const submitted = { ...draft('s', 1000), status: 'submitted' as const, submittedAt: ago(900) };
    expect(decideResume([submitted], null, now)).toEqual({ own: null, offer: null, park: [] });
  });

  it('uses the start time of a draft that has no lastActivityAt', () => {
    const old = draft('a', 0);
    delete old.lastActivityAt;
    old.startedAt = ago(RESUME_WINDOW_MS + 1);
    expect(decideResume([old], null, now).offer).toBeNull();
  });
});
