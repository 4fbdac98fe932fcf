import type { Agreement, VoteRecord } from '../agreements/types';
import { versionIdOf, type InstrumentRecord } from '../instrument/versions';
import type { Organisation, Response, Scan, ScanStatus, SubmittedResponse } from '../types';
import { instrumentContent } from './build';
import { isSameContent } from './canonical';
import { toStoredAgreement, toStoredResponse, toStoredScan, toStoredVote } from './convert';
import { formatPath } from './errors';
import { isBuiltInVersion, recordFromSnapshot, toInstrument, toStoredInstrumentVersion } from './instrumentVersions';
import { normaliseTimestamp } from './timestamps';
import type { ExchangeFileV1, ExchangeScanV1 } from './types';

// Merge planning, pure and synchronous. The caller (a Dexie-backed UI) does:
//   const ids = collectImportIds(files);
//   const scans = (await db.scans.bulkGet(ids.scanIds)).filter(isDefined);
//   const responses = (await db.responses.bulkGet(ids.responseIds)).filter(isDefined);
//   const plan = planImport({ scans, responses }, files, { now: new Date() });
//   … show plan.totals, plan.conflicts, plan.refusals, plan.notes; let the user choose …
//   const writes = finaliseImport(plan, resolutions);
//   await db.transaction('rw', db.scans, db.responses, async () => { …writes… });
// Nothing is written before that last step, and the plan says exactly what it will write.
//
// Rules (merge by id, docs/exchange-format.md "Merging into a device"):
// - a scan not yet stored is added with its responses;
// - a scan already stored (or added by an earlier file of the same import) must have the same
//   instrument, compared as content (key order ignored); otherwise the scan and all its
//   responses are refused: answers to other statements cannot be merged into its figures;
// - its title, date and settings may differ: the stored ones are kept (a note says so);
// - organisations of the incoming scan that the stored scan lacks are added to it (a partner
//   added on another device); a known organisation keeps its stored name (a note says so);
// - a response not yet known is added; the same id with the same content is a duplicate and
//   skipped; the same id with other content is a conflict: nothing is overwritten unless
//   finaliseImport gets 'use-incoming' for it; a response id known under another scan is refused.
// Files are taken in order, so a response in file 2 is compared with the same id in file 1 too.
// Counts keep "already here" for what is stored on this device: a scan or response that an
// earlier file of the same import brings is counted once, as new, and its copies in later files
// as copies within the import (24 phone files of one scan into an empty device: one new scan,
// not "24 scans already here").
// Votes and agreements (docs/agreements.md, "In the exchange file") merge by id without asking:
// - an agreement on the device (or in an earlier file) is replaced only by a copy with a later
//   `updatedAt`, so a follow-up set on one device survives an older file; otherwise the copy
//   already there is kept;
// - a vote is replaced by a closed copy when it is open, by a later `closedAt` when both are
//   closed, by a later `openedAt` when both are open; otherwise the copy already there is kept;
// - an id known under another scan is refused, and so is an agreement whose vote is neither in
//   the import nor on the device; a scan refused for its instrument takes its votes and
//   agreements with it.
// Questionnaire versions (docs/exchange-format.md, "Questionnaire versions") are recognised by
// their version id: one on the device is kept as it is (its name too), an unknown one is added as
// the file has it; a scan's instrument whose version the library lacks is added as a version too
// (the app's built-in questionnaire excepted), so the device never reuses its number or its
// statement ids. The files' saved versions are read before any scan, so a version's own row
// (with its save time and origin) wins over a scan's copy of it.

export interface ExistingData {
  scans: readonly Scan[];
  responses: readonly Response[];
  /** Stored agreements and votes with ids in the files (and the votes their agreements name); absent means none. */
  agreements?: readonly Agreement[];
  votes?: readonly VoteRecord[];
  /** Stored library versions with ids in the files; absent means none. */
  instrumentVersions?: readonly InstrumentRecord[];
}

