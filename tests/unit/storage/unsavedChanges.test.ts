import { beforeEach, describe, expect, it } from 'vitest';
import { createScan } from '../../../src/domain/scan';
import { db } from '../../../src/storage/db';
import { replayUnsavedChanges, startResponse, submitResponse, updateDraft } from '../../../src/storage/responseRepository';
import { forgetChange, rememberChange, unsavedChanges } from '../../../src/storage/unsavedChanges';
import { addScan } from '../../../src/storage/scanRepository';
import { DEFAULT_INSTRUMENT } from '../../../src/domain/instrument/defaultInstrument';

// The last keystroke (docs/failures-and-storage.md): a change is noted synchronously before its
// IndexedDB write; a tab gone before the write lands leaves the note, and the next start writes it.

const scan = createScan({ id: 'scan-1', title: 'Workshop', date: '2026-11-22', organisationNames: ['Politie', 'Gemeente'], now: new Date() });

beforeEach(async () => {
  localStorage.clear();
  await db.delete();
  await db.open();
  await addScan(structuredClone(scan));
});

describe('unsaved changes', () => {
  it('keeps changes in order until their write is confirmed', () => {
    const a = rememberChange('d1', { kind: 'answer', itemId: 'q01', answer: 4 }, new Date('2026-11-30T10:00:00Z'));
    const b = rememberChange('d1', { kind: 'comment', itemId: 'q01', comment: 'Te laat' }, new Date('2026-11-30T10:00:01Z'));
    expect(unsavedChanges()).toEqual([
      {
        draftId: 'd1',
        changes: [
          { n: a, at: '2026-11-30T10:00:00.000Z', change: { kind: 'answer', itemId: 'q01', answer: 4 } },
          { n: b, at: '2026-11-30T10:00:01.000Z', change: { kind: 'comment', itemId: 'q01', comment: 'Te laat' } },
        ],
      },
    ]);
    forgetChange('d1', a);
    expect(unsavedChanges()[0]!.changes.map((c) => c.n)).toEqual([b]);
    forgetChange('d1', b);
    expect(unsavedChanges()).toEqual([]);
    expect(localStorage.length).toBe(0);
  });

  it('writes a change whose write never ran (the tab closed) on the next start, with its own time', async () => {
    const draft = await startResponse(scan, 'politie', null);
    await updateDraft(draft.id, { kind: 'answer', itemId: 'q01', answer: 2 }, new Date('2026-11-30T10:00:00Z'));
    // The tab is gone: the note was made, the write never happened.
    rememberChange(draft.id, { kind: 'comment', itemId: 'q01', comment: 'Informatie komt te laat' }, new Date('2026-11-30T10:00:05Z'));

    await replayUnsavedChanges();

    const stored = await db.responses.get(draft.id);
    expect(stored?.answers).toEqual({ q01: 2 });
    expect(stored?.comments).toEqual({ q01: 'Informatie komt te laat' });
    expect(stored?.lastActivityAt).toBe('2026-11-30T10:00:05.000Z');
    expect(unsavedChanges()).toEqual([]);
  });

  it('passes over a noted change when a later one already landed (another tab still writing)', async () => {
    const draft = await startResponse(scan, 'politie', null);
    rememberChange(draft.id, { kind: 'answer', itemId: 'q01', answer: 2 }, new Date('2026-11-30T10:00:00Z'));
    await updateDraft(draft.id, { kind: 'answer', itemId: 'q01', answer: 5 }, new Date('2026-11-30T10:00:09Z'));

    await replayUnsavedChanges();

    expect((await db.responses.get(draft.id))?.answers).toEqual({ q01: 5 });
  });

  it('drops the notes of a draft submitted meanwhile and leaves the submitted response alone', async () => {
    const draft = await startResponse(scan, 'politie', null);
    for (const item of DEFAULT_INSTRUMENT.items) await updateDraft(draft.id, { kind: 'answer', itemId: item.id, answer: 3 });
    const submitted = await submitResponse(draft.id);
    rememberChange(draft.id, { kind: 'answer', itemId: 'q01', answer: 1 }, new Date(Date.now() + 60_000));

    await replayUnsavedChanges();

    expect(await db.responses.get(draft.id)).toEqual(submitted);
    expect(unsavedChanges()).toEqual([]);
  });
});
