// Public surface of the analysis engine. Views import from here only.

export { analyseScan, normaliseAnalysisSettings } from './analyseScan';
export { INDICATIVE_BELOW, POOLED_GROUP_ID } from './groups';
export { EVIDENCE_P_BELOW, classifyGap, compareByEvidence, listGapStatements, orderByEvidence, type GapClass } from './gapEvidence';
export { flagsByChance, type ChanceFlags } from './chance';
export { chiSquareSurvival, kruskalWallisOfCounts, type KruskalWallisResult } from './kruskalWallis';
export type { PMethod, RankTestP } from './rankTestP';
export { collectFreeTexts, FreeTextCollector, FREE_TEXT_MAX_LENGTH, type FreeText, type FreeTexts, type StatementTexts } from './freeTexts';
export { KNOB_WEIGHTS, knobPriority } from './knobs';
export { normaliseKeyword, tidyKeyword } from './keywords';
export { MEAN_DECIMALS, P_DECIMALS, SMALLEST_SHOWN_P, isBelowShownP, isShownPBelow, roundHalfAwayFromZero, shownMean, shownP, shownPercent } from './figures';
export { BAND_LIMITS, EPSILON, bandOf, consensusOfCounts, meanOfCounts, sampleSdOfCounts } from './statistics';
export type {
  AnalysisFilters,
  AnalysisInput,
  AnalysisTotals,
  AnonymityInfo,
  AppliedFilters,
  Band,
  DimensionIndexes,
  GroupExtreme,
  GroupInfo,
  GroupSource,
  IndexSet,
  IndexValue,
  KeywordFrequency,
  Knob,
  OrganisationRespondents,
  ScanAnalysis,
  ScoreCounts,
  StatementAnalysis,
  StatementCell,
  WithheldGroup,
} from './types';
export { analyseScanProtected } from './protectSmallGroups';