/** The ids to preload from storage before planning. */
export function collectImportIds(files: readonly ExchangeFileV1[]): { scanIds: string[]; responseIds: string[]; agreementIds: string[]; voteIds: string[]; versionIds: string[] } {
  const versionIds = new Set<string>();
  const scanIds = new Set<string>();
  const responseIds = new Set<string>();
  const agreementIds = new Set<string>();
  const voteIds = new Set<string>();
  for (const file of files) {
    for (const version of file.instrumentVersions ?? []) versionIds.add(version.versionId);
    for (const scan of file.scans) {
      versionIds.add(versionIdOf(toInstrument(scan.instrument)));
      scanIds.add(scan.id);
      for (const response of scan.responses) responseIds.add(response.id);
      for (const vote of scan.votes ?? []) voteIds.add(vote.id);
      for (const agreement of scan.agreements ?? []) {
        agreementIds.add(agreement.id);
        if (agreement.voteId !== null) voteIds.add(agreement.voteId);
      }
    }
  }
  return { scanIds: [...scanIds], responseIds: [...responseIds], agreementIds: [...agreementIds], voteIds: [...voteIds], versionIds: [...versionIds] };
}

export interface PlanImportOptions {
  /** createdAt of scans that are added. */
  now: Date;
  /** Status of scans that are added; default 'open'. */
  newScanStatus?: ScanStatus;
}

export type ResponseField = 'organisationId' | 'level' | 'submittedAt' | 'answers' | 'comments' | 'keywords' | 'improvement' | 'status';
export type ScanDetailField = 'title' | 'date' | 'settings';
export type ConflictResolution = 'keep-existing' | 'use-incoming';

export interface ImportConflict {
  /** Key of this conflict in the resolutions passed to finaliseImport. */
  key: string;
  fileIndex: number;
  /** Where the incoming response is in its file, e.g. `scans[0].responses[3]`. */
  path: string;
  scanId: string;
  responseId: string;
  existing: Response;
  /** null: stored on this device; a number: an earlier file of this import. */
  existingFileIndex: number | null;
  incoming: SubmittedResponse;
  differences: ResponseField[];
}

export interface ImportDuplicate {
  fileIndex: number;
  scanId: string;
  responseId: string;
  existingFileIndex: number | null;
}

export interface InstrumentLabel {
  id: string;
  version: number;
}

export type ImportRefusal =
  | {
      reason: 'instrument-differs';
      fileIndex: number;
      path: string;
      scanId: string;
      scanTitle: string;
      /** How many responses of the scan were refused with it. */
      responseCount: number;
      existingFileIndex: number | null;
      existingInstrument: InstrumentLabel;
      incomingInstrument: InstrumentLabel;
    }
  | {
      reason: 'response-in-other-scan';
      fileIndex: number;
      path: string;
      scanId: string;
      responseId: string;
      existingScanId: string;
      existingFileIndex: number | null;
    }
  | {
      /** An agreement or vote id that the device (or an earlier file) holds under another scan. */
      reason: 'record-in-other-scan';
      record: 'agreement' | 'vote';
      fileIndex: number;
      path: string;
      scanId: string;
      recordId: string;
      existingScanId: string;
      existingFileIndex: number | null;
    }
  | {
      /** An agreement naming a vote that is neither in the import nor on the device. */
      reason: 'unknown-vote';
      fileIndex: number;
      path: string;
      scanId: string;
      agreementId: string;
      voteId: string;
    };

export type ImportNote =
  | { kind: 'scan-details-differ'; fileIndex: number; scanId: string; fields: ScanDetailField[]; existingFileIndex: number | null }
  | { kind: 'organisations-added'; fileIndex: number; scanId: string; organisations: Organisation[] }
  | { kind: 'organisation-name-differs'; fileIndex: number; scanId: string; organisationId: string; keptName: string; incomingName: string };

