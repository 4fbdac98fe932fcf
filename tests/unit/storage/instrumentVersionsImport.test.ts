import { beforeEach, describe, expect, it } from 'vitest';
import { buildExchangeFile, finaliseImport, parseExchangeFile, planImport, serialiseExchangeFile, type ExchangeFileV1 } from '../../../src/domain/exchange';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import { instrumentSnapshot } from '../../../src/domain/instrument/versions';
import type { Scan } from '../../../src/domain/types';
import { db } from '../../../src/storage/db';
import { applyImport, loadExistingForImport, loadInstrumentVersionsForExport } from '../../../src/storage/exchangeRepository';
import { listInstrumentVersions, renameInstrumentVersion, saveInstrumentVersion } from '../../../src/storage/instrumentRepository';
import { SMALL_SCAN } from '../../fixtures/exchange/smallScan';

// Questionnaire versions through IndexedDB (docs/exchange-format.md, "Questionnaire versions"):
// written in the import's one transaction, recognised by their id.

const NOW = new Date('2026-12-07T10:00:00.000Z');

function reworded(): ReturnType<typeof copyDefaultInstrument> {
  const instrument = copyDefaultInstrument();
  instrument.items[0] = { ...instrument.items[0]!, text: { nl: 'Wij delen een doel.', en: 'We share a goal.' } };
  return instrument;
}

async function importFile(file: ExchangeFileV1) {
  const parsed = parseExchangeFile(serialiseExchangeFile(file));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const plan = planImport(await loadExistingForImport([parsed.file]), [parsed.file], { now: NOW });
  await applyImport(finaliseImport(plan));
  return plan;
}

/** What device A exports: its library, as a questionnaire file. */
async function exportFromA(): Promise<ExchangeFileV1> {
  const v2 = await saveInstrumentVersion({ ...reworded(), versionName: 'Voorjaar' }, { id: SMALL_SCAN.instrument.id, version: 1 }, new Date('2026-12-01T09:00:00.000Z'));
  const v3 = await saveInstrumentVersion({ ...reworded(), title: { nl: 'Ketenscan jeugd', en: 'Youth' } }, { id: v2.id, version: v2.version, versionId: v2.versionId }, new Date('2026-12-02T09:00:00.000Z'));
  const { versions } = await loadInstrumentVersionsForExport([v2.id]);
  expect(versions.map((v) => v.versionId)).toEqual([v2.versionId, v3.versionId]);
  const file = buildExchangeFile([], NOW, 'test', { instrumentVersions: versions });
  await db.delete();
  await db.open();
  return file;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('importing questionnaire versions', () => {
  it('adds them with id, number, name, save time and origin; a second import adds nothing; the device keeps its own name', async () => {
    const file = await exportFromA();
    const first = await importFile(file);
    expect(first.totals).toMatchObject({ versionsToAdd: 2, versionsKept: 0 });
    const stored = await listInstrumentVersions();
    expect(stored.map((v) => [v.versionId, v.version, v.versionName, v.savedAt])).toEqual(
      file.instrumentVersions!.map((v) => [v.versionId, v.version, v.versionName, v.savedAt]).reverse(),
    );
    await renameInstrumentVersion(stored[1]!.versionId, 'Hier anders genoemd');
    const again = await importFile(file);
    expect(again.totals).toMatchObject({ versionsToAdd: 0, versionsKept: 2 });
    expect(await db.instrumentVersions.count()).toBe(2);
    expect((await db.instrumentVersions.get(stored[1]!.versionId))?.versionName).toBe('Hier anders genoemd');
    // The next save on this device numbers above the imported versions.
    expect((await saveInstrumentVersion(reworded(), null, NOW)).version).toBe(4);
  });

  it('writes nothing, no version either, when the transaction fails half-way', async () => {
    const file = await exportFromA();
    const scan: Scan = { ...structuredClone(SMALL_SCAN), instrument: instrumentSnapshot(file.instrumentVersions![0]!) };
    const withScan = buildExchangeFile([{ scan, responses: [] }], NOW, 'test', { instrumentVersions: [] });
    withScan.instrumentVersions = file.instrumentVersions;
    const parsed = parseExchangeFile(serialiseExchangeFile(withScan));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const writes = finaliseImport(planImport(await loadExistingForImport([parsed.file]), [parsed.file], { now: NOW }));
    expect(writes.versionsToAdd).toHaveLength(2);
    // The second version is broken (no key): the scan and the first version were written before it fails.
    const broken = { ...writes, versionsToAdd: [writes.versionsToAdd![0]!, { ...writes.versionsToAdd![1]!, versionId: undefined as unknown as string }] };
    await expect(applyImport(broken)).rejects.toThrow();
    expect(await db.scans.count()).toBe(0);
    expect(await db.instrumentVersions.count()).toBe(0);
    await applyImport(writes);
    expect(await db.scans.count()).toBe(1);
    expect(await db.instrumentVersions.count()).toBe(2);
  });

  it("adds a scan's version that the library lacks, so the device never reuses its number", async () => {
    const instrument = { ...instrumentSnapshot({ ...reworded(), version: 7, versionId: 'elders-7' }) };
    const scan: Scan = { ...structuredClone(SMALL_SCAN), instrument };
    const plan = await importFile(buildExchangeFile([{ scan, responses: [] }], NOW, 'test'));
    expect(plan.totals).toMatchObject({ versionsToAdd: 1 });
    expect((await db.instrumentVersions.get('elders-7'))?.version).toBe(7);
    expect((await saveInstrumentVersion(reworded(), null, NOW)).version).toBe(8);
  });
});

describe('exports carry versions', () => {
  it('the versions of the chosen questionnaires, including one known only from a scan', async () => {
    const v2 = await saveInstrumentVersion(reworded(), null, new Date('2026-12-01T09:00:00.000Z'));
    await db.scans.add({ ...structuredClone(SMALL_SCAN), instrument: instrumentSnapshot({ ...reworded(), version: 5, versionId: 'alleen-in-scan' }) });
    const all = await loadInstrumentVersionsForExport();
    expect(all.versions.map((v) => v.versionId)).toEqual([v2.versionId, 'alleen-in-scan']);
    expect((await loadInstrumentVersionsForExport(['een-andere-vragenlijst'])).versions).toEqual([]);
  });
});
