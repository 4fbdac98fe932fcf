import { beforeEach, describe, expect, it } from 'vitest';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { buildScan } from '../../fixtures/buildScan';
import type { Response } from '../../../src/domain/types';
import { LAST_BACKUP_AT, lastExportKey, readBackupStatus, recordJsonExport } from '../../../src/storage/backupRecord';
import { db } from '../../../src/storage/db';

const demo = generateDemoScan({ now: new Date('2026-11-22T09:00:00Z') });
const scanA = buildScan({ id: 'scan-a' }, demo.scan);
const scanB = buildScan({ id: 'scan-b' }, demo.scan);

function response(scanId: string, n: number, submittedAt: string | null): Response {
  const base = structuredClone(demo.responses[0]!);
  return { ...base, id: `${scanId}-${n}`, scanId, status: submittedAt ? 'submitted' : 'draft', submittedAt };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.scans.bulkAdd([structuredClone(demo.scan), scanA, scanB]);
  await db.responses.bulkAdd(structuredClone(demo.responses));
});

describe('backup reminder rule', () => {
  it('never counts the demo, and nothing is due on a device with only the demo', async () => {
    expect(await readBackupStatus()).toEqual({ lastBackupAt: null, unsavedResponses: 0, unsavedScans: 0 });
  });

  it('counts submitted responses of real scans when there was never a backup; drafts do not count', async () => {
    await db.responses.bulkAdd([response('scan-a', 1, '2026-11-22T10:00:00Z'), response('scan-a', 2, '2026-11-22T10:05:00Z'), response('scan-b', 1, null)]);
    expect(await readBackupStatus()).toEqual({ lastBackupAt: null, unsavedResponses: 2, unsavedScans: 1 });
    expect((await readBackupStatus('scan-b')).unsavedResponses).toBe(0);
  });

  it('a full backup covers everything submitted before it, not what comes after', async () => {
    await db.responses.bulkAdd([response('scan-a', 1, '2026-11-22T10:00:00Z'), response('scan-b', 1, '2026-11-22T10:10:00Z')]);
    await recordJsonExport(undefined, new Date('2026-11-22T11:00:00Z'));
    expect((await db.meta.get(LAST_BACKUP_AT))?.value).toBe('2026-11-22T11:00:00.000Z');
    expect(await readBackupStatus()).toEqual({ lastBackupAt: '2026-11-22T11:00:00.000Z', unsavedResponses: 0, unsavedScans: 0 });
    await db.responses.add(response('scan-b', 2, '2026-11-22T11:30:00Z'));
    expect(await readBackupStatus()).toMatchObject({ unsavedResponses: 1, unsavedScans: 1 });
  });

  it('a JSON export of one scan covers that scan only', async () => {
    await db.responses.bulkAdd([response('scan-a', 1, '2026-11-22T10:00:00Z'), response('scan-b', 1, '2026-11-22T10:10:00Z')]);
    await recordJsonExport(['scan-a'], new Date('2026-11-22T11:00:00Z'));
    expect((await db.meta.get(lastExportKey('scan-a')))?.value).toBe('2026-11-22T11:00:00.000Z');
    expect(await readBackupStatus()).toEqual({ lastBackupAt: null, unsavedResponses: 1, unsavedScans: 1 });
    expect((await readBackupStatus('scan-a')).unsavedResponses).toBe(0);
  });
});
