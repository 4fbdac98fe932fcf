import { beforeEach, describe, expect, it } from 'vitest';
import { createScan } from '../../../src/domain/scan';
import { db } from '../../../src/storage/db';
import {
  discardDraft,
  findLatestDraft,
  recordAnswer,
  recordComment,
  recordKeywords,
  startResponse,
  submitResponse,
  SubmissionError,
} from '../../../src/storage/responseRepository';
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
    expect(await findLatestDraft(scan.id)).toMatchObject({ id: draft.id });
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
    expect(await findLatestDraft(scan.id)).toBeUndefined();
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
    const demos = await db.scans.filter((s) => s.isDemo).toArray();
    expect(demos).toHaveLength(1);
    await deleteScan(demos[0]!.id);
    await seedDemoOnFirstStart();
    expect(await db.scans.filter((s) => s.isDemo).count()).toBe(0);
    const id = await createDemoScan();
    await createDemoScan();
    expect(await db.scans.filter((s) => s.isDemo).primaryKeys()).toEqual([id]);
    expect(await db.responses.where('scanId').equals(id).count()).toBeGreaterThanOrEqual(14);
  });
});