export interface ImportCounts {
  scansToAdd: number;
  /** Scans stored on this device with the same instrument (in the totals: each scan once). */
  scansAlreadyPresent: number;
  /** Scans that an earlier file of this import adds (a copy of the same scan in a later file). */
  scansInEarlierFile: number;
  organisationsToAdd: number;
  responsesToAdd: number;
  /** Responses stored on this device with the same content: skipped. */
  duplicates: number;
  /** Responses identical to one in an earlier file of this import: counted once. */
  copiesInImport: number;
  conflicts: number;
  refusedScans: number;
  refusedResponses: number;
  /** Agreements not on the device yet, and those whose copy in the file is newer (replaced). */
  agreementsToAdd: number;
  agreementsToUpdate: number;
  /** Agreements the device holds in the same or a newer version: kept as they are. */
  agreementsKept: number;
  votesToAdd: number;
  votesToUpdate: number;
  votesKept: number;
  /** Agreements and votes refused (known under another scan, or naming an unknown vote). */
  refusedAgreementsAndVotes: number;
  /** Questionnaire versions this device does not have yet: added with their id. */
  versionsToAdd: number;
  /** Questionnaire versions this device already has (same version id): kept as they are, name included. */
  versionsKept: number;
}

export interface ScanUpdate {
  scanId: string;
  /** The complete new list: the stored organisations followed by the added ones. */
  organisations: Organisation[];
  addedOrganisations: Organisation[];
}

/** What the import page needs to name a scan the import touches (stored, or added by it). */
export interface ImportScanInfo {
  /** The stored title for a stored scan (it is kept), else the file's. */
  title: string;
  /** Organisation names by id, the stored ones first, with those this import adds. */
  organisationNames: Readonly<Record<string, string>>;
  /** Statement ids in instrument order: statement numbers for the conflict view. */
  itemIds: readonly string[];
}

export interface ImportPlan {
  files: { fileIndex: number; counts: ImportCounts }[];
  /** Every scan a file names and the import does not refuse, by id. */
  scans: Record<string, ImportScanInfo>;
  totals: ImportCounts;
  scansToAdd: Scan[];
  scanUpdates: ScanUpdate[];
  responsesToAdd: SubmittedResponse[];
  /** Agreements and votes to write (put by id): new ones and newer copies of stored ones. */
  agreementsToPut: Agreement[];
  votesToPut: VoteRecord[];
  /** Questionnaire versions to add to the library. */
  versionsToAdd: InstrumentRecord[];
  duplicates: ImportDuplicate[];
  conflicts: ImportConflict[];
  refusals: ImportRefusal[];
  notes: ImportNote[];
}

interface KnownScan {
  scan: Scan;
  fileIndex: number | null;
}
interface KnownResponse {
  response: Response;
  fileIndex: number | null;
}
interface Known<T> {
  value: T;
  fileIndex: number | null;
}

