import { preloadable } from '../ui/preloadable';
import { RESPOND_PATH, RESULTS_PATH } from './routePaths';

// Every page is its own chunk: a participant's device loads the shell and the answer flow only;
// the director's pages (and later charts, d3 and import/export) load when they are opened.
// A page whose parts must be there at its first frame names them in `loadParts`: the page then
// appears whole instead of growing under the director's pointer (docs/failures-and-storage.md).
const whole =
  <M,>(page: () => Promise<M & { loadParts: () => Promise<unknown> }>) =>
  () =>
    page().then(async (module) => (await module.loadParts(), module));

const load = {
  scanList: whole(() => import('../features/scans/ScanListPage')),
  newScan: () => import('../features/scans/NewScanPage'),
  scan: whole(() => import('../features/scans/ScanPage')),
  respond: () => import('../features/respond/RespondPage'),
  thanks: () => import('../features/respond/ThanksPage'),
  results: () => import('../features/results/ResultsPage'),
  present: whole(() => import('../features/present/PresentPage')),
  import: () => import('../features/exchange/ImportPage'),
  report: whole(() => import('../features/results/ReportPage')),
  // A phone joining a live session by its QR code: the live code loads only on this route.
  join: () => import('../features/live/JoinPage'),
  // The instrument editor and its library (docs/instrument-and-rounds.md): one chunk, one route.
  instruments: () => import('../features/instrument/InstrumentRoutes'),
  rounds: whole(() => import('../features/rounds/RoundsPage')),
  notFound: () => import('./NotFoundPage'),
};

export const ScanListPage = preloadable(load.scanList);
export const NewScanPage = preloadable(load.newScan);
export const ScanPage = preloadable(load.scan);
export const RespondPage = preloadable(load.respond);
export const ThanksPage = preloadable(load.thanks);
export const ResultsPage = preloadable(load.results);
export const PresentPage = preloadable(load.present);
export const ImportPage = preloadable(load.import);
export const ReportPage = preloadable(load.report);
export const JoinPage = preloadable(load.join);
export const InstrumentRoutes = preloadable(load.instruments);
export const RoundsPage = preloadable(load.rounds);
export const NotFoundPage = preloadable(load.notFound);

/** The page chunk of a hash path, as App.tsx's routes map it (first match wins there too). */
const PRELOAD: ReadonlyArray<readonly [RegExp, () => Promise<unknown>]> = [
  [/^\/s\/[^/]+\/thanks$/, ThanksPage.preload],
  [RESPOND_PATH, RespondPage.preload],
  [/^\/j(oin)?\//, JoinPage.preload],
  [/^\/scans\/new$/, NewScanPage.preload],
  [RESULTS_PATH, ResultsPage.preload],
  [/^\/scans\/[^/]+\/report$/, ReportPage.preload],
  [/^\/scans\/[^/]+\/present$/, PresentPage.preload],
  [/^\/scans\/[^/]+\/rounds$/, RoundsPage.preload],
  [/^\/scans\/[^/]+$/, ScanPage.preload],
  [/^\/import$/, ImportPage.preload],
  [/^\/instruments/, InstrumentRoutes.preload],
  [/^\/?$/, ScanListPage.preload],
];

/**
 * Starts loading the opened page's chunk while the database opens, instead of after it: one
 * round trip less before a participant sees the first screen (docs/budgets.md, Lighthouse).
 * The storage gate waits for it too, so the page renders without suspending. A failure is left
 * to the route's own import, which shows it through the error boundary.
 */
export function preloadRoute(path: string): Promise<unknown> {
  const match = PRELOAD.find(([pattern]) => pattern.test(path));
  return match ? match[1]().catch(() => undefined) : Promise.resolve();
}
