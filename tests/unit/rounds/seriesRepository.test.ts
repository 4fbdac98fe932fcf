import { beforeEach, describe, expect, it } from 'vitest';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { DEFAULT_INSTRUMENT } from '../../../src/domain/instrument/defaultInstrument';
import { versionIdOf } from '../../../src/domain/instrument/versions';
import type { Instrument, Scan } from '../../../src/domain/types';
import { db } from '../../../src/storage/db';
import { saveInstrumentVersion } from '../../../src/storage/instrumentRepository';
import { addNextRound } from '../../../src/storage/seriesRepository';

// The next round of a series (docs/instrument-and-rounds.md, "Repeating the scan"): it runs the
// newest version of the copied round's questionnaire, copies the latest round's set-up unless
// told otherwise, and is numbered after the latest round.

const NOW = new Date('2027-04-20T10:00:00.000Z');
const base = generateDemoScan({ now: new Date('2026-11-22T09:00:00.000Z') }).scan;
const scan = (id: string, round: number, extra: Partial<Scan> = {}): Scan => ({ ...structuredClone(base), id, title: `Workshop — ronde ${round}`, isDemo: false, series: { id: 'series', round }, ...extra });
const edited = (text: string): Instrument => ({ ...structuredClone(DEFAULT_INSTRUMENT), items: DEFAULT_INSTRUMENT.items.map((item, i) => (i === 0 ? { ...item, text: { nl: text, en: text } } : item)) });

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('the next round', () => {
  it('runs the newest saved version of the questionnaire, not the copied round\'s own', async () => {
    await db.scans.add(scan('r1', 1));
    const older = await saveInstrumentVersion({ ...edited('Oud'), versionName: 'Voorjaar' }, null, new Date('2027-01-01T00:00:00.000Z'));
    const newest = await saveInstrumentVersion({ ...edited('Nieuw'), versionName: 'Najaar' }, null, new Date('2027-03-01T00:00:00.000Z'));
    expect(versionIdOf(base.instrument)).not.toBe(newest.versionId);
    const made = await addNextRound('r1', '2027-05-01', { now: NOW });
    const stored = await db.scans.get(made.id);
    expect(stored?.instrument.versionId).toBe(newest.versionId);
    expect(stored?.instrument.versionName).toBe('Najaar');
    expect(stored?.instrument.items[0]?.text.nl).toBe('Nieuw');
    expect(made.instrument.versionId).toBe(newest.versionId);
    // What a scan holds: no library bookkeeping.
    expect(stored?.instrument).not.toHaveProperty('savedAt');
    expect(stored?.instrument).not.toHaveProperty('basedOn');
    expect(older.versionId).not.toBe(newest.versionId);
  });

  it('keeps the round\'s own version when no newer one of its questionnaire exists', async () => {
    await db.scans.add(scan('r1', 1));
    // A version of another questionnaire does not count.
    await saveInstrumentVersion({ ...edited('Ander'), id: 'other-questionnaire' }, null, new Date('2027-03-01T00:00:00.000Z'));
    const made = await addNextRound('r1', '2027-05-01', { now: NOW });
    expect(versionIdOf((await db.scans.get(made.id))!.instrument)).toBe(versionIdOf(base.instrument));
  });

  it('copies the latest round\'s set-up by default, this round\'s on request, and is numbered after the latest either way', async () => {
    const latestPartners = base.organisations.slice(0, 3);
    await db.scans.bulkAdd([scan('r1', 1), scan('r2', 2, { organisations: latestPartners, settings: { ...base.settings, minGroupSize: 5 } })]);
    const fromLatest = await addNextRound('r1', '2027-05-01', { now: NOW });
    const a = (await db.scans.get(fromLatest.id))!;
    expect(a.series).toEqual({ id: 'series', round: 3 });
    expect(a.organisations).toEqual(latestPartners);
    expect(a.settings.minGroupSize).toBe(5);
    expect(a.title).toBe('Workshop — ronde 3');

    const fromThis = await addNextRound('r1', '2027-06-01', { now: NOW, setupFrom: 'this' });
    const b = (await db.scans.get(fromThis.id))!;
    expect(b.series).toEqual({ id: 'series', round: 4 });
    expect(b.organisations).toEqual(base.organisations);
    expect(b.settings.minGroupSize).toBe(base.settings.minGroupSize);
  });

  it('starts a series for a scan in none, as round 2', async () => {
    await db.scans.add(scan('solo', 1, { series: undefined }));
    const made = await addNextRound('solo', '2027-05-01', { now: NOW });
    const first = (await db.scans.get('solo'))!;
    expect(first.series?.round).toBe(1);
    expect((await db.scans.get(made.id))!.series).toEqual({ id: first.series?.id, round: 2 });
  });
});