export function planImport(existing: ExistingData, files: readonly ExchangeFileV1[], options: PlanImportOptions): ImportPlan {
  const knownScans = new Map<string, KnownScan>(existing.scans.map((scan) => [scan.id, { scan, fileIndex: null }]));
  const knownResponses = new Map<string, KnownResponse>(existing.responses.map((response) => [response.id, { response, fileIndex: null }]));
  const plan: ImportPlan = {
    files: [],
    scans: {},
    totals: emptyCounts(),
    scansToAdd: [],
    scanUpdates: [],
    responsesToAdd: [],
    agreementsToPut: [],
    votesToPut: [],
    versionsToAdd: [],
    duplicates: [],
    conflicts: [],
    refusals: [],
    notes: [],
  };
  const knownVotes = new Map<string, Known<VoteRecord>>((existing.votes ?? []).map((vote) => [vote.id, { value: vote, fileIndex: null }]));
  const knownAgreements = new Map<string, Known<Agreement>>((existing.agreements ?? []).map((a) => [a.id, { value: a, fileIndex: null }]));
  // What this import writes, by id: a later file's newer copy replaces an earlier file's.
  const votesToPut = new Map<string, VoteRecord>();
  const agreementsToPut = new Map<string, { agreement: Agreement; fileIndex: number; path: string; counts: ImportCounts; counted: 'add' | 'update' }>();
  const updates = new Map<string, ScanUpdate>();
  const storedScansSeen = new Set<string>();
  const fileCounts = files.map(() => emptyCounts());

  // Versions: each version id once in the whole import, as new or as already on the device.
  const storedVersionIds = new Set((existing.instrumentVersions ?? []).map((record) => record.versionId));
  const versionsMet = new Set<string>();
  const meetVersion = (versionId: string, counts: ImportCounts, toRecord: () => InstrumentRecord) => {
    if (versionsMet.has(versionId)) return;
    versionsMet.add(versionId);
    if (storedVersionIds.has(versionId)) {
      counts.versionsKept++;
      return;
    }
    plan.versionsToAdd.push(toRecord());
    counts.versionsToAdd++;
  };
  files.forEach((file, fileIndex) => {
    for (const version of file.instrumentVersions ?? []) meetVersion(version.versionId, fileCounts[fileIndex]!, () => toStoredInstrumentVersion(version));
  });

  files.forEach((file, fileIndex) => {
    const counts = fileCounts[fileIndex]!;
    file.scans.forEach((fileScan, scanIndex) => {
      const scanPath = formatPath(['scans', scanIndex]);
      const known = knownScans.get(fileScan.id);
      if (!known) {
        const scan = toStoredScan(fileScan, { now: options.now, status: options.newScanStatus ?? 'open' });
        knownScans.set(scan.id, { scan, fileIndex });
        plan.scansToAdd.push(scan);
        counts.scansToAdd++;
      } else {
        // Compared as content: a file written before versions had ids, or naming the version
        // differently, holds the same questionnaire (docs/exchange-format.md).
        const existingInstrument = instrumentContent(known.scan.instrument);
        if (!isSameContent(existingInstrument, instrumentContent(fileScan.instrument))) {
          plan.refusals.push({
            reason: 'instrument-differs',
            fileIndex,
            path: scanPath,
            scanId: fileScan.id,
            scanTitle: fileScan.title,
            responseCount: fileScan.responses.length,
            existingFileIndex: known.fileIndex,
            existingInstrument: { id: existingInstrument.id, version: existingInstrument.version },
            incomingInstrument: { id: fileScan.instrument.id, version: fileScan.instrument.version },
          });
          counts.refusedScans++;
          counts.refusedResponses += fileScan.responses.length;
          return;
        }
        if (known.fileIndex === null) {
          counts.scansAlreadyPresent++;
          storedScansSeen.add(fileScan.id);
        } else counts.scansInEarlierFile++;
        const fields = compareScanDetails(known.scan, fileScan);
        if (fields.length > 0) {
          plan.notes.push({ kind: 'scan-details-differ', fileIndex, scanId: fileScan.id, fields, existingFileIndex: known.fileIndex });
        }
        counts.organisationsToAdd += mergeOrganisations(known, fileScan, fileIndex, updates, plan.notes);
      }
      const scanInstrument = toInstrument(fileScan.instrument);
      if (!isBuiltInVersion(scanInstrument)) meetVersion(versionIdOf(scanInstrument), counts, () => recordFromSnapshot(scanInstrument));

      fileScan.votes?.forEach((fileVote, voteIndex) => {
        const incoming = toStoredVote(fileVote, fileScan.id);
        const path = formatPath(['scans', scanIndex, 'votes', voteIndex]);
        const previous = knownVotes.get(incoming.id);
        const outcome = mergeOutcome(previous, incoming, isNewerVote);
        if (outcome === 'other-scan') {
          plan.refusals.push(recordInOtherScan('vote', fileIndex, path, incoming, previous!));
          counts.refusedAgreementsAndVotes++;
          return;
        }
        if (outcome === 'keep') {
          if (previous?.fileIndex === null) counts.votesKept++;
          return;
        }
        // Counted once per id: a newer copy in a later file replaces the earlier file's copy.
        if (!votesToPut.has(incoming.id)) {
          if (previous) counts.votesToUpdate++;
          else counts.votesToAdd++;
        }
        knownVotes.set(incoming.id, { value: incoming, fileIndex });
        votesToPut.set(incoming.id, incoming);
      });
      fileScan.agreements?.forEach((fileAgreement, agreementIndex) => {
        const incoming = toStoredAgreement(fileAgreement, fileScan.id);
        const path = formatPath(['scans', scanIndex, 'agreements', agreementIndex]);
        const previous = knownAgreements.get(incoming.id);
        const outcome = mergeOutcome(previous, incoming, (a, b) => a.updatedAt > b.updatedAt);
        if (outcome === 'other-scan') {
          plan.refusals.push(recordInOtherScan('agreement', fileIndex, path, incoming, previous!));
          counts.refusedAgreementsAndVotes++;
          return;
        }
        if (outcome === 'keep') {
          if (previous?.fileIndex === null) counts.agreementsKept++;
          return;
        }
        if (!agreementsToPut.has(incoming.id)) {
          if (previous) counts.agreementsToUpdate++;
          else counts.agreementsToAdd++;
        }
        knownAgreements.set(incoming.id, { value: incoming, fileIndex });
        const first = agreementsToPut.get(incoming.id);
        agreementsToPut.set(incoming.id, first ? { ...first, agreement: incoming, fileIndex, path } : { agreement: incoming, fileIndex, path, counts, counted: previous ? 'update' : 'add' });
      });

      fileScan.responses.forEach((fileResponse, responseIndex) => {
        const path = formatPath(['scans', scanIndex, 'responses', responseIndex]);
        const incoming = toStoredResponse(fileResponse, fileScan.id);
        const previous = knownResponses.get(incoming.id);
        if (!previous) {
          knownResponses.set(incoming.id, { response: incoming, fileIndex });
          plan.responsesToAdd.push(incoming);
          counts.responsesToAdd++;
          return;
        }
        if (previous.response.scanId !== incoming.scanId) {
          plan.refusals.push({
            reason: 'response-in-other-scan',
            fileIndex,
            path,
            scanId: incoming.scanId,
            responseId: incoming.id,
            existingScanId: previous.response.scanId,
            existingFileIndex: previous.fileIndex,
          });
          counts.refusedResponses++;
          return;
        }
        const differences = compareResponses(previous.response, incoming);
        if (differences.length === 0) {
          plan.duplicates.push({ fileIndex, scanId: incoming.scanId, responseId: incoming.id, existingFileIndex: previous.fileIndex });
          if (previous.fileIndex === null) counts.duplicates++;
          else counts.copiesInImport++;
          return;
        }
        plan.conflicts.push({
          key: `${fileIndex}:${incoming.id}`,
          fileIndex,
          path,
          scanId: incoming.scanId,
          responseId: incoming.id,
          existing: previous.response,
          existingFileIndex: previous.fileIndex,
          incoming,
          differences,
        });
        counts.conflicts++;
      });
    });
    plan.files.push({ fileIndex, counts });
  });
  // An agreement's vote must be one of its scan, in this import or on the device; the files are
  // read first, so a vote in a later file counts too.
  for (const [id, entry] of agreementsToPut) {
    const { agreement } = entry;
    if (agreement.voteId === null) continue;
    const vote = knownVotes.get(agreement.voteId);
    if (vote && vote.value.scanId === agreement.scanId) continue;
    agreementsToPut.delete(id);
    plan.refusals.push({ reason: 'unknown-vote', fileIndex: entry.fileIndex, path: entry.path, scanId: agreement.scanId, agreementId: agreement.id, voteId: agreement.voteId });
    if (entry.counted === 'update') entry.counts.agreementsToUpdate--;
    else entry.counts.agreementsToAdd--;
    entry.counts.refusedAgreementsAndVotes++;
  }
  for (const file of plan.files) addCounts(plan.totals, file.counts);
  plan.agreementsToPut = [...agreementsToPut.values()].map((entry) => entry.agreement);
  plan.votesToPut = [...votesToPut.values()];
  plan.scanUpdates = [...updates.values()];
  // A stored scan named by several files is one scan already here, not one per file.
  plan.totals.scansAlreadyPresent = storedScansSeen.size;
  for (const id of new Set([...storedScansSeen, ...plan.scansToAdd.map((s) => s.id)])) {
    const known = knownScans.get(id);
    if (!known) continue;
    const organisations = updates.get(id)?.organisations ?? known.scan.organisations;
    plan.scans[id] = {
      title: known.scan.title,
      organisationNames: Object.fromEntries(organisations.map((o) => [o.id, o.name])),
      itemIds: known.scan.instrument.items.map((item) => item.id),
    };
  }
  return plan;
}

