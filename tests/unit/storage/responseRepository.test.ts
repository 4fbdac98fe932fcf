import { beforeEach, describe, expect, it } from 'vitest';
import { createScan } from '../../../src/domain/scan';
import { db } from '../../../src/storage/db';
import {
  discardDraft,
  listDrafts,
  parkDrafts,
  startResponse,
  submitResponse,
  SubmissionError,
  updateDraft,
} from '../../../src/storage/responseRepository';
import type { Answer } from '../../../src/domain/types';

const recordAnswer = (id: string, itemId: string, answer: Answer | null) => updateDraft(id, { kind: 'answer', itemId, answer });
const recordComment = (id: string, itemId: string, comment: string) => updateDraft(id, { kind: 'comment', itemId, comment });
const recordKeywords = (id: string, keywords: string[]) => updateDraft(id, { kind: 'keywords', keywords });
import { addScan, countResponses, deleteScan, setScanStatus } from '../../../src/storage/scanRepository';
import { createDemoScan, seedDemoOnFirstStart } from '../../../src/storage/demoRepository';

const scan = createScan({ id: 'scan-1', title: 'Workshop', date: '2026-11-22', organisationNames: ['Politie', 'Gemeente'], now: new Date() });

beforeEach(async () => {
  await db.delete();
  await db.open();
  await addScan(structuredClone(scan));
});

describe('response repository', () => {
  it('stores "don\'t know" as the string "dk", never as a number', async () => {
    const draft = await startResponse(scan, 'politie', null);
    await recordAnswer(draft.id, 'q01', 'dk');
    await recordAnswer(draft.id, 'q02', 4);
    const stored = await db.responses.get(draft.id);
    expect(stored?.answers).toEqual({ q01: 'dk', q02: 4 });
    expect(typeof stored?.answers.q01).toBe('string');
    expect(typeof stored?.answers.q02).toBe('number');
  });

  it('writes every change at once and keeps the last one', async () => {
    const draft = await startResponse(scan, 'gemeente', 'management');
    await Promise.all([recordAnswer(draft.id, 'q03', 2), recordAnswer(draft.id, 'q03', 5), recordComment(draft.id, 'q03', 'snel')]);
    await recordAnswer(draft.id, 'q04', 3);
    await recordAnswer(draft.id, 'q04', null);
    const stored = await db.responses.get(draft.id);
    expect(stored?.answers).toEqual({ q03: 5 });
    expect(stored?.comments).toEqual({ q03: 'snel' });
    expect(stored?.status).toBe('draft');
    expect((await listDrafts(scan.id)).map((d) => d.id)).toEqual([draft.id]);
  });

  it('stores exactly what the domain rule makes of each change, stamped with its time', async () => {
    const draft = await startResponse(scan, 'politie', null, 'draft-1');
    const at = new Date('2026-11-30T09:15:00.000Z');
    await updateDraft(draft.id, { kind: 'comment', itemId: 'q01', comment: 'eerst iets' }, at);
    await updateDraft(draft.id, { kind: 'comment', itemId: 'q01', comment: '   ' }, at);
    await updateDraft(draft.id, { kind: 'keywords', keywords: ['a', 'b', 'c', 'd'] }, at);
    const stored = await db.responses.get(draft.id);
    expect(stored?.comments).toEqual({});
    expect(stored?.keywords).toEqual(['a', 'b', 'c']);
    expect(stored?.lastActivityAt).toBe(at.toISOString());
  });

  it('parks drafts once: the first parking time is kept and submitted responses are never touched', async () => {
    const a = await startResponse(scan, 'politie', null);
    const b = await startResponse(scan, 'gemeente', null);
    await submitResponse(b.id);
    await parkDrafts([a.id, b.id], new Date('2026-11-30T10:00:00.000Z'));
    await parkDrafts([a.id], new Date('2026-11-30T11:00:00.000Z'));
    expect((await db.responses.get(a.id))?.parkedAt).toBe('2026-11-30T10:00:00.000Z');
    expect((await db.responses.get(b.id))?.parkedAt).toBeUndefined();
  });

  it('refuses to start a response for an organisation that is not in the scan', async () => {
    await expect(startResponse(scan, 'veiligheidshuis', null)).rejects.toThrow(SubmissionError);
    expect(await db.responses.count()).toBe(0);
  });

  it('refuses to submit when the organisation was changed to one outside the scan', async () => {
    const draft = await startResponse(scan, 'politie', null);
    await db.responses.update(draft.id, { organisationId: 'onbekend' });
    await expect(submitResponse(draft.id)).rejects.toMatchObject({ problem: 'unknown-organisation' });
    expect((await db.responses.get(draft.id))?.status).toBe('draft');
  });

  it('submits: cleans keywords, stamps the time, and the draft can no longer change', async () => {
    const draft = await startResponse(scan, 'politie', null);
    await recordAnswer(draft.id, 'q01', 4);
    await recordKeywords(draft.id, [' open ', '', 'eerlijk']);
    const submitted = await submitResponse(draft.id);
    expect(submitted.status).toBe('submitted');
    expect(submitted.keywords).toEqual(['open', 'eerlijk']);
    expect(Date.parse(submitted.submittedAt)).not.toBeNaN();
    await expect(recordAnswer(draft.id, 'q01', 1)).rejects.toMatchObject({ problem: 'already-submitted' });
    expect((await db.responses.get(draft.id))?.answers).toEqual({ q01: 4 });
    expect(await listDrafts(scan.id)).toEqual([]);
    expect(await countResponses(scan.id)).toEqual({ submitted: 1, drafts: 0 });
  });

  it('refuses to submit to a closed scan and keeps the draft', async () => {
    const draft = await startResponse(scan, 'politie', null);
    await setScanStatus(scan.id, 'closed');
    await expect(submitResponse(draft.id)).rejects.toMatchObject({ problem: 'scan-closed' });
    expect(await countResponses(scan.id)).toEqual({ submitted: 0, drafts: 1 });
  });

  it('discards only drafts, and deleting a scan removes its responses', async () => {
    const a = await startResponse(scan, 'politie', null);
    const b = await startResponse(scan, 'gemeente', null);
    await submitResponse(b.id);
    await discardDraft(a.id);
    await discardDraft(b.id);
    expect(await countResponses(scan.id)).toEqual({ submitted: 1, drafts: 0 });
    await deleteScan(scan.id);
    expect(await db.responses.count()).toBe(0);
    expect(await db.scans.count()).toBe(0);
  });
});

describe('demo repository', () => {
  it('seeds the demo once; a deleted demo does not come back by itself but can be re-created', async () => {
    await seedDemoOnFirstStart();
    await seedDemoOnFirstStart();
    // The demo is a series of two rounds (docs/instrument-and-rounds.md): seeded once, both rounds.
    const demos = await db.scans.filter((s) => s.isDemo).toArray();
    expect(demos.map((s) => s.series?.round).sort()).toEqual([1, 2]);
    expect(new Set(demos.map((s) => s.series?.id)).size).toBe(1);
    for (const demo of demos) await deleteScan(demo.id);
    await seedDemoOnFirstStart();
    expect(await db.scans.filter((s) => s.isDemo).count()).toBe(0);
    const id = await createDemoScan();
    await createDemoScan();
    const again = await db.scans.filter((s) => s.isDemo).toArray();
    expect(again).toHaveLength(2);
    expect(again.find((s) => s.series?.round === 1)?.id).toBe(id);
    expect(await db.responses.where('scanId').equals(id).count()).toBeGreaterThanOrEqual(14);
  });
});
