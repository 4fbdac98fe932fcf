import type { Agreement, VoteRecord } from '../agreements/types';
import { localDate } from '../format';
import { slugify } from '../scan';
import type { InstrumentRecord } from '../instrument/versions';
import type { Instrument, LocalizedText, Organisation, Response, Scan, ScanSettings, SubmittedResponse } from '../types';
import { isSubmitted } from './convert';
import { normaliseTimestamp } from './timestamps';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  type ExchangeAgreementV1,
  type ExchangeFileV1,
  type ExchangeInstrumentV1,
  type ExchangeInstrumentVersionV1,
  type ExchangeOrganisationV1,
  type ExchangeResponseV1,
  type ExchangeScanV1,
  type ExchangeSettingsV1,
  type ExchangeTextV1,
  type ExchangeVoteV1,
} from './types';

// Writing a v1 file. The output is deterministic, so two exports of the same data differ only in
// `exportedAt` (and `generator` after an update):
// - keys in the order of docs/exchange-format.md, written out literally below;
// - responses sorted by submission time, then id; statements, dimensions and organisations in
//   the scan's own order; answers and comments in statement order;
// - only submitted responses of that scan;
// - optional fields are omitted when empty: no `comments: {}`, no `keywords: []`, no
//   `improvement: ""`. A reader treats absent and empty alike, so this loses nothing;
// - votes by opening time, then id, agreements by creation time, then id; a vote's options in
//   ballot order and its counts in that order; `votes` and `agreements` only when the scan has
//   some (docs/agreements.md, "In the exchange file").

export interface ScanWithResponses {
  scan: Scan;
  responses: readonly Response[];
  /** The room's votes and agreements on this scan: given by the export and the backup only, never by the live definition or a hand-off. */
  votes?: readonly VoteRecord[];
  agreements?: readonly Agreement[];
}

export function buildExchangeFile(
  scans: readonly ScanWithResponses[],
  now: Date,
  generator: string,
  options: { instrumentVersions?: readonly InstrumentRecord[] } = {},
): ExchangeFileV1 {
  const file: ExchangeFileV1 = {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    exportedAt: now.toISOString(),
    generator,
    scans: scans.map(({ scan, responses, votes, agreements }) => toExchangeScan(scan, responses, { votes, agreements })),
  };
  // Saved versions only when given: the export, the backup and a questionnaire file pass them;
  // the live definition and a participant's hand-off never do (docs/exchange-format.md).
  const versions = options.instrumentVersions ?? [];
  if (versions.length > 0) file.instrumentVersions = versions.map(toExchangeInstrumentVersion);
  return file;
}

/** The small file a participant can send instead of showing a QR code: one scan, one response. */
export function buildSingleResponseFile(scan: Scan, response: SubmittedResponse, now: Date, generator: string): ExchangeFileV1 {
  return buildExchangeFile([{ scan, responses: [response] }], now, generator);
}

/**
 * Text of a file as it is saved (docs/scale.md "Export"): two-space indented JSON with a final
 * newline, each response compact on a line of its own. Readable and diff-friendly, and about
 * half the size of indenting every answer (100,000 responses: ~22 MB instead of ~50 MB).
 */
export function serialiseExchangeFile(file: ExchangeFileV1): string {
  return [...serialiseInParts(file, Number.POSITIVE_INFINITY)].join('');
}

/** Responses per part of a chunked serialisation: a few milliseconds of work each. */
export const SERIALISE_CHUNK = 2_000;

/**
 * The same text as `serialiseExchangeFile`, as parts of at most `chunk` responses each, so a
 * caller can yield to the page between parts and hand the parts to a Blob without ever holding
 * one string of the whole file.
 */
export function* serialiseExchangeFileParts(file: ExchangeFileV1, chunk: number = SERIALISE_CHUNK): Generator<string, void, undefined> {
  yield* serialiseInParts(file, chunk);
}

function* serialiseInParts(file: ExchangeFileV1, chunk: number): Generator<string, void, undefined> {
  // The frame with a marker where each scan's responses go; the marker cannot occur in JSON
  // text, because JSON.stringify escapes U+0000 inside strings.
  const frame = JSON.stringify({ ...file, scans: file.scans.map((scan, i) => ({ ...scan, responses: `\u0000${i}` })) }, null, 2);
  const pieces = frame.split(/"\\u0000(\d+)"/);
  for (let p = 0; p < pieces.length; p += 2) {
    yield pieces[p]!;
    if (p + 1 >= pieces.length) break;
    const responses = file.scans[Number(pieces[p + 1])]!.responses;
    if (responses.length === 0) {
      yield '[]';
      continue;
    }
    // The indent of the "responses" key's line, plus two for the items.
    const indent = ' '.repeat(pieces[p]!.length - pieces[p]!.lastIndexOf('\n') - 1 - '"responses": '.length + 2);
    let part = '[';
    for (let r = 0; r < responses.length; r++) {
      part += `\n${indent}${JSON.stringify(responses[r])}${r < responses.length - 1 ? ',' : ''}`;
      if ((r + 1) % chunk === 0) {
        yield part;
        part = '';
      }
    }
    yield `${part}\n${indent.slice(2)}]`;
  }
  yield '\n';
}

