import { DEFAULT_INSTRUMENT } from '../instrument/defaultInstrument';
import { instrumentSnapshot, SNAPSHOT_SAVED_AT, versionIdOf, type InstrumentRecord } from '../instrument/versions';
import type { Instrument } from '../types';
import { normaliseTimestamp } from './timestamps';
import type { ExchangeInstrumentV1, ExchangeInstrumentVersionV1 } from './types';

// Questionnaire versions in files (docs/exchange-format.md, "Questionnaire versions"): which
// versions an export carries, and the library row a version of a file becomes on import.

// SNAPSHOT_SAVED_AT: a snapshot's place before every real save (domain/instrument/versions.ts).
export { SNAPSHOT_SAVED_AT };

let builtInId: string | undefined;
/** The app's built-in questionnaire is on every device: never written to, or added from, a file's versions. */
export function isBuiltInVersion(instrument: Instrument): boolean {
  builtInId ??= versionIdOf(DEFAULT_INSTRUMENT);
  return versionIdOf(instrument) === builtInId;
}

/** A version known only from a scan's snapshot, as a library row: its id made explicit, not based on a known version. */
export function recordFromSnapshot(instrument: Instrument): InstrumentRecord {
  const snapshot = instrumentSnapshot(instrument);
  return { ...snapshot, versionId: versionIdOf(instrument), savedAt: SNAPSHOT_SAVED_AT, basedOn: null };
}

/**
 * The versions an export carries: the library's rows and the versions known only from scans'
 * snapshots (built-in questionnaire excepted), of the given questionnaires (all when absent);
 * once each by version id, a library row before a snapshot; by questionnaire, number, save time.
 */
export function versionsForExport(library: readonly InstrumentRecord[], scanInstruments: readonly Instrument[], lineageIds?: ReadonlySet<string>): InstrumentRecord[] {
  const byId = new Map<string, InstrumentRecord>();
  const wanted = (instrument: Instrument) => lineageIds === undefined || lineageIds.has(instrument.id);
  for (const record of library) if (wanted(record) && !byId.has(record.versionId)) byId.set(record.versionId, record);
  for (const instrument of scanInstruments) {
    if (!wanted(instrument) || isBuiltInVersion(instrument)) continue;
    const id = versionIdOf(instrument);
    if (!byId.has(id)) byId.set(id, recordFromSnapshot(instrument));
  }
  return [...byId.values()].sort(
    (a, b) => compareText(a.id, b.id) || a.version - b.version || compareText(a.savedAt, b.savedAt) || compareText(a.versionId, b.versionId),
  );
}

/** A file's saved version as the library row it becomes: id, number, name, save time and origin as in the file. */
export function toStoredInstrumentVersion(version: ExchangeInstrumentVersionV1): InstrumentRecord {
  const record: InstrumentRecord = {
    ...toInstrument(version),
    versionId: version.versionId,
    savedAt: normaliseTimestamp(version.savedAt),
    basedOn: version.basedOn && { id: version.basedOn.id, version: version.basedOn.version, ...(version.basedOn.versionId !== undefined ? { versionId: version.basedOn.versionId } : {}) },
  };
  return record;
}

/** A file's instrument as the domain holds it (fresh objects, absent fields left absent). */
export function toInstrument(instrument: ExchangeInstrumentV1): Instrument {
  const { id, version, versionId, versionName, title, dimensions, items } = instrument;
  return structuredClone({
    id,
    version,
    ...(versionId !== undefined ? { versionId } : {}),
    ...(versionName !== undefined ? { versionName } : {}),
    title,
    dimensions,
    items,
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
