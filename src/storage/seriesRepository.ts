import { createNextRound } from '../domain/rounds/nextRound';
import { newestVersionOf } from '../domain/instrument/versions';
import { checkStoredInstrument } from '../domain/instrument/storedInstrument';
import { makeUuid } from '../domain/ids';
import { checkStoredScan, keepReadable } from '../domain/storedRecords';
import type { Instrument, Scan } from '../domain/types';
import { db } from './db';
import { RecordNotFoundError } from './errors';
import { submittedInTally, type TallyRecord } from '../domain/tallyRecord';
import { loadScanTally } from './tallyRepository';

// Rounds of a repeated scan (docs/instrument-and-rounds.md): scans that share `series.id`.

/** The rounds of a series, in round order, with their submitted counts. */
export async function listRounds(seriesId: string): Promise<{ scan: Scan; submitted: number }[]> {
  const scans = keepReadable(await db.scans.toArray(), checkStoredScan).rows.filter((s) => s.series?.id === seriesId);
  scans.sort((a, b) => (a.series?.round ?? 0) - (b.series?.round ?? 0) || a.date.localeCompare(b.date));
  return Promise.all(
    scans.map(async (scan) => ({ scan, submitted: await db.responses.where('[scanId+status]').equals([scan.id, 'submitted']).count() })),
  );
}

/**
 * A scan and its stored tally, for comparing rounds and groups: every figure of a comparison is
 * a count (Mann–Whitney included, mannWhitney.ts), so no response is read (docs/scale.md).
 */
export async function loadRound(scanId: string): Promise<{ scan: Scan; tally: TallyRecord; submitted: number } | null> {
  const scan = checkStoredScan(await db.scans.get(scanId));
  if (!scan.ok) return null;
  const tally = await loadScanTally(scanId);
  return { scan: scan.value, tally, submitted: submittedInTally(tally) };
}

/**
 * Makes `scanId` the next round after `previousId`: the previous scan starts a series when it
 * had none, and this scan gets the round after the series' last one. A scan in another series
 * leaves it.
 */
export async function linkAsNextRound(scanId: string, previousId: string): Promise<void> {
  await db.transaction('rw', db.scans, async () => {
    const previous = await db.scans.get(previousId);
    if (!previous) throw new RecordNotFoundError('scan', previousId);
    let series = previous.series;
    if (!series) {
      series = { id: makeUuid(), round: 1 };
      await db.scans.update(previousId, { series });
    }
    const seriesId = series.id;
    const rounds = await db.scans.filter((s) => s.series?.id === seriesId && s.id !== scanId).toArray();
    const round = Math.max(...rounds.map((s) => s.series?.round ?? 0)) + 1;
    if ((await db.scans.update(scanId, { series: { id: seriesId, round } })) === 0) throw new RecordNotFoundError('scan', scanId);
  });
}

/** Takes a scan out of its series; the other rounds keep their numbers. */
export async function leaveSeries(scanId: string): Promise<void> {
  if ((await db.scans.update(scanId, { series: undefined })) === 0) throw new RecordNotFoundError('scan', scanId);
}

/** Whose set-up a next round copies: the series' latest round (the default), or this one. */
export type SetupSource = 'latest' | 'this';

/**
 * Copies a round's set-up (partners, settings) as the next round of its series, starting the
 * series when it has none, numbered after the series' latest round whichever round is copied.
 * The set-up copied is the latest round's unless `setupFrom` is 'this'. The new round runs the
 * newest version of the copied round's questionnaire on this device (library and every scan's
 * snapshot, same lineage id), so a version saved "for the next round" from an answered scan is
 * the one it runs (docs/instrument-and-rounds.md, "Repeating the scan"). The exit PIN is
 * device-local and not copied. Returns the new scan's id and the version it got.
 */
export async function addNextRound(scanId: string, date: string, options: { setupFrom?: SetupSource; now?: Date } = {}): Promise<{ id: string; instrument: Instrument }> {
  const now = options.now ?? new Date();
  return db.transaction('rw', db.scans, db.instrumentVersions, async () => {
    const checked = checkStoredScan(await db.scans.get(scanId));
    if (!checked.ok) throw new RecordNotFoundError('scan', scanId);
    const scans = keepReadable(await db.scans.toArray(), checkStoredScan).rows;
    let series = checked.value.series;
    if (!series) {
      series = { id: makeUuid(), round: 1 };
      await db.scans.update(scanId, { series });
    }
    const seriesId = series.id;
    const rounds = scans.filter((s) => s.series?.id === seriesId && s.id !== scanId).concat({ ...checked.value, series });
    rounds.sort((a, b) => (b.series?.round ?? 0) - (a.series?.round ?? 0) || b.date.localeCompare(a.date));
    const latest = rounds[0] ?? checked.value;
    const source = options.setupFrom === 'this' ? checked.value : latest;
    const round = (latest.series?.round ?? series.round) + 1;
    const library = keepReadable(await db.instrumentVersions.toArray(), checkStoredInstrument).rows;
    const instrument = newestVersionOf<Instrument & { savedAt?: string }>(source.instrument.id, [...library, ...scans.map((s) => s.instrument)]) ?? source.instrument;
    const next = createNextRound(source, { id: makeUuid(), series: { id: seriesId, round }, date, now, instrument });
    await db.scans.add(next);
    return { id: next.id, instrument: next.instrument };
  });
}

/**
 * The round just before this scan in its series (the highest round number below its own), or
 * null for a scan in no series or the first round: the round whose agreements this one follows
 * up (docs/agreements.md, "Follow-up in the next round").
 */
export async function findPreviousRound(scanId: string): Promise<Scan | null> {
  const checked = checkStoredScan(await db.scans.get(scanId));
  if (!checked.ok || !checked.value.series) return null;
  const { id: seriesId, round } = checked.value.series;
  const earlier = keepReadable(await db.scans.toArray(), checkStoredScan).rows.filter((s) => s.id !== scanId && s.series?.id === seriesId && s.series.round < round);
  earlier.sort((a, b) => (b.series?.round ?? 0) - (a.series?.round ?? 0) || b.date.localeCompare(a.date));
  return earlier[0] ?? null;
}