export function toExchangeScan(
  scan: Scan,
  responses: readonly Response[],
  room: { votes?: readonly VoteRecord[] | undefined; agreements?: readonly Agreement[] | undefined } = {},
): ExchangeScanV1 {
  const submitted = responses
    .filter((r): r is SubmittedResponse => isSubmitted(r) && r.scanId === scan.id)
    .map((r) => toExchangeResponse(r, scan.instrument))
    .sort((a, b) => compareText(a.submittedAt, b.submittedAt) || compareText(a.id, b.id));
  const votes = (room.votes ?? [])
    .filter((vote) => vote.scanId === scan.id)
    .map(toExchangeVote)
    .sort((a, b) => compareText(a.openedAt, b.openedAt) || compareText(a.id, b.id));
  const agreements = (room.agreements ?? [])
    .filter((agreement) => agreement.scanId === scan.id)
    .map(toExchangeAgreement)
    .sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id));
  return {
    id: scan.id,
    title: scan.title,
    date: scan.date,
    settings: toExchangeSettings(scan.settings),
    // Written only when the scan is a round of a series (docs/exchange-format.md).
    ...(scan.series ? { series: { id: scan.series.id, round: scan.series.round } } : {}),
    instrument: toExchangeInstrument(scan.instrument),
    organisations: scan.organisations.map(toExchangeOrganisation),
    ...(votes.length > 0 ? { votes } : {}),
    ...(agreements.length > 0 ? { agreements } : {}),
    responses: submitted,
  };
}

/** A vote as written: counts in ballot order, times in Ketenscan's form. */
export function toExchangeVote(vote: VoteRecord): ExchangeVoteV1 {
  const counts: Record<string, number> = {};
  for (const option of vote.options) Object.defineProperty(counts, option.itemId, { value: vote.counts[option.itemId] ?? 0, enumerable: true, writable: true, configurable: true });
  return {
    id: vote.id,
    method: vote.method,
    votesPerPerson: vote.votesPerPerson,
    options: vote.options.map((o) => ({ itemId: o.itemId, kind: o.kind })),
    counts,
    ballots: vote.ballots,
    openedAt: normaliseTimestamp(vote.openedAt),
    closedAt: vote.closedAt === null ? null : normaliseTimestamp(vote.closedAt),
  };
}

/** An agreement as written: the scan it belongs to is the entry it is in. */
export function toExchangeAgreement(agreement: Agreement): ExchangeAgreementV1 {
  const { followUp } = agreement;
  return {
    id: agreement.id,
    itemId: agreement.itemId,
    what: agreement.what,
    partnerIds: [...agreement.partnerIds],
    due: agreement.due,
    votes: agreement.votes,
    voteId: agreement.voteId,
    createdAt: normaliseTimestamp(agreement.createdAt),
    updatedAt: normaliseTimestamp(agreement.updatedAt),
    followUp: followUp && { status: followUp.status, note: followUp.note, judgedInScanId: followUp.judgedInScanId, updatedAt: normaliseTimestamp(followUp.updatedAt) },
  };
}

/** An organisation as written: `mergedFrom` and `splitFrom` only when recorded (docs/exchange-format.md). */
export function toExchangeOrganisation(organisation: Organisation): ExchangeOrganisationV1 {
  const written: ExchangeOrganisationV1 = { id: organisation.id, name: organisation.name };
  if (organisation.mergedFrom && organisation.mergedFrom.length > 0) written.mergedFrom = [...organisation.mergedFrom];
  if (organisation.splitFrom !== undefined) written.splitFrom = organisation.splitFrom;
  return written;
}

/**
 * The settings as written: the start language and the extras only when the scan states them, so
 * a scan from before these settings exports exactly as it did (absent means the same to a reader).
 */
export function toExchangeSettings(settings: ScanSettings): ExchangeSettingsV1 {
  const written: ExchangeSettingsV1 = { minGroupSize: settings.minGroupSize, gapThreshold: settings.gapThreshold, askLevel: settings.askLevel };
  if (settings.startLanguage === 'nl' || settings.startLanguage === 'en') written.startLanguage = settings.startLanguage;
  if (typeof settings.askComments === 'boolean') written.askComments = settings.askComments;
  if (typeof settings.askKeywords === 'boolean') written.askKeywords = settings.askKeywords;
  if (typeof settings.askImprovement === 'boolean') written.askImprovement = settings.askImprovement;
  return written;
}

/**
 * An instrument as a scan's entry writes it: its content, and its identity when it has one
 * (`versionId`, `versionName`, an item's `replaces`; docs/exchange-format.md, "Questionnaire versions").
 */
export function toExchangeInstrument(instrument: Instrument): ExchangeInstrumentV1 {
  return {
    id: instrument.id,
    version: instrument.version,
    ...(instrument.versionId !== undefined ? { versionId: instrument.versionId } : {}),
    ...(instrument.versionName !== undefined ? { versionName: instrument.versionName } : {}),
    title: text(instrument.title),
    dimensions: instrument.dimensions.map((d) => ({ id: d.id, label: text(d.label) })),
    items: instrument.items.map((i) => ({
      id: i.id,
      dimension: i.dimension,
      kind: i.kind,
      text: text(i.text),
      ...(i.replaces !== undefined ? { replaces: i.replaces } : {}),
    })),
  };
}

