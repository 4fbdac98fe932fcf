import { lazy } from 'react';

// Every page is its own chunk: a participant's device loads the shell and the answer flow only;
// the director's pages (and later charts, d3 and import/export) load when they are opened.
const load = {
  scanList: () => import('../features/scans/ScanListPage'),
  newScan: () => import('../features/scans/NewScanPage'),
  scan: () => import('../features/scans/ScanPage'),
  respond: () => import('../features/respond/RespondPage'),
  thanks: () => import('../features/respond/ThanksPage'),
  results: () => import('../features/results/ResultsPage'),
  present: () => import('../features/present/PresentPage'),
  import: () => import('../features/exchange/ImportPage'),
  report: () => import('../features/results/ReportPage'),
  // A phone joining a live session by its QR code: the live code loads only on this route.
  join: () => import('../features/live/JoinPage'),
  // The instrument editor and its library (docs/instrument-and-rounds.md): one chunk, one route.
  instruments: () => import('../features/instrument/InstrumentRoutes'),
  rounds: () => import('../features/rounds/RoundsPage'),
};

export const ScanListPage = lazy(load.scanList);
export const NewScanPage = lazy(load.newScan);
export const ScanPage = lazy(load.scan);
export const RespondPage = lazy(load.respond);
export const ThanksPage = lazy(load.thanks);
export const ResultsPage = lazy(load.results);
export const PresentPage = lazy(load.present);
export const ImportPage = lazy(load.import);
export const ReportPage = lazy(load.report);
export const JoinPage = lazy(load.join);
export const InstrumentRoutes = lazy(load.instruments);
export const RoundsPage = lazy(load.rounds);

/** The page chunk of a hash path, as App.tsx's routes map it (first match wins there too). */
const PRELOAD: readonly [RegExp, () => Promise<unknown>][] = [
  [/^\/s\/[^/]+\/thanks$/, load.thanks],
  [/^\/s\/[^/]+(\/\d+)?$/, load.respond],
  [/^\/join\//, load.join],
  [/^\/scans\/new$/, load.newScan],
  [/^\/scans\/[^/]+\/results(\/[^/]+)?$/, load.results],
  [/^\/scans\/[^/]+\/report$/, load.report],
  [/^\/scans\/[^/]+\/present$/, load.present],
  [/^\/scans\/[^/]+\/rounds$/, load.rounds],
  [/^\/scans\/[^/]+$/, load.scan],
  [/^\/import$/, load.import],
  [/^\/instruments/, load.instruments],
  [/^\/?$/, load.scanList],
];

/**
 * Starts loading the opened page's chunk while the database opens, instead of after it: one
 * round trip less before a participant sees the first screen (docs/budgets.md, Lighthouse).
 * React.lazy gets the same module promise later. A failure is left to the route's own import,
 * which shows it through the error boundary.
 */
export function preloadRoute(path: string): void {
  const match = PRELOAD.find(([pattern]) => pattern.test(path));
  match?.[1]().catch(() => undefined);
}
