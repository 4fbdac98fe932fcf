import { beforeEach, describe, expect, it } from 'vitest';
import { buildExchangeFile, finaliseImport, parseExchangeFile, planImport, serialiseExchangeFile } from '../../../src/domain/exchange';
import { listAgreements, listVotes, setFollowUp } from '../../../src/storage/agreementRepository';
import { db } from '../../../src/storage/db';
import { applyImport, loadExistingForImport, loadScansForExport } from '../../../src/storage/exchangeRepository';
import { SMALL_AGREEMENTS, SMALL_VOTES } from '../../fixtures/exchange/roomRecords';
import { EXPORTED_AT, SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';

// Votes and agreements through IndexedDB: the import writes them in its one transaction, the
// export reads them back, and the merge rule protects a newer copy on the device.

const NOW = new Date('2026-12-01T00:00:00.000Z');
const fileText = () => serialiseExchangeFile(buildExchangeFile([{ scan: SMALL_SCAN, responses: SMALL_RESPONSES, votes: SMALL_VOTES, agreements: SMALL_AGREEMENTS }], EXPORTED_AT, 'test'));

async function importText(text: string) {
  const parsed = parseExchangeFile(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const plan = planImport(await loadExistingForImport([parsed.file]), [parsed.file], { now: NOW });
  await applyImport(finaliseImport(plan));
  return plan;
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('importing votes and agreements', () => {
  it('stores them with the scan, and a second import of the same file adds nothing', async () => {
    await importText(fileText());
    expect(ids((await listAgreements(SMALL_SCAN.id)).agreements)).toEqual(ids(SMALL_AGREEMENTS));
    expect(ids((await listVotes(SMALL_SCAN.id)).votes)).toEqual(ids(SMALL_VOTES));
    const again = await importText(fileText());
    expect(again.totals).toMatchObject({ agreementsToAdd: 0, agreementsKept: 3, votesToAdd: 0, votesKept: 2 });
    expect(await db.agreements.count()).toBe(3);
    expect(await db.votes.count()).toBe(2);
  });

  it('writes nothing, no agreement either, when the transaction fails half-way', async () => {
    const parsed = parseExchangeFile(fileText());
    if (!parsed.ok) throw new Error('fixture');
    const writes = finaliseImport(planImport(await loadExistingForImport([parsed.file]), [parsed.file], { now: NOW }));
    // The second of two identical new responses fails bulkAdd after scans and the first were written.
    const broken = { ...writes, responsesToAdd: [...writes.responsesToAdd, writes.responsesToAdd[0]!] };
    await expect(applyImport(broken)).rejects.toThrow();
    expect(await db.scans.count()).toBe(0);
    expect(await db.responses.count()).toBe(0);
    expect(await db.agreements.count()).toBe(0);
    expect(await db.votes.count()).toBe(0);
    // A failing agreement write takes the scan and responses with it too.
    const badAgreement = { ...writes, agreementsToPut: [...writes.agreementsToPut, { ...writes.agreementsToPut[0]!, id: undefined as unknown as string }] };
    await expect(applyImport(badAgreement)).rejects.toThrow();
    expect(await db.scans.count()).toBe(0);
    expect(await db.responses.count()).toBe(0);
    expect(await db.agreements.count()).toBe(0);
  });

  it('keeps a follow-up set on this device when an older file comes in', async () => {
    await importText(fileText());
    const target = SMALL_AGREEMENTS[0]!;
    await setFollowUp(target.id, { status: 'done', note: 'Loopt sinds januari.', judgedInScanId: SMALL_SCAN.id, updatedAt: '2027-06-01T10:00:00.000Z' }, new Date('2027-06-01T10:00:00.000Z'));
    await importText(fileText());
    const stored = (await listAgreements(SMALL_SCAN.id)).agreements.find((a) => a.id === target.id);
    expect(stored?.followUp).toMatchObject({ status: 'done', note: 'Loopt sinds januari.' });
  });

  it('exports what it stored: the file read back holds the same votes and agreements', async () => {
    await importText(fileText());
    const { scans, unreadable } = await loadScansForExport([SMALL_SCAN.id]);
    expect(unreadable).toBe(0);
    const exported = buildExchangeFile(scans, EXPORTED_AT, 'test');
    expect(serialiseExchangeFile(exported)).toBe(fileText());
  });
});