/**
 * What to do with an incoming agreement or vote: 'add' or 'replace' it, 'keep' what is there
 * (same or newer), or refuse it because its id belongs to another scan.
 */
function mergeOutcome<T extends { scanId: string }>(previous: Known<T> | undefined, incoming: T, isNewer: (incoming: T, existing: T) => boolean): 'write' | 'keep' | 'other-scan' {
  if (!previous) return 'write';
  if (previous.value.scanId !== incoming.scanId) return 'other-scan';
  return isNewer(incoming, previous.value) ? 'write' : 'keep';
}

/** A closed vote over an open one; of two closed, the later close; of two open, the later opening. */
export function isNewerVote(incoming: VoteRecord, existing: VoteRecord): boolean {
  if (incoming.closedAt !== null && existing.closedAt === null) return true;
  if (incoming.closedAt === null && existing.closedAt !== null) return false;
  if (incoming.closedAt !== null && existing.closedAt !== null) return incoming.closedAt > existing.closedAt;
  return incoming.openedAt > existing.openedAt;
}

function recordInOtherScan(
  record: 'agreement' | 'vote',
  fileIndex: number,
  path: string,
  incoming: { id: string; scanId: string },
  previous: Known<{ scanId: string }>,
): ImportRefusal {
  return { reason: 'record-in-other-scan', record, fileIndex, path, scanId: incoming.scanId, recordId: incoming.id, existingScanId: previous.value.scanId, existingFileIndex: previous.fileIndex };
}

