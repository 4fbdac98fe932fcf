import { createNextRound } from '../domain/rounds/nextRound';
import { makeUuid } from '../domain/ids';
import { checkStoredScan, keepReadable } from '../domain/storedRecords';
import type { Scan } from '../domain/types';
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

/**
 * Copies a scan's set-up as the next round of its series (starting the series when it has none)
 * and returns the new scan's id. The exit PIN is device-local and not copied.
 */
export async function addNextRound(scanId: string, date: string, now: Date = new Date()): Promise<string> {
  return db.transaction('rw', db.scans, async () => {
    const checked = checkStoredScan(await db.scans.get(scanId));
    if (!checked.ok) throw new RecordNotFoundError('scan', scanId);
    const previous = checked.value;
    let series = previous.series;
    if (!series) {
      series = { id: makeUuid(), round: 1 };
      await db.scans.update(scanId, { series });
    }
    const seriesId = series.id;
    const rounds = await db.scans.filter((s) => s.series?.id === seriesId).toArray();
    const round = Math.max(...rounds.map((s) => s.series?.round ?? 0), series.round) + 1;
    const next = createNextRound(previous, { id: makeUuid(), series: { id: seriesId, round }, date, now });
    await db.scans.add(next);
    return next.id;
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
