import { beforeEach, describe, expect, it } from 'vitest';
import { analyseScan } from '../../../src/domain/analysis';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { createDraftResponse, createScan } from '../../../src/domain/scan';
import { db } from '../../../src/storage/db';
import { loadScansForExport } from '../../../src/storage/exchangeRepository';
import { getResponse, listDrafts, listSubmittedResponses } from '../../../src/storage/responseRepository';
import { getScan, listScanResponses, listScans } from '../../../src/storage/scanRepository';
import { listScanSummaries } from '../../../src/storage/scanSummaries';
import { rebuildTallies } from '../../../src/storage/tallyCheck';

// The storage reads behind the scan list, the scan page, the results and the export skip rows
// that cannot be read and say how many (docs/storage-and-migrations.md, "Corrupt rows").

const now = new Date('2026-11-22T10:00:00.000Z');
const demo = generateDemoScan({ now });
const other = createScan({ id: '00000000-0000-4000-8000-0000000000aa', title: 'Andere scan', date: '2026-11-21', organisationNames: ['Politie', 'Gemeente'], now: new Date('2026-11-21T10:00:00.000Z') });
const CORRUPT_SCAN_ID = '00000000-0000-4000-8000-0000000000bb';
const CORRUPT_RESPONSE_ID = '00000000-0000-4000-8000-0000000000cc';

// Damaged rows go in through the untyped table API, as a disk fault or a hand edit would leave them.
async function storeCorruptRows() {
  await db.table('responses').put({ ...demo.responses[0]!, id: CORRUPT_RESPONSE_ID, answers: '{"q01":3}' });
  await db.table('scans').put({ ...other, id: CORRUPT_SCAN_ID, title: 'Kapot', instrument: undefined });
  await db.table('responses').put({ id: 'garbage', 0: 'ÿ' });
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.scans.bulkAdd([demo.scan, other]);
  await db.responses.bulkAdd(demo.responses);
  // Seeded around the repositories: their tallies are counted as "check the data" repairs them.
  await rebuildTallies([demo.scan.id, other.id]);
});

describe('reads with damaged rows in the database', () => {
  it('the scan list shows every readable scan with the right counts and reports 3 rows set aside', async () => {
    const before = await listScanSummaries();
    expect(before.unreadable).toBe(0);
    await storeCorruptRows();
    const after = await listScanSummaries();
    expect(after.unreadable).toBe(3);
    expect(after.summaries).toEqual(before.summaries);
    expect(after.summaries.map((s) => s.scan.id)).toEqual([demo.scan.id, other.id]);
    expect(after.summaries[0]!.counts).toEqual({ submitted: demo.responses.length, drafts: 0 });
    expect(await listScans()).toMatchObject({ unreadable: 1 });
  });

  it('a damaged scan is not found, a healthy one is', async () => {
    await storeCorruptRows();
    expect(await getScan(CORRUPT_SCAN_ID)).toBeUndefined();
    expect(await getScan(demo.scan.id)).toEqual(demo.scan);
  });

  it('the scan page and the results leave the damaged response out of every figure and count it', async () => {
    await storeCorruptRows();
    const page = await listScanResponses(demo.scan.id);
    expect(page.unreadable).toBe(1);
    expect(page.rows).toHaveLength(demo.responses.length);
    const results = await listSubmittedResponses(demo.scan.id);
    expect(results.unreadable).toBe(1);
    const input = { instrument: demo.scan.instrument, organisations: demo.scan.organisations, settings: demo.scan.settings };
    expect(analyseScan({ ...input, responses: results.rows })).toEqual(analyseScan({ ...input, responses: demo.responses }));
    expect(await listSubmittedResponses(other.id)).toEqual({ rows: [], unreadable: 0 });
    expect(await getResponse(CORRUPT_RESPONSE_ID)).toBeUndefined();
  });

  it('an export leaves damaged rows out of the file and counts them', async () => {
    await storeCorruptRows();
    const backup = await loadScansForExport();
    // The damaged scan and the damaged demo response; the garbage row belongs to no scan.
    expect(backup.unreadable).toBe(2);
    expect(backup.scans.map((s) => s.scan.id)).toEqual([other.id, demo.scan.id]);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...backup.scans[1]!.responses].sort(byId)).toEqual([...demo.responses].sort(byId));
    const chosen = await loadScansForExport([demo.scan.id, CORRUPT_SCAN_ID]);
    expect(chosen.unreadable).toBe(2);
    expect(chosen.scans.map((s) => s.scan.id)).toEqual([demo.scan.id]);
  });

  it('the unfinished questionnaires of a scan pass over a damaged draft', async () => {
    const good = createDraftResponse({ id: 'draft-good', scan: other, organisationId: 'politie', level: null, now: new Date('2026-11-22T09:00:00.000Z') });
    await db.responses.add(good);
    await db.table('responses').put({ ...good, id: 'draft-bad', startedAt: '2026-11-22T09:30:00.000Z', comments: 'kapot' });
    expect(await listDrafts(other.id)).toEqual([good]);
  });
});