/** Adds the organisations `known` lacks; returns how many were added. */
function mergeOrganisations(
  known: KnownScan,
  fileScan: ExchangeScanV1,
  fileIndex: number,
  updates: Map<string, ScanUpdate>,
  notes: ImportNote[],
): number {
  // A scan stored on the device is changed through a ScanUpdate; a scan this import adds is
  // still our own copy and simply gets the organisation.
  const update = known.fileIndex === null ? updates.get(known.scan.id) : undefined;
  const current = update ? update.organisations : known.scan.organisations;
  const added: Organisation[] = [];
  for (const organisation of fileScan.organisations) {
    const present = current.find((o) => o.id === organisation.id) ?? added.find((o) => o.id === organisation.id);
    if (!present) added.push({ id: organisation.id, name: organisation.name });
    else if (present.name !== organisation.name) {
      notes.push({
        kind: 'organisation-name-differs',
        fileIndex,
        scanId: known.scan.id,
        organisationId: organisation.id,
        keptName: present.name,
        incomingName: organisation.name,
      });
    }
  }
  if (added.length === 0) return 0;
  notes.push({ kind: 'organisations-added', fileIndex, scanId: known.scan.id, organisations: added });
  if (known.fileIndex !== null) {
    known.scan.organisations.push(...added);
  } else if (update) {
    update.organisations.push(...added);
    update.addedOrganisations.push(...added);
  } else {
    updates.set(known.scan.id, {
      scanId: known.scan.id,
      organisations: [...known.scan.organisations, ...added],
      addedOrganisations: [...added],
    });
  }
  return added.length;
}

function compareScanDetails(scan: Scan, fileScan: ExchangeScanV1): ScanDetailField[] {
  const fields: ScanDetailField[] = [];
  if (scan.title !== fileScan.title) fields.push('title');
  if (scan.date !== fileScan.date) fields.push('date');
  const incoming = fileScan.settings;
  if (
    scan.settings.minGroupSize !== incoming.minGroupSize ||
    scan.settings.gapThreshold !== incoming.gapThreshold ||
    (incoming.askLevel !== undefined && scan.settings.askLevel !== incoming.askLevel) ||
    (incoming.startLanguage ?? 'nl') !== (scan.settings.startLanguage ?? 'nl') ||
    (incoming.askComments !== false) !== (scan.settings.askComments !== false) ||
    (incoming.askKeywords !== false) !== (scan.settings.askKeywords !== false) ||
    (incoming.askImprovement !== false) !== (scan.settings.askImprovement !== false)
  ) {
    fields.push('settings');
  }
  return fields;
}

