// Input and result shapes of the analysis engine. docs/analysis.md defines every figure, in words
// a chain director uses and for developers; src/domain/analysis/CONTEXT.md maps the files.
// Every mean is on the 1–5 scale and unrounded: rounding is the view's job.

import type { TallyRecord } from '../tallyRecord';
import type { Instrument, ItemKind, Level, Organisation, Response, ScanSettings } from '../types';
import type { GapClass } from './gapEvidence';
import type { KruskalWallisResult } from './kruskalWallis';

/**
 * Which responses and statements a view looks at. An absent or empty list means "no filter";
 * unknown levels and kinds are ignored, so a list of only unknown values matches nothing.
 */
export interface AnalysisFilters {
  /**
   * Only responses whose level is in this list are counted. A response without a level never
   * matches a level filter. Applied before groups are formed, so a filter can push an
   * organisation under the anonymity threshold.
   */
  levels?: readonly Level[];
  /** Only responses of these organisations are counted (also before groups are formed). */
  organisationIds?: readonly string[];
  /** Only statements of these kinds are analysed; indexes of the other kind become empty. */
  kinds?: readonly ItemKind[];
}

export interface AnalysisInput {
  instrument: Instrument;
  organisations: readonly Organisation[];
  /** Drafts may be passed: only responses with status 'submitted' are counted. */
  responses: readonly Response[];
  /**
   * The scan's stored tally (docs/scale.md): when given, the figures come from it and
   * `responses` is not read. Both give the same analysis (tests/unit/analysis/storedTally.test.ts).
   */
  tallyRecord?: TallyRecord;
  settings: Pick<ScanSettings, 'minGroupSize' | 'gapThreshold'>;
  filters?: AnalysisFilters;
}

/** Band of a mean on the 1–5 scale: ≥ 4.0 strong, 3.0–3.99 attention, < 3.0 concern. */
export type Band = 'strong' | 'attention' | 'concern';

/** Number of answers 1, 2, 3, 4 and 5, in that order. */
export type ScoreCounts = readonly [number, number, number, number, number];

/** Where a group comes from: one organisation, or the pool "other partners". */
export type GroupSource =
  | { kind: 'organisation'; organisationId: string; name: string }
  /** Organisations each under the anonymity threshold that together reach it. */
  | { kind: 'pooled'; organisationIds: readonly string[] };

/** A group whose figures may be shown: an organisation at or above the threshold, or the pool. */
export interface GroupInfo {
  /** The organisation id, or POOLED_GROUP_ID for "other partners". */
  id: string;
  source: GroupSource;
  /** Counted respondents in this group (after filters), whether or not they answered a statement. */
  respondents: number;
  /** True when respondents < INDICATIVE_BELOW: show the figures, labelled "indicative". */
  isIndicative: boolean;
  /** Thermometer and thermostat index of this group, overall and per dimension. */
  indexes: IndexSet;
}

/**
 * The figures of one statement within one group. A group that gave this statement at least one
 * but fewer than minGroupSize scores (1–5) is withheld on it (docs/analysis.md, "Too few
 * scores"): `tooFewScores`, n 0, no mean, sd or counts; only the don't-know count is shown.
 */
export interface StatementCell {
  groupId: string;
  /** Valid answers (1–5) that count in the figures; 0 when tooFewScores. */
  n: number;
  /** Don't-know answers, never part of a mean (shown also when tooFewScores). */
  dk: number;
  /** Respondents of the group who left the statement unanswered (or gave an invalid value). */
  unanswered: number;
  /** Arithmetic mean of the valid answers; null when n = 0. */
  mean: number | null;
  /** Sample standard deviation (divisor n − 1); null when n < 2. */
  sd: number | null;
  /** Answers 1…5; all 0 when tooFewScores. */
  counts: ScoreCounts;
  /** True when n < INDICATIVE_BELOW. */
  isIndicative: boolean;
  /**
   * The group gave 1…minGroupSize−1 scores here: too few to show. Those scores count in none of
   * the statement's figures (chain-wide ones, chain mean, gap, test), so no subtraction finds them.
   */
  tooFewScores: boolean;
  /** Scores left out because of tooFewScores (0 otherwise): for the bookkeeping, never shown. */
  withheldScores: number;
}

/** The highest or lowest group mean of a statement, with every group that has it (ties). */
export interface GroupExtreme {
  mean: number;
  /** In group order; more than one id when groups tie. */
  groupIds: readonly string[];
}

/** All figures of one statement. */
export interface StatementAnalysis {
  itemId: string;
  dimensionId: string;
  kind: ItemKind;

  // Chain-wide figures over every counted respondent, also those of organisations in no group,
  // but never over the scores of a group with too few scores on this statement (withheldScores).
  /** Valid answers (1–5) that count in the figures. */
  n: number;
  /** Don't-know answers. */
  dk: number;
  /** Scores of groups with too few scores on this statement (StatementCell.tooFewScores): in no figure. */
  withheldScores: number;
  /** Counted respondents who left the statement unanswered (or gave an invalid value). */
  unanswered: number;
  /** dk / (n + dk); null when both are 0. */
  dkShare: number | null;
  counts: ScoreCounts;
  /** Mean of all valid answers, every respondent weighing the same; null when n = 0. */
  weightedMean: number | null;
  /** Tastle & Wierman consensus in [0, 1]; null when n = 0. */
  consensus: number | null;
  /**
   * True when respondents of suppressed organisations (in no group) gave this statement an answer
   * or a don't-know. The chain-wide figures above then include them, and subtracting the group
   * figures from them would reveal what those few people answered: a view that shows groups
   * should not show n, counts or the weighted mean of such a statement beside them.
   */
  hasSuppressedAnswers: boolean;

