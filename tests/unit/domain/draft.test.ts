import { describe, expect, it } from 'vitest';
import { applyDraftChange, lastActivityOf, type DraftChange } from '../../../src/domain/draft';
import { createDraftResponse, createScan } from '../../../src/domain/scan';
import type { Response } from '../../../src/domain/types';

const scan = createScan({ id: 'scan-1', title: 'W', date: '2026-11-30', organisationNames: ['Politie', 'Gemeente'], now: new Date('2026-11-30T08:00:00Z') });
const started = new Date('2026-11-30T09:00:00.000Z');
const later = new Date('2026-11-30T09:05:00.000Z');

function draft(overrides: Partial<Response> = {}): Response {
  return { ...createDraftResponse({ id: 'd1', scan, organisationId: 'politie', level: 'uitvoering', now: started }), ...overrides };
}

const apply = (change: DraftChange, base = draft()) => applyDraftChange(base, change, later);

describe('applyDraftChange: one rule for the answer flow and the repository', () => {
  it('sets, replaces and clears an answer without touching the others', () => {
    const one = apply({ kind: 'answer', itemId: 'q01', answer: 4 }, draft({ answers: { q02: 'dk' } }));
    expect(one.answers).toEqual({ q01: 4, q02: 'dk' });
    expect(apply({ kind: 'answer', itemId: 'q01', answer: 'dk' }, one).answers).toEqual({ q01: 'dk', q02: 'dk' });
    expect(apply({ kind: 'answer', itemId: 'q02', answer: null }, one).answers).toEqual({ q01: 4 });
  });

  it('keeps a comment as typed and drops a blank one entirely', () => {
    expect(apply({ kind: 'comment', itemId: 'q03', comment: 'te laat ' }).comments).toEqual({ q03: 'te laat ' });
    const blank = apply({ kind: 'comment', itemId: 'q03', comment: ' \n ' }, draft({ comments: { q03: 'oud', q04: 'blijft' } }));
    expect(blank.comments).toEqual({ q04: 'blijft' });
    expect('q03' in blank.comments).toBe(false);
  });

  it('keeps at most three keywords, as typed (cleaned only on submit)', () => {
    expect(apply({ kind: 'keywords', keywords: [' open', '', 'eerlijk', 'vier'] }).keywords).toEqual([' open', '', 'eerlijk']);
  });

  it('sets the improvement point, the organisation with its level and the position', () => {
    expect(apply({ kind: 'improvement', improvement: 'Sneller schakelen' }).improvement).toBe('Sneller schakelen');
    const moved = apply({ kind: 'organisation', organisationId: 'gemeente', level: null });
    expect([moved.organisationId, moved.level]).toEqual(['gemeente', null]);
    expect(apply({ kind: 'position', position: 7 }).position).toBe(7);
    expect(apply({ kind: 'position', position: -3 }).position).toBe(0);
    expect(apply({ kind: 'position', position: 2.5 }).position).toBe(0);
  });

  it('stamps every change with its time and never mutates the draft it was given', () => {
    const before = draft({ answers: { q01: 2 } });
    const frozen = structuredClone(before);
    const after = apply({ kind: 'answer', itemId: 'q01', answer: 5 }, before);
    expect(before).toEqual(frozen);
    expect(after.lastActivityAt).toBe(later.toISOString());
    expect(lastActivityOf(after)).toBe(later.toISOString());
  });

  it('measures activity from the start for a draft written before lastActivityAt existed', () => {
    const old = draft();
    delete old.lastActivityAt;
    expect(lastActivityOf(old)).toBe(started.toISOString());
  });
});
