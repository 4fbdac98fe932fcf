import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUMENT } from '../../../src/domain/instrument/defaultInstrument';
import { instrumentSnapshot, legacyVersionId, newestVersionOf, versionIdOf } from '../../../src/domain/instrument/versions';
import type { Instrument } from '../../../src/domain/types';
import { db } from '../../../src/storage/db';
import { applyInstrumentToScan, getInstrumentVersion, listInstrumentVersions, listStartingPoints, renameInstrumentVersion, saveInstrumentVersion } from '../../../src/storage/instrumentRepository';
import { RecordNotFoundError } from '../../../src/storage/errors';
import { loadEditorDraft, saveEditorDraft, deleteEditorDraft } from '../../../src/storage/editorDrafts';

const edited = (text: string): Instrument => ({
  ...structuredClone(DEFAULT_INSTRUMENT),
  items: DEFAULT_INSTRUMENT.items.map((item, i) => (i === 0 ? { ...item, text: { nl: text, en: text } } : item)),
});

describe('a version id derived from content (versions saved before ids existed)', () => {
  it('is pinned: devices in the field and the schema 5 migration stored ids made by it', () => {
    // Changing legacyVersionId would make every old version unrecognisable on import. If this
    // fails, the function changed: put it back.
    expect(legacyVersionId(DEFAULT_INSTRUMENT)).toBe(PINNED_DEFAULT_ID);
  });

  it('ignores key order and the name, and tells two different "version 2"s apart', () => {
    const a = edited('Een');
    const reordered: Instrument = { items: a.items, dimensions: a.dimensions, title: a.title, version: a.version, id: a.id };
    expect(legacyVersionId(reordered)).toBe(legacyVersionId(a));
    expect(versionIdOf({ ...a, versionName: 'Voorjaar' })).toBe(legacyVersionId(a));
    expect(legacyVersionId(edited('Twee'))).not.toBe(legacyVersionId(a));
    expect(legacyVersionId({ ...a, version: 3 })).not.toBe(legacyVersionId(a));
  });

  it('gives way to an explicit id', () => {
    expect(versionIdOf({ ...DEFAULT_INSTRUMENT, versionId: 'abc' })).toBe('abc');
    expect(instrumentSnapshot(DEFAULT_INSTRUMENT).versionId).toBe(PINNED_DEFAULT_ID);
  });
});

describe('the newest version of a questionnaire', () => {
  it('is the latest saved, a snapshot without a save time counting as older, then the highest number', () => {
    const v2 = { ...DEFAULT_INSTRUMENT, version: 2, savedAt: '2026-11-01T00:00:00.000Z' };
    const v3 = { ...DEFAULT_INSTRUMENT, version: 3, savedAt: '2026-12-01T00:00:00.000Z' };
    const other = { ...DEFAULT_INSTRUMENT, id: 'other', version: 9, savedAt: '2027-01-01T00:00:00.000Z' };
    expect(newestVersionOf(DEFAULT_INSTRUMENT.id, [v3, DEFAULT_INSTRUMENT, v2, other])).toBe(v3);
    // A version saved on another device with a lower number but later is still the newest.
    const laterLower = { ...DEFAULT_INSTRUMENT, version: 2, savedAt: '2027-02-01T00:00:00.000Z' };
    expect(newestVersionOf(DEFAULT_INSTRUMENT.id, [v3, laterLower])).toBe(laterLower);
    expect(newestVersionOf(DEFAULT_INSTRUMENT.id, [DEFAULT_INSTRUMENT, { ...DEFAULT_INSTRUMENT, version: 2 }])?.version).toBe(2);
    expect(newestVersionOf('missing', [v2])).toBeNull();
  });
});

describe('the instrument library (IndexedDB)', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('gives every saved version a new global id, numbered above what the device knows', async () => {
    const first = await saveInstrumentVersion(edited('Een'), { id: DEFAULT_INSTRUMENT.id, version: 1 }, new Date('2026-12-01T10:00:00.000Z'));
    const second = await saveInstrumentVersion({ ...first, versionName: '  Voorjaar  ' }, { id: first.id, version: first.version, versionId: first.versionId }, new Date('2026-12-02T10:00:00.000Z'));
    expect(first.version).toBe(2);
    expect(second.version).toBe(3);
    expect(first.versionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.versionId).not.toBe(first.versionId);
    expect(second.versionName).toBe('Voorjaar');
    expect(first.versionName).toBeUndefined();
    expect((await listInstrumentVersions()).map((v) => v.versionId)).toEqual([second.versionId, first.versionId]);
    expect(await getInstrumentVersion(first.versionId)).toMatchObject({ version: 2, savedAt: '2026-12-01T10:00:00.000Z' });
    expect(await getInstrumentVersion('nope')).toBeNull();
  });

  it('renames a version in the library and in every scan that uses it, and a blank name returns to the number', async () => {
    const saved = await saveInstrumentVersion(edited('Een'), null);
    const scan = { id: 's1', title: 'S', date: '2026-12-01', settings: { minGroupSize: 3, gapThreshold: 1, askLevel: false }, instrument: structuredClone(DEFAULT_INSTRUMENT), organisations: [{ id: 'p', name: 'P' }], status: 'open' as const, isDemo: false, createdAt: '2026-12-01T00:00:00.000Z' };
    await db.scans.add(scan);
    expect(await applyInstrumentToScan('s1', saved)).toBe(true);
    expect((await db.scans.get('s1'))?.instrument).toMatchObject({ versionId: saved.versionId, version: saved.version });
    expect((await db.scans.get('s1'))?.instrument).not.toHaveProperty('savedAt');

    await renameInstrumentVersion(saved.versionId, ' Najaar 2027 ');
    expect((await getInstrumentVersion(saved.versionId))?.versionName).toBe('Najaar 2027');
    expect((await db.scans.get('s1'))?.instrument.versionName).toBe('Najaar 2027');
    await renameInstrumentVersion(saved.versionId, '   ');
    expect(await getInstrumentVersion(saved.versionId)).not.toHaveProperty('versionName');
    expect((await db.scans.get('s1'))?.instrument).not.toHaveProperty('versionName');
    await expect(renameInstrumentVersion('nope', 'x')).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it('lists each starting point once, recognised by its version id', async () => {
    const saved = await saveInstrumentVersion(edited('Een'), null);
    const scan = { id: 's1', title: 'S', date: '2026-12-01', settings: { minGroupSize: 3, gapThreshold: 1, askLevel: false }, instrument: instrumentSnapshot(saved), organisations: [{ id: 'p', name: 'P' }], status: 'open' as const, isDemo: false, createdAt: '2026-12-01T00:00:00.000Z' };
    await db.scans.add(scan);
    await db.scans.add({ ...scan, id: 's2', instrument: structuredClone(DEFAULT_INSTRUMENT) });
    expect((await listStartingPoints()).map(versionIdOf)).toEqual([PINNED_DEFAULT_ID, saved.versionId]);
  });

  it('keeps, replaces and forgets an editor draft by key', async () => {
    expect(await loadEditorDraft('k')).toBeNull();
    await saveEditorDraft('k', { a: 1 }, new Date('2026-12-01T00:00:00.000Z'));
    await saveEditorDraft('k', { a: 2 }, new Date('2026-12-01T00:01:00.000Z'));
    expect(await loadEditorDraft('k')).toEqual({ key: 'k', value: { a: 2 }, updatedAt: '2026-12-01T00:01:00.000Z' });
    await deleteEditorDraft('k');
    expect(await loadEditorDraft('k')).toBeNull();
  });
});

const PINNED_DEFAULT_ID = 'legacy-3749c75fae11ef94';
