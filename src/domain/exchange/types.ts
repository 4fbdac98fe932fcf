// The exchange format v1 (docs/exchange-format.md), frozen.
//
// These types are written out here instead of reusing the domain types on purpose: other tools
// and scripts depend on this shape, so a later change to `Scan` or `Response` must not silently
// change what a v1 file is. Within version 1 fields may be added, never renamed or removed; a
// reader therefore ignores fields it does not know (see schema.ts).

export const EXCHANGE_FORMAT = 'ketenscan';
export const EXCHANGE_VERSION = 1;

export type ExchangeAnswerV1 = 1 | 2 | 3 | 4 | 5 | 'dk';
export type ExchangeLevelV1 = 'uitvoering' | 'management' | 'bestuur';
export type ExchangeItemKindV1 = 'thermometer' | 'thermostat';

export interface ExchangeTextV1 {
  nl: string;
  en: string;
}

export interface ExchangeItemV1 {
  id: string;
  dimension: string;
  kind: ExchangeItemKindV1;
  text: ExchangeTextV1;
  /** Added in v1 by Ketenscan 0.1 (issue 26): the statement this one took the place of (its wording got a new meaning); absent when none. */
  replaces?: string;
}

export interface ExchangeInstrumentV1 {
  id: string;
  version: number;
  /** Added in v1 by Ketenscan 0.1 (issue 26): the version's globally unique id; absent in older files (then derived from the content). */
  versionId?: string;
  /** Added in v1 by Ketenscan 0.1 (issue 26): the name the director gave the version; absent: called by its number. */
  versionName?: string;
  title: ExchangeTextV1;
  dimensions: { id: string; label: ExchangeTextV1 }[];
  items: ExchangeItemV1[];
}

/** The version a saved version was edited from. */
export interface ExchangeVersionRefV1 {
  id: string;
  version: number;
  versionId?: string;
}

/**
 * Added in v1 by Ketenscan 0.1 (issue 26): a saved version of a questionnaire (the device's
 * library), with its id, when it was saved and what it was edited from.
 */
export interface ExchangeInstrumentVersionV1 {
  id: string;
  version: number;
  versionId: string;
  versionName?: string;
  title: ExchangeTextV1;
  dimensions: { id: string; label: ExchangeTextV1 }[];
  items: ExchangeItemV1[];
  /** ISO timestamp of the save. */
  savedAt: string;
  basedOn: ExchangeVersionRefV1 | null;
}

export interface ExchangeSettingsV1 {
  minGroupSize: number;
  gapThreshold: number;
  /** Added in v1 by Ketenscan 0.1: absent in files of other tools, read as "true" (the app default). */
  askLevel?: boolean;
  /** Added in v1 by Ketenscan 0.1 (issue 16): the language participants start in; absent means Dutch unless the participant chooses. */
  startLanguage?: 'nl' | 'en';
  /** Added in v1 by Ketenscan 0.1 (issue 16): whether the optional extras are asked; each absent means true. */
  askComments?: boolean;
  askKeywords?: boolean;
  askImprovement?: boolean;
}

/** Added in v1 by Ketenscan 0.1 (issue 16): the scan is round `round` (1, 2, …) of the series `id`. */
export interface ExchangeSeriesV1 {
  id: string;
  round: number;
}

export interface ExchangeOrganisationV1 {
  id: string;
  name: string;
  /** Added in v1 by Ketenscan 0.1 (issue 23): ids of the organisations merged into this one; absent when none. */
  mergedFrom?: string[];
  /** Added in v1 by Ketenscan 0.1 (issue 23): id of the organisation this one was split off from. */
  splitFrom?: string;
}

/**
 * A submitted response. `comments`, `keywords` and `improvement` are written only when they
 * hold something: no `{}`, no `[]`, no `""` (a reader treats absent and empty the same).
 */
export interface ExchangeResponseV1 {
  /** UUID */
  id: string;
  organisationId: string;
  level: ExchangeLevelV1 | null;
  /** ISO timestamp; written in UTC with milliseconds (`2026-11-22T10:03:12.000Z`). */
  submittedAt: string;
  /** Statement id → answer; a statement left unanswered is absent. */
  answers: Record<string, ExchangeAnswerV1>;
  comments?: Record<string, string>;
  keywords?: string[];
  improvement?: string;
}

export interface ExchangeScanV1 {
  /** UUID */
  id: string;
  title: string;
  /** yyyy-mm-dd */
  date: string;
  settings: ExchangeSettingsV1;
  /** Absent for a scan that is not a round of a series. */
  series?: ExchangeSeriesV1;
  instrument: ExchangeInstrumentV1;
  organisations: ExchangeOrganisationV1[];
  /** Added in v1 by Ketenscan 0.1 (issue 24): the room's votes on this scan, as counts; absent means none in this file. */
  votes?: ExchangeVoteV1[];
  /** Added in v1 by Ketenscan 0.1 (issue 24): what the room agreed in this scan's workshop; absent means none in this file. */
  agreements?: ExchangeAgreementV1[];
  responses: ExchangeResponseV1[];
}