  // Figures over groups only.
  /** Unweighted mean of the group means (every group weighs the same); null when no group has a mean. */
  chainMean: number | null;
  /** Band of the chain mean; null when there is no chain mean. */
  band: Band | null;
  /** Groups with a mean on this statement (n ≥ 1 and not tooFewScores). */
  participatingGroups: number;
  /** Highest minus lowest group mean; 0 with one participating group, null with none. */
  gap: number | null;
  /** gap ≥ gapThreshold and at least two participating groups: a gap worth a look. */
  hasLargeGap: boolean;
  /** Kruskal–Wallis test over the groups' answers; null with fewer than two groups that answered. */
  kruskalWallis: KruskalWallisResult | null;
  /** Discussion point (large gap, p < 0.10), uncertain difference (large gap, p ≥ 0.10) or none. */
  gapClass: GapClass;
  /** gapClass === 'discussionPoint': a large gap that chance alone rarely makes. */
  isDiscussionPoint: boolean;
  highest: GroupExtreme | null;
  lowest: GroupExtreme | null;
  /** One cell per group, in the order of ScanAnalysis.groups. */
  cells: readonly StatementCell[];
}

/** A mean of statement means (an index), with the number of statements it is over. */
export interface IndexValue {
  /** null when no statement contributes. */
  value: number | null;
  /** Statements that contributed. */
  statementCount: number;
  band: Band | null;
}

export interface DimensionIndexes {
  dimensionId: string;
  thermometer: IndexValue;
  thermostat: IndexValue;
}

/** Thermometer and thermostat index overall and per dimension (instrument order). */
export interface IndexSet {
  thermometer: IndexValue;
  thermostat: IndexValue;
  dimensions: readonly DimensionIndexes[];
}

/** A thermostat statement in the chain director's ranked list of conditions to work on. */
export interface Knob {
  itemId: string;
  dimensionId: string;
  /** 1 = work on this first; null for statements without a chain mean (listed last). */
  rank: number | null;
  /** In [0, 1]: (2/3)·(5 − chain mean)/4 + (1/3)·gap/4; null without a chain mean. */
  priority: number | null;
  chainMean: number | null;
  gap: number | null;
  band: Band | null;
  /** The statement's gap class: a knob's reason names a large gap for what it is (docs/analysis.md). */
  gapClass: GapClass;
  isDiscussionPoint: boolean;
}

/** How often a word was given as one of "three words", counted once per response. */
export interface KeywordFrequency {
  /** Trimmed, whitespace collapsed, lower case (nl): what identical words are recognised by. */
  key: string;
  /** The most common spelling as typed (trimmed, whitespace collapsed). */
  display: string;
  /** Responses that gave this word. */
  count: number;
}

/** What the anonymity guard did, without any figure of a small organisation. */
export interface AnonymityInfo {
  minGroupSize: number;
  /** Organisations under the threshold pooled into "other partners" (empty when no pool). */
  pooledOrganisationIds: readonly string[];
  /** Organisations under the threshold in no group: counted in chain totals only. */
  suppressedOrganisationIds: readonly string[];
  /** Counted respondents of the suppressed organisations together. */
  suppressedRespondents: number;
  /** Organisations with no counted respondent. */
  absentOrganisationIds: readonly string[];
}

/** Who has answered: a count of submitted responses, not a figure about their answers. */
export interface OrganisationRespondents {
  organisationId: string;
  /** Submitted responses of this organisation, before filters (for the live counter). */
  respondents: number;
}

export interface AnalysisTotals {
  /** Submitted responses passed in, before filters. */
  submittedResponses: number;
  /** Submitted responses that match the filters and a known organisation: the ones analysed. */
  countedResponses: number;
  /** Submitted responses left out by the level or organisation filter. */
  excludedByFilters: number;
  /** Submitted responses of an organisation that is not in the scan's list. */
  unknownOrganisationResponses: number;
  /** Answers to analysed statements that are neither 1–5 nor 'dk' (never repaired, never counted). */
  invalidAnswers: number;
}

export interface AppliedFilters {
  levels: readonly Level[] | null;
  organisationIds: readonly string[] | null;
  kinds: readonly ItemKind[] | null;
}

/** A group whose figures a respondent filter would make subtractable: withheld under that filter. */
export interface WithheldGroup {
  /** The organisation id, or POOLED_GROUP_ID, as the group is formed without filters. */
  groupId: string;
  /** Its member organisations. */
  organisationIds: readonly string[];
}

export interface ScanAnalysis {
  settings: { minGroupSize: number; gapThreshold: number };
  filters: AppliedFilters;
  totals: AnalysisTotals;
  /** Submitted responses per organisation, scan order, before filters: the live "who answered" counter. */
  respondentsPerOrganisation: readonly OrganisationRespondents[];
  anonymity: AnonymityInfo;
  /** Organisation groups in scan order, then the pooled group if there is one. */
  groups: readonly GroupInfo[];
  /** Analysed statements in instrument order. */
  statements: readonly StatementAnalysis[];
  /** Chain thermometer and thermostat index: means of the statements' chain means. */
  chain: IndexSet;
  /** Thermostat statements, highest priority first. */
  knobs: readonly Knob[];
  /** Keyword frequencies, most frequent first, then alphabetical. */
  keywords: readonly KeywordFrequency[];
  /**
   * Groups left out because the level or partner filter would separate fewer than minGroupSize
   * people within them (filterGuard.ts). Always empty from analyseScan; analyseScanProtected fills it.
   */
  withheldByFilter: readonly WithheldGroup[];
}
