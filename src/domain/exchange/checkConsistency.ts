import { makeError, renderValue, formatPath, type ExchangeError, type PathSegment } from './errors';
import { canonicalJson } from './canonical';
import type { ExchangeFileV1, ExchangeInstrumentV1 } from './types';

// Checks between values of a structurally valid file, in document order: ids that must be
// unique, and ids that must refer to something in the same scan. Collects at most `max`
// problems but counts them all.

export interface ProblemList {
  problems: ExchangeError[];
  count: number;
}

/** More than the responses a scan may hold (EXCHANGE_LIMITS.responsesPerScan). */
const RESPONSE_PLACES = 1_000_000;

export function checkConsistency(file: ExchangeFileV1, max: number): ProblemList {
  const list: ProblemList = { problems: [], count: 0 };
  const report = (error: ExchangeError) => {
    list.count++;
    if (list.problems.length < max) list.problems.push(error);
  };
  const scanIds = new Map<string, PathSegment[]>();
  // Response ids are the most numerous: their first place is kept as one number (scan, index).
  const responseIds = new Map<string, number>();
  const voteIds = new Map<string, PathSegment[]>();
  const agreementIds = new Map<string, PathSegment[]>();
  // Which scan each vote id belongs to (its first place), so an agreement of one scan cannot
  // name a vote of another, also when that scan comes later in the file.
  const scanOfVote = new Map<string, number>();
  file.scans.forEach((scan, s) => scan.votes?.forEach((vote) => scanOfVote.has(vote.id) || scanOfVote.set(vote.id, s)));

  // Questionnaire versions (docs/exchange-format.md, "Questionnaire versions"): each saved version
  // once, with the instrument rules of a scan's instrument; one version id is one content,
  // wherever it occurs (in `instrumentVersions` or as a scan's instrument).
  const versions = new Map<string, { content: string; path: PathSegment[] }>();
  const savedVersionIds = new Map<string, PathSegment[]>();
  file.instrumentVersions?.forEach((version, n) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['instrumentVersions', n, ...rest];
    checkUnique(savedVersionIds, version.versionId, at('versionId'), 'duplicate-id', report);
    checkInstrument(version, at, report);
    checkVersion(versions, version, at('versionId'), report);
  });

  file.scans.forEach((scan, s) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['scans', s, ...rest];
    checkUnique(scanIds, scan.id, at('id'), 'duplicate-scan-id', report);

    const itemIds = checkInstrument(scan.instrument, (...rest) => at('instrument', ...rest), report);
    if (scan.instrument.versionId !== undefined) checkVersion(versions, scan.instrument, at('instrument', 'versionId'), report);
    const organisationIds = new Map<string, PathSegment[]>();
    scan.organisations.forEach((organisation, o) =>
      checkUnique(organisationIds, organisation.id, at('organisations', o, 'id'), 'duplicate-id', report),
    );

    checkVotesAndAgreements(scan, at, { itemIds, organisationIds, voteIds, agreementIds, scanOfVote, scanIndex: s }, report);

    // The per-response loop allocates nothing for a valid response: a file of 100,000 responses
    // spent a second here building paths that are never shown (docs/scale.md "Import").
    for (let r = 0; r < scan.responses.length; r++) {
      const response = scan.responses[r]!;
      const first = responseIds.get(response.id);
      if (first === undefined) responseIds.set(response.id, s * RESPONSE_PLACES + r);
      else {
        const firstPath = formatPath(['scans', Math.floor(first / RESPONSE_PLACES), 'responses', first % RESPONSE_PLACES, 'id']);
        report(makeError('duplicate-response-id', at('responses', r, 'id'), { value: renderValue(response.id), firstPath }));
      }
      if (!organisationIds.has(response.organisationId)) {
        report(makeError('unknown-organisation', at('responses', r, 'organisationId'), { value: renderValue(response.organisationId) }));
      }
      for (const field of ['answers', 'comments'] as const) {
        const record = response[field];
        if (record === undefined) continue;
        for (const key in record) {
          if (Object.prototype.hasOwnProperty.call(record, key) && !itemIds.has(key)) {
            report(makeError('unknown-statement', at('responses', r, field, key), { value: renderValue(key) }));
          }
        }
      }
    }
  });
  return list;
}

/** Dimension and statement ids unique, every statement in a dimension of the instrument; returns the statement ids. */
function checkInstrument(instrument: ExchangeInstrumentV1, at: (...rest: PathSegment[]) => PathSegment[], report: (error: ExchangeError) => void): Map<string, PathSegment[]> {
  const dimensionIds = new Map<string, PathSegment[]>();
  instrument.dimensions.forEach((dimension, d) => checkUnique(dimensionIds, dimension.id, at('dimensions', d, 'id'), 'duplicate-id', report));
  const itemIds = new Map<string, PathSegment[]>();
  instrument.items.forEach((item, i) => {
    checkUnique(itemIds, item.id, at('items', i, 'id'), 'duplicate-id', report);
    if (!dimensionIds.has(item.dimension)) {
      report(makeError('unknown-dimension', at('items', i, 'dimension'), { value: renderValue(item.dimension) }));
    }
  });
  return itemIds;
}

