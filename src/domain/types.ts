// Core domain types of Ketenscan. Pure data: no React, no Dexie.
// The shapes mirror the exchange format v1 (docs/exchange-format.md) so export is a projection, not a translation.

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** A text in both languages of the app. Dutch is the reference text. */
export interface LocalizedText {
  nl: string;
  en: string;
}

/** Thermometer: how well does the joint work go? Thermostat: are the steerable conditions in place? */
export type ItemKind = 'thermometer' | 'thermostat';
export const ITEM_KINDS: readonly ItemKind[] = ['thermometer', 'thermostat'];

export interface Dimension {
  id: string;
  label: LocalizedText;
}

export interface Item {
  /** Stable id: never reused for a changed meaning. */
  id: string;
  dimension: string;
  kind: ItemKind;
  text: LocalizedText;
  /**
   * The id of the statement this one took the place of because its wording changed with a new
   * meaning (docs/instrument-and-rounds.md): the version diff says "new meaning", rounds never
   * compare the two. Kept by later versions; absent for a statement that replaced none.
   */
  replaces?: string;
}

export interface Instrument {
  /** The questionnaire (lineage) id: every version of one questionnaire shares it. */
  id: string;
  /** The version's number, for people ("versie 3"); not its identity (docs/instrument-and-rounds.md, "Versions"). */
  version: number;
  /**
   * The version's globally unique id, made when it was saved. Absent on versions saved before
   * versions had one: `versionIdOf` (domain/instrument/versions.ts) then derives it from the content.
   */
  versionId?: string;
  /** The name the director gave this version; absent: it is called by its number. */
  versionName?: string;
  title: LocalizedText;
  dimensions: Dimension[];
  items: Item[];
}

/** A valid score on the 5-point scale. */
export type Score = 1 | 2 | 3 | 4 | 5;
export const SCORES: readonly Score[] = [1, 2, 3, 4, 5];
/** "Weet niet / niet van toepassing": recorded, counted beside n, never a number. */
export type DontKnow = 'dk';
export const DONT_KNOW: DontKnow = 'dk';
export type Answer = Score | DontKnow;

export type Level = 'uitvoering' | 'management' | 'bestuur';
export const LEVELS: readonly Level[] = ['uitvoering', 'management', 'bestuur'];

export interface Organisation {
  id: string;
  name: string;
  /**
   * Ids of the organisations merged into this one (in this scan or in a round it was copied
   * from), recorded by the merge, so a comparison of rounds knows its membership changed
   * (docs/instrument-and-rounds.md, "Partners that change"). Absent: never merged.
   */
  mergedFrom?: string[];
  /** Id of the organisation this one was split off from, recorded when it was added as a part. */
  splitFrom?: string;
}

export interface ScanSettings {
  /** Anonymity guard: organisations with fewer respondents are never shown on their own. */
  minGroupSize: number;
  /** A statement is a discussion point when the gap between group means reaches this. */
  gapThreshold: number;
  /** Whether participants are asked for their level (execution / management / board). */
  askLevel: boolean;
  /** The language a participant starts in; Dutch when absent (docs/instrument-and-rounds.md). */
  startLanguage?: Language;
  /**
   * The optional extras participants are asked for. Absent means asked (scans and files from
   * before these settings); only `false` turns one off (src/domain/extras.ts).
   */
  askComments?: boolean;
  askKeywords?: boolean;
  askImprovement?: boolean;
}

export const DEFAULT_SETTINGS: ScanSettings = {
  minGroupSize: 3,
  gapThreshold: 1.0,
  askLevel: true,
};

export type ScanStatus = 'open' | 'closed';

export interface Scan {
  /** UUID */
  id: string;
  title: string;
  /** ISO date, yyyy-mm-dd */
  date: string;
  settings: ScanSettings;
  /** A snapshot: later edits of an instrument never change the meaning of collected answers. */
  instrument: Instrument;
  organisations: Organisation[];
  status: ScanStatus;
  /** True for the generated demo workshop, so it can be labelled and re-created. */
  isDemo: boolean;
  /**
   * Optional digits a director sets to leave the participant's room on a shared device. Device-
   * local: never exported (docs/shared-devices.md).
   */
  exitPin?: string;
  /** ISO timestamp */
  createdAt: string;
  /**
   * Set when the scan is one round of a repeated scan: scans with the same series id are rounds
   * of one series, numbered from 1 (docs/instrument-and-rounds.md). Device-local for now.
   */
  series?: ScanSeries;
}

export interface ScanSeries {
  id: string;
  round: number;
}

export type ResponseStatus = 'draft' | 'submitted';

export interface Response {
  /** UUID */
  id: string;
  scanId: string;
  organisationId: string;
  level: Level | null;
  /** Statement id → answer. A statement left unanswered is absent. */
  answers: Record<string, Answer>;
  comments: Record<string, string>;
  keywords: string[];
  improvement: string;
  /** ISO timestamp */
  startedAt: string;
  /** ISO timestamp, null while draft */
  submittedAt: string | null;
  status: ResponseStatus;
  /** Where the participant was in the answer flow (step index), so a reload resumes exactly there. */
  position: number;
  /** ISO timestamp of the last change to a draft; absent on drafts written before it existed. */
  lastActivityAt?: string;
  /**
   * ISO timestamp at which a draft was set aside on a shared device because someone else started
   * afresh or it sat idle too long: it is never offered for resuming again, only listed for the
   * director (docs/shared-devices.md).
   */
  parkedAt?: string;
}

/** A submitted response, as analysis and export see it. */
export type SubmittedResponse = Response & { status: 'submitted'; submittedAt: string };