/** A statement on a vote's ballot and why it is there (docs/agreements.md). */
export interface ExchangeVoteOptionV1 {
  itemId: string;
  kind: 'discussionPoint' | 'uncertainDifference';
}

/** Added in v1 by Ketenscan 0.1 (issue 24): a vote of the room, as counts; who voted what is in no file. */
export interface ExchangeVoteV1 {
  /** UUID */
  id: string;
  method: 'phones' | 'hands';
  votesPerPerson: number;
  /** The ballot, in the order shown. */
  options: ExchangeVoteOptionV1[];
  /** Statement id → votes, one entry per option (0 when none), in ballot order. */
  counts: Record<string, number>;
  /** Phones whose ballot counted; null for a show of hands. */
  ballots: number | null;
  /** ISO timestamps; closedAt null while the vote was open. */
  openedAt: string;
  closedAt: string | null;
}

/** Added in v1 by Ketenscan 0.1 (issue 24): what became of an agreement, judged in a later round. */
export interface ExchangeFollowUpV1 {
  status: 'done' | 'underway' | 'dropped';
  note: string;
  /** UUID of the scan (round) in which it was judged; that scan need not be in the file. */
  judgedInScanId: string;
  updatedAt: string;
}

/** Added in v1 by Ketenscan 0.1 (issue 24): an agreement of the scan's workshop; it names partners, never people. */
export interface ExchangeAgreementV1 {
  /** UUID */
  id: string;
  /** A statement of the scan's instrument, or null. */
  itemId: string | null;
  what: string;
  /** Organisation ids of the scan, at least one. */
  partnerIds: string[];
  /** yyyy-mm-dd or null */
  due: string | null;
  votes: number | null;
  /** A vote of this scan (in the file or on the reading device), or null. */
  voteId: string | null;
  createdAt: string;
  /** Decides which copy an import keeps when the device has the same agreement. */
  updatedAt: string;
  followUp: ExchangeFollowUpV1 | null;
}

/** The complete exported shape: what `buildExchangeFile` writes and `parseExchangeFile` returns. */
export interface ExchangeFileV1 {
  format: typeof EXCHANGE_FORMAT;
  version: typeof EXCHANGE_VERSION;
  /** ISO timestamp */
  exportedAt: string;
  /** e.g. "ketenscan 0.1.0" */
  generator: string;
  /** May be empty: a questionnaire file holds only `instrumentVersions`. */
  scans: ExchangeScanV1[];
  /**
   * Added in v1 by Ketenscan 0.1 (issue 26): saved versions of the questionnaires, so another
   * device continues with the full history; absent means none in this file, never "delete".
   */
  instrumentVersions?: ExchangeInstrumentVersionV1[];
}

/**
 * What arrives from a file, a QR code or another tool before validation: nothing is trusted,
 * not even that it is an object. Only `parseExchangeFile` / `validateExchangeData` turn it
 * into an `ExchangeFileV1`.
 */
export type IncomingExchangeData = unknown;

/**
 * Upper bounds a file must respect. They keep a hostile or broken file from exhausting memory
 * or the screen; they are far above what a real workshop produces.
 */
export const EXCHANGE_LIMITS = {
  /**
   * Default for `parseExchangeFile`'s `maxBytes` (docs/scale.md "Import"). An honest file of the
   * largest scan (100,000 responses, below) is about 24 MB, or about 40 MB when many wrote
   * comments; 64 MiB leaves room for that and still refuses absurd input before parsing it,
   * whose peak memory is several times the text (a 64 MiB file ≈ 0.5 GB in a tab).
   */
  maxBytes: 64 * 1024 * 1024,
  /** Free text of a participant: a comment or the improvement point. */
  freeText: 10_000,
  /** Scan title, organisation name, instrument title, dimension label, generator. */
  shortText: 200,
  /** A statement's text. */
  statementText: 1_000,
  /** One keyword. */
  keyword: 200,
  /** Ids that are not UUIDs: instrument, dimension, statement, organisation. */
  id: 100,
  keywords: 10,
  scans: 1_000,
  responsesPerScan: 100_000,
  items: 200,
  dimensions: 50,
  organisations: 500,
  /** Saved questionnaire versions in one file. */
  instrumentVersions: 1_000,
  /** Nesting of objects and lists: a v1 file needs 7 levels; deeper text is refused before parsing. */
  maxDepth: 64,
  /** How many problems a refused file reports at most (the first one is `error`). */
  reportedProblems: 10,
} as const;
