import { checkStoredScan, type StoredRecordCheck } from '../storedRecords';
import { VERSION_NAME_MAX, type InstrumentRecord } from './versions';

// The library's rows are checked like every other stored row (docs/storage-and-migrations.md).
// The instrument rules are the ones a stored scan's instrument must meet; they are applied here by
// checking the row as the instrument of an otherwise valid scan, so storedRecords.ts (which is on
// the participant's route) does not grow by a single export for this director-only check.

const SHELL = {
  id: 'library',
  title: '',
  date: '2000-01-01',
  settings: { minGroupSize: 1, gapThreshold: 1, askLevel: false },
  organisations: [],
  status: 'closed',
  isDemo: false,
  createdAt: '2000-01-01T00:00:00.000Z',
};
const STORED_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isVersionName = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '' && value.length <= VERSION_NAME_MAX;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A saved instrument version of the library, or the first field that makes it unreadable. */
export function checkStoredInstrument(row: unknown): StoredRecordCheck<InstrumentRecord> {
  if (!isRecord(row)) return { ok: false, problem: 'not-an-object', field: '' };
  const asScan = checkStoredScan({ ...SHELL, instrument: row });
  if (!asScan.ok) return { ok: false, problem: asScan.problem, field: asScan.field.replace(/^instrument\.?/, '') || 'instrument' };
  if (typeof row.savedAt !== 'string' || !STORED_TIMESTAMP.test(row.savedAt) || Number.isNaN(Date.parse(row.savedAt))) return { ok: false, problem: 'invalid-field', field: 'savedAt' };
  if (typeof row.versionId !== 'string' || row.versionId.trim() === '') return { ok: false, problem: 'invalid-field', field: 'versionId' };
  if (row.versionName !== undefined && !isVersionName(row.versionName)) return { ok: false, problem: 'invalid-field', field: 'versionName' };
  const basedOn = row.basedOn;
  if (
    basedOn !== null &&
    !(isRecord(basedOn) && typeof basedOn.id === 'string' && basedOn.id.trim() !== '' && typeof basedOn.version === 'number' && (basedOn.versionId === undefined || typeof basedOn.versionId === 'string'))
  ) {
    return { ok: false, problem: 'invalid-field', field: 'basedOn' };
  }
  // The checks above establish every field InstrumentRecord declares.
  return { ok: true, value: row as unknown as InstrumentRecord };
}
