import { instrumentSnapshot } from '../instrument/versions';
import type { Instrument, Scan, ScanSeries } from '../types';

// The set-up of a scan copied for its next round (docs/instrument-and-rounds.md): same partners
// and settings, no answers, open, linked as the round after the series' last one. Its
// questionnaire is the one given (the newest version of the copied round's questionnaire, chosen
// by the caller with newestVersionOf), else the copied round's own.

const ROUND_SUFFIX = / — (ronde|round) \d+$/i;

/** "Workshop Zuid" → "Workshop Zuid — ronde 2"; an earlier round suffix is replaced. */
export function titleForRound(title: string, round: number): string {
  return `${title.replace(ROUND_SUFFIX, '')} — ronde ${round}`;
}

export function createNextRound(previous: Scan, args: { id: string; series: ScanSeries; date: string; now: Date; instrument?: Instrument }): Scan {
  return {
    id: args.id,
    title: titleForRound(previous.title, args.series.round),
    date: args.date,
    settings: structuredClone(previous.settings),
    instrument: args.instrument ? instrumentSnapshot(args.instrument) : structuredClone(previous.instrument),
    organisations: structuredClone(previous.organisations),
    status: 'open',
    isDemo: false,
    createdAt: args.now.toISOString(),
    series: args.series,
  };
}
