import type { Agreement, VoteRecord } from '../agreements/types';
import { DEFAULT_SETTINGS, type Response, type Scan, type ScanStatus, type SubmittedResponse } from '../types';
import { normaliseTimestamp } from './timestamps';
import type { ExchangeAgreementV1, ExchangeResponseV1, ExchangeScanV1, ExchangeVoteV1 } from './types';

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

/** A vote of a file's scan as stored (docs/agreements.md, "In the exchange file"). */
export function toStoredVote(fileVote: ExchangeVoteV1, scanId: string): VoteRecord {
  return {
    id: fileVote.id,
    scanId,
    method: fileVote.method,
    votesPerPerson: fileVote.votesPerPerson,
    options: fileVote.options.map((o) => ({ itemId: o.itemId, kind: o.kind })),
    counts: { ...fileVote.counts },
    ballots: fileVote.ballots,
    openedAt: normaliseTimestamp(fileVote.openedAt),
    closedAt: fileVote.closedAt === null ? null : normaliseTimestamp(fileVote.closedAt),
  };
}

/** An agreement of a file's scan as stored. */
export function toStoredAgreement(fileAgreement: ExchangeAgreementV1, scanId: string): Agreement {
  const { followUp } = fileAgreement;
  return {
    id: fileAgreement.id,
    scanId,
    itemId: fileAgreement.itemId,
    what: fileAgreement.what,
    partnerIds: [...fileAgreement.partnerIds],
    due: fileAgreement.due,
    votes: fileAgreement.votes,
    voteId: fileAgreement.voteId,
    createdAt: normaliseTimestamp(fileAgreement.createdAt),
    updatedAt: normaliseTimestamp(fileAgreement.updatedAt),
    followUp: followUp && { status: followUp.status, note: followUp.note, judgedInScanId: followUp.judgedInScanId, updatedAt: normaliseTimestamp(followUp.updatedAt) },
  };
}
