import { DEFAULT_SETTINGS, type Response, type Scan, type ScanStatus, type SubmittedResponse } from '../types';
import { normaliseTimestamp } from './timestamps';
import type { ExchangeResponseV1, ExchangeScanV1 } from './types';

// From a validated v1 file to the rows Dexie stores, and back (build.ts). Only the fields the
// format carries survive a round trip; a stored scan's status, demo flag and creation time are
// device facts that the format does not carry, so an imported scan gets them from `options`.

export interface StoredScanOptions {
  /** createdAt of the new row. */
  now: Date;
  /** Default 'open': a scan file brought to a participant's device must be answerable. */
  status?: ScanStatus;
  /** Default false: an imported copy is never the device's own generated demo. */
  isDemo?: boolean;
}

export function toStoredScan(fileScan: ExchangeScanV1, options: StoredScanOptions): Scan {
  return {
    id: fileScan.id,
    title: fileScan.title,
    date: fileScan.date,
    settings: {
      minGroupSize: fileScan.settings.minGroupSize,
      gapThreshold: fileScan.settings.gapThreshold,
      // Files of other tools do not know this setting: the app default applies.
      askLevel: fileScan.settings.askLevel ?? DEFAULT_SETTINGS.askLevel,
      // Absent in older files: the scan then starts in Dutch and asks every extra, as before.
      ...(fileScan.settings.startLanguage ? { startLanguage: fileScan.settings.startLanguage } : {}),
      ...(fileScan.settings.askComments !== undefined ? { askComments: fileScan.settings.askComments } : {}),
      ...(fileScan.settings.askKeywords !== undefined ? { askKeywords: fileScan.settings.askKeywords } : {}),
      ...(fileScan.settings.askImprovement !== undefined ? { askImprovement: fileScan.settings.askImprovement } : {}),
    },
    instrument: structuredClone(fileScan.instrument),
    organisations: fileScan.organisations.map(({ id, name, mergedFrom, splitFrom }) => ({
      id,
      name,
      ...(mergedFrom && mergedFrom.length > 0 ? { mergedFrom: [...mergedFrom] } : {}),
      ...(splitFrom !== undefined ? { splitFrom } : {}),
    })),
    status: options.status ?? 'open',
    isDemo: options.isDemo ?? false,
    createdAt: options.now.toISOString(),
    ...(fileScan.series ? { series: { id: fileScan.series.id, round: fileScan.series.round } } : {}),
  };
}

/**
 * A submitted response as stored. A file has no start time and no position in the answer flow:
 * startedAt is the submission time and position 0 (a submitted response is never resumed).
 */
export function toStoredResponse(fileResponse: ExchangeResponseV1, scanId: string): SubmittedResponse {
  const submittedAt = normaliseTimestamp(fileResponse.submittedAt);
  return {
    id: fileResponse.id,
    scanId,
    organisationId: fileResponse.organisationId,
    level: fileResponse.level,
    answers: { ...fileResponse.answers },
    comments: { ...fileResponse.comments },
    keywords: [...(fileResponse.keywords ?? [])],
    improvement: fileResponse.improvement ?? '',
    startedAt: submittedAt,
    submittedAt,
    status: 'submitted',
    position: 0,
  };
}

export function isSubmitted(response: Response): response is SubmittedResponse {
  return response.status === 'submitted' && response.submittedAt !== null;
}
