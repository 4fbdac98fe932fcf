import { lazy } from 'react';

// Every page is its own chunk: a participant's device loads the shell and the answer flow only;
// the director's pages (and later charts, d3 and import/export) load when they are opened.
export const ScanListPage = lazy(() => import('../features/scans/ScanListPage'));
export const NewScanPage = lazy(() => import('../features/scans/NewScanPage'));
export const ScanPage = lazy(() => import('../features/scans/ScanPage'));
export const RespondPage = lazy(() => import('../features/respond/RespondPage'));
export const ThanksPage = lazy(() => import('../features/respond/ThanksPage'));
export const ResultsPage = lazy(() => import('../features/results/ResultsPage'));
export const PresentPage = lazy(() => import('../features/present/PresentPage'));
export const ImportPage = lazy(() => import('../features/exchange/ImportPage'));
export const ReportPage = lazy(() => import('../features/results/ReportPage'));
// A phone joining a live session by its QR code: the live code loads only on this route.
export const JoinPage = lazy(() => import('../features/live/JoinPage'));