/** The fields in which two responses differ; key order inside answers and comments is ignored. */
export function compareResponses(a: Response, b: Response): ResponseField[] {
  const fields: ResponseField[] = [];
  if (a.organisationId !== b.organisationId) fields.push('organisationId');
  if (a.level !== b.level) fields.push('level');
  if (normaliseTimestamp(a.submittedAt ?? '') !== normaliseTimestamp(b.submittedAt ?? '')) fields.push('submittedAt');
  if (!isSameContent(a.answers, b.answers)) fields.push('answers');
  if (!isSameContent(a.comments, b.comments)) fields.push('comments');
  if (!isSameContent(a.keywords, b.keywords)) fields.push('keywords');
  if (a.improvement !== b.improvement) fields.push('improvement');
  if (a.status !== b.status) fields.push('status');
  return fields;
}

function emptyCounts(): ImportCounts {
  return {
    scansToAdd: 0,
    scansAlreadyPresent: 0,
    scansInEarlierFile: 0,
    organisationsToAdd: 0,
    responsesToAdd: 0,
    duplicates: 0,
    copiesInImport: 0,
    conflicts: 0,
    refusedScans: 0,
    refusedResponses: 0,
    agreementsToAdd: 0,
    agreementsToUpdate: 0,
    agreementsKept: 0,
    votesToAdd: 0,
    votesToUpdate: 0,
    votesKept: 0,
    refusedAgreementsAndVotes: 0,
    versionsToAdd: 0,
    versionsKept: 0,
  };
}

function addCounts(total: ImportCounts, part: ImportCounts): void {
  for (const key of Object.keys(total) as (keyof ImportCounts)[]) total[key] += part[key];
}

/** What to write, in one 'rw' transaction: bulkAdd, update organisations, bulkAdd, bulkPut. */
export interface ImportWrites {
  scansToAdd: Scan[];
  scansToUpdate: { id: string; organisations: Organisation[] }[];
  /** Ids not stored yet. */
  responsesToAdd: SubmittedResponse[];
  /** Stored responses the user chose to overwrite ('use-incoming'). */
  responsesToReplace: SubmittedResponse[];
  /** Put by id: new agreements and votes, and newer copies of stored ones (the merge rule needs no choice). */
  agreementsToPut: Agreement[];
  votesToPut: VoteRecord[];
  /** Questionnaire versions the library lacks (added; one that appeared meanwhile is kept as it is). Absent: none. */
  versionsToAdd?: InstrumentRecord[];
}

/**
 * The writes of a plan once the user has chosen. A conflict without a resolution keeps the
 * existing response. When several conflicts concern one response id, they apply in file
 * order, so the last 'use-incoming' wins.
 */
export function finaliseImport(plan: ImportPlan, resolutions: Readonly<Record<string, ConflictResolution>> = {}): ImportWrites {
  const toAdd = new Map<string, SubmittedResponse>(plan.responsesToAdd.map((r) => [r.id, r]));
  const toReplace = new Map<string, SubmittedResponse>();
  for (const conflict of plan.conflicts) {
    if (resolutions[conflict.key] !== 'use-incoming') continue;
    if (conflict.existingFileIndex === null) toReplace.set(conflict.responseId, conflict.incoming);
    else toAdd.set(conflict.responseId, conflict.incoming);
  }
  return {
    scansToAdd: plan.scansToAdd,
    scansToUpdate: plan.scanUpdates.map((u) => ({ id: u.scanId, organisations: u.organisations })),
    responsesToAdd: [...toAdd.values()],
    responsesToReplace: [...toReplace.values()],
    agreementsToPut: plan.agreementsToPut,
    votesToPut: plan.votesToPut,
    // Written only when there are some: an import without versions writes what it wrote before.
    ...(plan.versionsToAdd.length > 0 ? { versionsToAdd: plan.versionsToAdd } : {}),
  };
}