/**
 * The instrument's content alone, in the shape files had before versions had ids: what a stored
 * scan and a file's scan are compared by (the same questionnaire whether or not a file names its
 * version), and what the QR hand-off's fingerprint and the live definition's dictionary are made
 * of, so neither changed when the identity fields were added.
 */
export function instrumentContent(instrument: Pick<Instrument, 'id' | 'version' | 'title' | 'dimensions' | 'items'>): ExchangeInstrumentV1 {
  return {
    id: instrument.id,
    version: instrument.version,
    title: text(instrument.title),
    dimensions: instrument.dimensions.map((d) => ({ id: d.id, label: text(d.label) })),
    items: instrument.items.map((i) => ({ id: i.id, dimension: i.dimension, kind: i.kind, text: text(i.text) })),
  };
}

/** A saved version as written: the instrument with its id, when it was saved and what it was edited from. */
export function toExchangeInstrumentVersion(record: InstrumentRecord): ExchangeInstrumentVersionV1 {
  const { title, dimensions, items } = toExchangeInstrument(record);
  const { basedOn } = record;
  return {
    id: record.id,
    version: record.version,
    versionId: record.versionId,
    ...(record.versionName !== undefined ? { versionName: record.versionName } : {}),
    title,
    dimensions,
    items,
    savedAt: normaliseTimestamp(record.savedAt),
    basedOn: basedOn && { id: basedOn.id, version: basedOn.version, ...(basedOn.versionId !== undefined ? { versionId: basedOn.versionId } : {}) },
  };
}

export function toExchangeResponse(response: SubmittedResponse, instrument: Instrument): ExchangeResponseV1 {
  const itemIds = instrument.items.map((i) => i.id);
  const exported: ExchangeResponseV1 = {
    id: response.id,
    organisationId: response.organisationId,
    level: response.level,
    submittedAt: normaliseTimestamp(response.submittedAt),
    answers: inItemOrder(response.answers, itemIds),
  };
  if (Object.keys(response.comments).length > 0) exported.comments = inItemOrder(response.comments, itemIds);
  if (response.keywords.length > 0) exported.keywords = [...response.keywords];
  if (response.improvement !== '') exported.improvement = response.improvement;
  return exported;
}

function text(value: LocalizedText): ExchangeTextV1 {
  return { nl: value.nl, en: value.en };
}

/**
 * Statement order first; keys that are no statement of the instrument (which a stored response
 * cannot have) are kept after them rather than dropped, so an export never loses data silently —
 * the importer would then refuse the file with 'unknown-statement'.
 */
function inItemOrder<T>(record: Readonly<Record<string, T>>, itemIds: readonly string[]): Record<string, T> {
  const ordered: Record<string, T> = {};
  // defineProperty, not assignment: a key can never reach a prototype setter.
  const put = (key: string, value: T) => Object.defineProperty(ordered, key, { value, enumerable: true, writable: true, configurable: true });
  for (const id of itemIds) if (Object.hasOwn(record, id)) put(id, record[id] as T);
  for (const [key, value] of Object.entries(record)) if (!Object.hasOwn(ordered, key)) put(key, value);
  return ordered;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `ketenscan-<title>-<date>.json` for one scan, `ketenscan-<n>-scans-<date>.json` for several
 * (or none), `ketenscan-backup-<date>.json` for a backup of everything on the device.
 */
export function exchangeFileName(scans: readonly Pick<Scan, 'title'>[], date: Date, options: { isBackup?: boolean } = {}): string {
  const day = localDate(date);
  if (options.isBackup) return `ketenscan-backup-${day}.json`;
  const only = scans.length === 1 ? scans[0] : undefined;
  if (only) return `ketenscan-${slugify(only.title) || 'scan'}-${day}.json`;
  return `ketenscan-${scans.length}-scans-${day}.json`;
}

/** `ketenscan-vragenlijst-<title>-<date>.json`: a questionnaire file (its versions, no scans). */
export function questionnaireFileName(instrument: Pick<Instrument, 'id' | 'title'>, date: Date): string {
  const slug = slugify(instrument.title.nl) || slugify(instrument.title.en) || slugify(instrument.id) || 'vragenlijst';
  return `ketenscan-vragenlijst-${slug}-${localDate(date)}.json`;
}

/** `ketenscan-<title>-response-<first 8 of the id>-<date>.json`: unique per participant in a Downloads folder. */
export function responseFileName(scan: Pick<Scan, 'title'>, response: Pick<Response, 'id'>, date: Date): string {
  const shortId = response.id.replace(/[^a-zA-Z0-9]/g, '').slice(0, 8).toLowerCase() || 'response';
  return `ketenscan-${slugify(scan.title) || 'scan'}-response-${shortId}-${localDate(date)}.json`;
}
