import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { buildExchangeFile } from '../../../src/domain/exchange';
import type { Response, SubmittedResponse } from '../../../src/domain/types';
import { db } from '../../../src/storage/db';
import { KEYED_LOOKUP_MAX_IDS, loadExistingForImport } from '../../../src/storage/exchangeRepository';
import { buildScan } from '../../fixtures/buildScan';

// An arriving live record carries one response: what the merge compares it with is read by that
// response's key, not by reading every response key stored on the device (docs/live-sessions.md
// "In the app"). Counted by the reads made, not timed.

const NOW = new Date('2026-11-30T09:00:00.000Z');
const demo = generateDemoScan({ now: NOW });
const scan = buildScan({ id: '0b6f1c9e-5d2a-4c1e-9a3b-7e8f9d0c1a2b' }, demo.scan);
const template = demo.responses.find((r): r is SubmittedResponse => r.status === 'submitted')!;

function responseNumbered(n: number): SubmittedResponse {
  return { ...structuredClone(template), id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, scanId: scan.id };
}

/** Many responses stored, far more than the keyed lookup reads. */
const STORED = KEYED_LOOKUP_MAX_IDS * 3;
const stored: Response[] = Array.from({ length: STORED }, (_, n) => responseNumbered(n));

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.scans.add(structuredClone(scan));
  await db.responses.bulkAdd(structuredClone(stored));
});

afterEach(() => vi.restoreAllMocks());

describe('what an arriving live record is compared with', () => {
  it('is read by the one response id: no read of every stored key', async () => {
    const keysRead = vi.spyOn(db.responses, 'toCollection');
    const byKey = vi.spyOn(db.responses, 'bulkGet');
    const present = stored[17] as SubmittedResponse;
    const existing = await loadExistingForImport([buildExchangeFile([{ scan, responses: [present] }], NOW, 'live')]);
    expect(keysRead).not.toHaveBeenCalled();
    expect(byKey).toHaveBeenCalledWith([present.id]);
    expect(existing.responses.map((r) => r.id)).toEqual([present.id]);
    expect(existing.scans.map((s) => s.id)).toEqual([scan.id]);

    const absent = responseNumbered(STORED + 1);
    const none = await loadExistingForImport([buildExchangeFile([{ scan, responses: [absent] }], NOW, 'live')]);
    expect(keysRead).not.toHaveBeenCalled();
    expect(byKey).toHaveBeenLastCalledWith([absent.id]);
    expect(none.responses).toEqual([]);
  });

  it('a large import still reads the stored keys once and then only the ids that are stored', async () => {
    const keysRead = vi.spyOn(db.responses, 'toCollection');
    const byKey = vi.spyOn(db.responses, 'bulkGet');
    const incoming = [...stored.slice(0, 5), ...Array.from({ length: KEYED_LOOKUP_MAX_IDS }, (_, n) => responseNumbered(STORED + n))] as SubmittedResponse[];
    const existing = await loadExistingForImport([buildExchangeFile([{ scan, responses: incoming }], NOW, 'file')]);
    expect(keysRead).toHaveBeenCalledTimes(1);
    expect(byKey).toHaveBeenCalledWith(stored.slice(0, 5).map((r) => r.id));
    expect(existing.responses.map((r) => r.id)).toEqual(stored.slice(0, 5).map((r) => r.id));
  });
});
