import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyseScan } from '../../../src/domain/analysis';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { buildScan } from '../../fixtures/buildScan';
import { buildExchangeFile, buildSingleResponseFile, encodeResponseHandoff, finaliseImport, planImport, serialiseExchangeFile, type ImportWrites } from '../../../src/domain/exchange';
import type { SubmittedResponse } from '../../../src/domain/types';
import { readImportSources, type ImportSource } from '../../../src/features/exchange/readSources';
import { db } from '../../../src/storage/db';
import { applyImport, loadExistingForImport, loadScansForExport } from '../../../src/storage/exchangeRepository';

const BAD = 'tests/fixtures/bad-imports';
// Accepted on purpose (see the README there): a UTF-8 BOM, UTF-16 with a BOM, HTML kept as text.
const ACCEPTED = new Set(['utf8-bom.json', 'utf16le-bom.json', 'html-in-text.json']);
const now = new Date('2026-11-22T09:00:00.000Z');

async function dumpAll() {
  return { scans: await db.scans.toArray(), responses: await db.responses.toArray(), meta: await db.meta.toArray() };
}

/** The import page's pipeline without the clicks: read, plan against the database, write. */
async function importSources(sources: ImportSource[]) {
  const outcome = await readImportSources(sources);
  if (!outcome.ok) return outcome;
  const plan = planImport(await loadExistingForImport(outcome.files), outcome.files, { now });
  const writes = finaliseImport(plan);
  await applyImport(writes);
  return { ok: true as const, plan, writes };
}

const demo = generateDemoScan({ now });
const submitted = demo.responses as SubmittedResponse[];

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.scans.add(structuredClone(demo.scan));
  await db.responses.bulkAdd(structuredClone(demo.responses.slice(0, 5)));
  await db.meta.put({ key: 'demoSeeded', value: true });
});

describe('importing bad files changes nothing', () => {
  const files = readdirSync(BAD).filter((f) => f.endsWith('.json') && !ACCEPTED.has(f));

  it('has the bad files the issue asks for', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of files) {
    it(`refuses ${name} with a message naming the file, and the database stays as it was`, async () => {
      const before = await dumpAll();
      const bytes = readFileSync(join(BAD, name));
      const outcome = await importSources([{ label: name, content: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }]);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.problems[0]?.error.fileNumber).toBe(1);
      expect(await dumpAll()).toEqual(before);
    });
  }

  it('refuses the whole import when one of several files is bad', async () => {
    const before = await dumpAll();
    const good = serialiseExchangeFile(buildExchangeFile([{ scan: demo.scan, responses: submitted.slice(5, 10) }], now, 'test'));
    const outcome = await importSources([
      { label: 'good.json', content: good },
      { label: 'bad.json', content: readFileSync(join(BAD, 'answer-6.json'), 'utf8') },
    ]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.map((p) => p.error.fileNumber)).toEqual([2]);
    expect(await dumpAll()).toEqual(before);
  });

  it('writes nothing when the transaction fails half-way', async () => {
    const before = await dumpAll();
    const writes: ImportWrites = {
      scansToAdd: [buildScan({ id: '11111111-1111-4111-8111-111111111111' }, demo.scan)],
      scansToUpdate: [],
      // The second response already exists: bulkAdd fails after the scan was added.
      responsesToAdd: [{ ...submitted[10]!, scanId: '11111111-1111-4111-8111-111111111111' }, submitted[0]!],
      responsesToReplace: [],
      agreementsToPut: [],
      votesToPut: [],
    };
    await expect(applyImport(writes)).rejects.toThrow();
    expect(await dumpAll()).toEqual(before);
  });
});

describe('merging devices', () => {
  it('files from several devices give the same figures as answering on one device', async () => {
    // Three devices: each sends its own responses; one also sends a QR hand-off.
    const devices = [submitted.slice(5, 12), submitted.slice(12, 20), submitted.slice(20)];
    const sources: ImportSource[] = devices.map((responses, i) => ({
      label: `device-${i + 1}.json`,
      content: serialiseExchangeFile(buildExchangeFile([{ scan: demo.scan, responses }], now, 'test')),
    }));
    const outcome = await importSources(sources);
    expect(outcome.ok).toBe(true);
    const {
      scans: [stored],
      unreadable,
    } = await loadScansForExport([demo.scan.id]);
    expect(unreadable).toBe(0);
    expect(stored!.responses).toHaveLength(submitted.length);
    const settings = demo.scan.settings;
    const merged = analyseScan({ instrument: demo.scan.instrument, organisations: demo.scan.organisations, responses: stored!.responses, settings });
    const single = analyseScan({ instrument: demo.scan.instrument, organisations: demo.scan.organisations, responses: demo.responses, settings });
    expect(merged).toEqual(single);
  });

  it('a second import of the same files adds nothing (duplicates are skipped)', async () => {
    const file = serialiseExchangeFile(buildExchangeFile([{ scan: demo.scan, responses: submitted }], now, 'test'));
    await importSources([{ label: 'a.json', content: file }]);
    const before = await dumpAll();
    const again = await importSources([{ label: 'a.json', content: file }]);
    expect(again.ok && again.plan.totals.duplicates).toBe(submitted.length);
    expect(await dumpAll()).toEqual(before);
  });

  it('a QR hand-off text and a one-response file each add that response', async () => {
    const response = submitted[7]!;
    const qr = encodeResponseHandoff(demo.scan, response);
    const viaQr = await importSources([{ label: 'QR', content: qr.text }]);
    expect(viaQr.ok && viaQr.writes.responsesToAdd.map((r) => r.id)).toEqual([response.id]);
    const stored = await db.responses.get(response.id);
    expect(stored?.answers).toEqual(response.answers);
    const file = serialiseExchangeFile(buildSingleResponseFile(demo.scan, submitted[8]!, now, 'test'));
    const viaFile = await importSources([{ label: 'r.json', content: file }]);
    expect(viaFile.ok && viaFile.writes.responsesToAdd).toHaveLength(1);
  });
});
