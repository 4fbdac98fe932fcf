import type { Scan, ScanSeries } from '../types';

// The set-up of a scan copied for its next round (docs/instrument-and-rounds.md): same partners,
// settings and questionnaire, no answers, open, linked as the round after the series' last one.

const ROUND_SUFFIX = / — (ronde|round) \d+$/i;

/** "Workshop Zuid" → "Workshop Zuid — ronde 2"; an earlier round suffix is replaced. */
export function titleForRound(title: string, round: number): string {
  return `${title.replace(ROUND_SUFFIX, '')} — ronde ${round}`;
}

export function createNextRound(previous: Scan, args: { id: string; series: ScanSeries; date: string; now: Date }): Scan {
  return {
    id: args.id,
    title: titleForRound(previous.title, args.series.round),
    date: args.date,
    settings: structuredClone(previous.settings),
    instrument: structuredClone(previous.instrument),
    organisations: structuredClone(previous.organisations),
    status: 'open',
    isDemo: false,
    createdAt: args.now.toISOString(),
    series: args.series,
  };
}
