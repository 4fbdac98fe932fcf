import { knownStatementIds, versionIdOf } from '../../domain/instrument/versions';
import type { Instrument } from '../../domain/types';
import { listInstrumentVersions, listStartingPoints } from '../../storage/instrumentRepository';
import { getScan, listScanResponses } from '../../storage/scanRepository';

/** What the editor needs to start from a version: the version and the ids its history used. */
export interface EditorStart {
  base: Instrument;
  knownIds: string[];
}

async function withHistory(base: Instrument): Promise<EditorStart> {
  const all = await listStartingPoints();
  return { base, knownIds: knownStatementIds(all, base.id) };
}

/**
 * A library version to edit, by its version id: numbers of one questionnaire can meet (two devices
 * that each saved a "versie 4" offline), ids never do. `#/instruments/<id>/<number>`, the address
 * before version ids, still opens the first version with that number.
 */
export async function loadLibraryStart(version: { versionId: string } | { id: string; version: number }): Promise<EditorStart | false> {
  const base = (await listStartingPoints()).find((i) => ('versionId' in version ? versionIdOf(i) === version.versionId : i.id === version.id && i.version === version.version));
  return base ? withHistory(base) : false;
}

export async function loadScanStart(scanId: string) {
  const scan = await getScan(scanId);
  if (!scan) return false as const;
  const responses = await listScanResponses(scanId);
  return { ...(await withHistory(scan.instrument)), scan, responseCount: responses.rows.length + responses.unreadable };
}

/** Every version on the device, once each by version id, with its library row when it has one. */
export async function loadLibrary() {
  const [versions, points] = await Promise.all([listInstrumentVersions(), listStartingPoints()]);
  const saved = new Map(versions.map((v) => [v.versionId, v]));
  return points
    .map((instrument) => ({ instrument, record: saved.get(versionIdOf(instrument)) ?? null }))
    .sort((a, b) => a.instrument.id.localeCompare(b.instrument.id) || b.instrument.version - a.instrument.version || (b.record?.savedAt ?? '').localeCompare(a.record?.savedAt ?? ''));
}