/** What makes a version that version: everything but its name (the one thing a director may change). */
function versionContent(instrument: ExchangeInstrumentV1): string {
  const { id, version, title, dimensions, items } = instrument;
  return canonicalJson({ id, version, title, dimensions, items });
}

/** A version id met again must bring the same content as where it was first met. */
function checkVersion(
  versions: Map<string, { content: string; path: PathSegment[] }>,
  instrument: ExchangeInstrumentV1 & { versionId?: string },
  path: PathSegment[],
  report: (error: ExchangeError) => void,
): void {
  if (instrument.versionId === undefined) return;
  const content = versionContent(instrument);
  const first = versions.get(instrument.versionId);
  if (first === undefined) versions.set(instrument.versionId, { content, path });
  else if (first.content !== content) report(makeError('version-content-differs', path, { value: renderValue(instrument.versionId), firstPath: formatPath(first.path) }));
}

interface ScanIds {
  itemIds: ReadonlyMap<string, unknown>;
  organisationIds: ReadonlyMap<string, unknown>;
  voteIds: Map<string, PathSegment[]>;
  agreementIds: Map<string, PathSegment[]>;
  scanOfVote: ReadonlyMap<string, number>;
  scanIndex: number;
}

/**
 * Votes and agreements (docs/agreements.md, "In the exchange file"): ids unique in the file; a
 * vote's options are statements, once each, with a count for every option and for nothing else;
 * an agreement's statement, partners and vote belong to its own scan. A vote the file does not
 * hold may be on the reading device: planImport checks that.
 */
function checkVotesAndAgreements(
  scan: ExchangeFileV1['scans'][number],
  at: (...rest: PathSegment[]) => PathSegment[],
  ids: ScanIds,
  report: (error: ExchangeError) => void,
): void {
  scan.votes?.forEach((vote, v) => {
    checkUnique(ids.voteIds, vote.id, at('votes', v, 'id'), 'duplicate-id', report);
    const options = new Map<string, PathSegment[]>();
    vote.options.forEach((option, o) => {
      const path = at('votes', v, 'options', o, 'itemId');
      checkUnique(options, option.itemId, path, 'duplicate-id', report);
      if (!ids.itemIds.has(option.itemId)) report(makeError('unknown-statement', path, { value: renderValue(option.itemId) }));
    });
    for (const key of Object.keys(vote.counts)) {
      if (!options.has(key)) report(makeError('not-an-option', at('votes', v, 'counts', key), { value: renderValue(key) }));
    }
    for (const itemId of options.keys()) {
      if (!Object.hasOwn(vote.counts, itemId)) report(makeError('missing-count', at('votes', v, 'counts'), { value: renderValue(itemId) }));
    }
  });
  scan.agreements?.forEach((agreement, a) => {
    checkUnique(ids.agreementIds, agreement.id, at('agreements', a, 'id'), 'duplicate-id', report);
    if (agreement.itemId !== null && !ids.itemIds.has(agreement.itemId)) {
      report(makeError('unknown-statement', at('agreements', a, 'itemId'), { value: renderValue(agreement.itemId) }));
    }
    const partners = new Map<string, PathSegment[]>();
    agreement.partnerIds.forEach((partnerId, p) => {
      const path = at('agreements', a, 'partnerIds', p);
      checkUnique(partners, partnerId, path, 'duplicate-id', report);
      if (!ids.organisationIds.has(partnerId)) report(makeError('unknown-organisation', path, { value: renderValue(partnerId) }));
    });
    const voteScan = agreement.voteId === null ? undefined : ids.scanOfVote.get(agreement.voteId);
    if (voteScan !== undefined && voteScan !== ids.scanIndex) {
      report(makeError('vote-in-other-scan', at('agreements', a, 'voteId'), { value: renderValue(agreement.voteId), firstPath: formatPath(['scans', voteScan]) }));
    }
  });
}

// The first place of each id is kept as its path and written out only for a duplicate: formatting
// 100,000 paths that are never shown was a tenth of a large file's check (docs/scale.md).
function checkUnique(
  seen: Map<string, PathSegment[]>,
  id: string,
  path: PathSegment[],
  code: 'duplicate-scan-id' | 'duplicate-response-id' | 'duplicate-id',
  report: (error: ExchangeError) => void,
): void {
  const first = seen.get(id);
  if (first === undefined) seen.set(id, path);
  else report(makeError(code, path, { value: renderValue(id), firstPath: formatPath(first) }));
}
