// Chart data from the analysis: pure, exactly tested functions (src/charts/CONTEXT.md,
// "One contract"). This file is the one contract between the analysis and the charts: every chart
// component takes the types declared here (none declares its own row shape), every derived
// figure (shares, reasons) is computed here once, and every field here is drawn by a chart or its
// table (src/charts/CONTEXT.md). Labels are passed in, already translated, so this layer stays
// free of React and of the i18n layer.

import type { PBasis } from '../pMethod';
import { orderByEvidence, type Band, type GapClass, type GroupInfo, type ScanAnalysis, type ScoreCounts, type StatementAnalysis } from '../../domain/analysis';
import type { Instrument, ItemKind, LocalizedText } from '../../domain/types';

export interface ChartLabels {
  chain: string;
  pooledGroup: string;
  localize: (text: LocalizedText) => string;
}

/**
 * A group (an organisation, or the pooled "other partners") as the charts know it. The order of
 * a chart's groups fixes each group's colour and shape, so every chart gets the same order.
 */
export interface GroupRef {
  id: string;
  /** Full name: legends, tables, titles. */
  label: string;
  /** Marker label; default the initials of `label` ("Veilig Thuis" → "VT"). */
  shortLabel?: string;
  /** Small group: its figures are indicative and marked with an asterisk. */
  isIndicative: boolean;
}

/** The groups in analysis order: every chart gets the same order, so colours and shapes agree. */
export function describeGroups(analysis: ScanAnalysis, labels: ChartLabels): GroupRef[] {
  return analysis.groups.map((g) => ({ id: g.id, label: labelGroup(g, labels.pooledGroup), isIndicative: g.isIndicative }));
}

/** The name a group is shown under: the organisation's name, or "other partners" for the pool. */
export function labelGroup(group: GroupInfo, pooledLabel: string): string {
  return group.source.kind === 'organisation' ? group.source.name : pooledLabel;
}

function statementText(instrument: Instrument, itemId: string, labels: ChartLabels): string {
  const item = instrument.items.find((i) => i.id === itemId);
  return item ? labels.localize(item.text) : itemId;
}

function statementNumber(instrument: Instrument, itemId: string): number {
  return instrument.items.findIndex((i) => i.id === itemId) + 1;
}

// ---- Thermometer ----------------------------------------------------------------------------

export interface IndexColumn {
  id: string;
  label: string;
  /** Index on the 1–5 scale; null draws an empty tube marked "no data". */
  value: number | null;
  /** The analysis' band of the value (its rule and tolerance live in the domain). */
  band: Band | null;
  /** Respondents behind the value (for the chain: all counted respondents in groups). */
  n: number;
  /** The chain's own column: hatched, outlined and set apart. */
  isChain: boolean;
  /** Small group: label gets "*", legend explains it. */
  isIndicative: boolean;
}

/** One column per group and one for the chain, for the thermometer (or thermostat) index. */
export function buildIndexColumns(analysis: ScanAnalysis, kind: ItemKind, labels: ChartLabels): IndexColumn[] {
  const groups = analysis.groups.map((g) => ({
    id: g.id,
    label: labelGroup(g, labels.pooledGroup),
    value: g.indexes[kind].value,
    band: g.indexes[kind].band,
    n: g.respondents,
    isChain: false,
    isIndicative: g.isIndicative,
  }));
  const chain: IndexColumn = {
    id: '__chain__',
    label: labels.chain,
    value: analysis.chain[kind].value,
    band: analysis.chain[kind].band,
    n: analysis.groups.reduce((sum, g) => sum + g.respondents, 0),
    isChain: true,
    isIndicative: false,
  };
  return [...groups, chain];
}

// ---- Thermostat per dimension -----------------------------------------------------------------

export interface DimensionValue {
  groupId: string;
  /** Thermostat index of the group on this dimension; null: not drawn, "–" in the table. */
  value: number | null;
}

export interface DimensionSetting {
  /** The dimension id. */
  id: string;
  label: string;
  chainValue: number | null;
  values: DimensionValue[];
}

export function buildDimensionSettings(analysis: ScanAnalysis, instrument: Instrument, kind: ItemKind, labels: ChartLabels): DimensionSetting[] {
  return instrument.dimensions
    .map((dimension) => {
      const chain = analysis.chain.dimensions.find((d) => d.dimensionId === dimension.id);
      return {
        id: dimension.id,
        label: labels.localize(dimension.label),
        chainValue: chain?.[kind].value ?? null,
        values: analysis.groups.map((g) => ({
          groupId: g.id,
          value: g.indexes.dimensions.find((d) => d.dimensionId === dimension.id)?.[kind].value ?? null,
        })),
      };
    })
    .filter((d) => d.chainValue !== null || d.values.some((v) => v.value !== null));
}

// ---- Perception gap -------------------------------------------------------------------------

/** 'evidence': the order of the presenter's gap slides (orderByEvidence in the domain). */
export type GapSort = 'gap' | 'mean' | 'statement' | 'evidence';

export interface GapPoint {
  /** Refers to one of the chart's groups (its name, colour and shape come from there). */
  groupId: string;
  mean: number;
  n: number;
  /** Don't-know answers of the group, shown in the tooltip. */
  dk: number;
}

/** A group withheld on a statement: too few scores (docs/analysis.md, "Too few scores"). */
export interface TooFewScoresMark {
  groupId: string;
  /** Its don't-know answers: the one figure of the cell that is shown. */
  dk: number;
}

export interface GapRow {
  /** The statement id. */
  id: string;
  /** Statement number as shown to participants. */
  number: number;
  text: string;
  /** Only groups with a mean; a group without one is simply absent. */
  points: GapPoint[];
  /** Groups withheld on this statement, named under the statement as "too few scores". */
  tooFewScores?: TooFewScoresMark[];
  chainMean: number | null;
  gap: number | null;
  isDiscussionPoint: boolean;
  /** Large gap, but the Kruskal–Wallis test cannot tell it from chance (p ≥ 0.10). */
  isUncertainDifference: boolean;
  /** Kruskal–Wallis p-value; null without a test (fewer than two groups answered). */
  p: number | null;
  /** How p was found (exact, Monte Carlo, approximation); shown beside it. */
  pBasis?: PBasis | null;
  /** Mean of all valid answers, every respondent weighing the same. */
  weightedMean: number | null;
  consensus: number | null;
}

function gapRow(statement: StatementAnalysis, analysis: ScanAnalysis, instrument: Instrument, labels: ChartLabels): GapRow {
  const points: GapPoint[] = [];
  const tooFewScores: TooFewScoresMark[] = [];
  analysis.groups.forEach((group, index) => {
    const cell = statement.cells[index];
    if (cell?.tooFewScores) tooFewScores.push({ groupId: group.id, dk: cell.dk });
    if (!cell || cell.mean === null) return;
    points.push({ groupId: group.id, mean: cell.mean, n: cell.n, dk: cell.dk });
  });
  return {
    id: statement.itemId,
    number: statementNumber(instrument, statement.itemId),
    text: statementText(instrument, statement.itemId, labels),
    points,
    tooFewScores,
    chainMean: statement.chainMean,
    gap: statement.gap,
    isDiscussionPoint: statement.isDiscussionPoint,
    isUncertainDifference: statement.gapClass === 'uncertainDifference',
    p: statement.kruskalWallis?.p ?? null,
    pBasis: statement.kruskalWallis,
    weightedMean: statement.weightedMean,
    consensus: statement.consensus,
  };
}

/** Rows of the dot plot, sorted: largest gap first, lowest chain mean first, instrument order, or by evidence. */
export function buildGapRows(analysis: ScanAnalysis, instrument: Instrument, labels: ChartLabels, sort: GapSort): GapRow[] {
  const rows = analysis.statements.map((s) => gapRow(s, analysis, instrument, labels));
  const byNumber = (a: GapRow, b: GapRow) => a.number - b.number;
  if (sort === 'evidence') {
    const order = orderByEvidence(analysis.statements).map((s) => s.itemId);
    return rows.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  }
  if (sort === 'gap') return rows.sort((a, b) => (b.gap ?? -1) - (a.gap ?? -1) || byNumber(a, b));
  if (sort === 'mean') return rows.sort((a, b) => (a.chainMean ?? 6) - (b.chainMean ?? 6) || byNumber(a, b));
  return rows.sort(byNumber);
}

// ---- Distribution -----------------------------------------------------------------------------

export interface DistributionRow {
  /** The statement id. */
  id: string;
  number: number;
  text: string;
  /** Counts of 1…5 over all counted respondents. */
  counts: ScoreCounts;
  /** Valid answers (1–5). */
  n: number;
  /** Don't-know answers, drawn as their own bar. */
  dk: number;
  /** Shares of 1…5 among the valid answers: sum 1, or all 0 when n = 0. */
  shares: readonly [number, number, number, number, number];
  /** dk / (n + dk); null when nobody answered. */
  dkShare: number | null;
  /** Tastle & Wierman consensus in [0, 1], in the table; null when n = 0. */
  consensus: number | null;
  /** Some group had too few scores here: its scores are in none of these counts (the table says so). */
  hasWithheldScores?: boolean;
}

const NO_SHARES = [0, 0, 0, 0, 0] as const;

export function buildDistributionRows(analysis: ScanAnalysis, instrument: Instrument, labels: ChartLabels): DistributionRow[] {
  return analysis.statements.map((s) => ({
    id: s.itemId,
    number: statementNumber(instrument, s.itemId),
    text: statementText(instrument, s.itemId, labels),
    counts: s.counts,
    n: s.n,
    dk: s.dk,
    shares: s.n > 0 ? [s.counts[0] / s.n, s.counts[1] / s.n, s.counts[2] / s.n, s.counts[3] / s.n, s.counts[4] / s.n] : NO_SHARES,
    dkShare: s.dkShare,
    consensus: s.consensus,
    hasWithheldScores: s.withheldScores > 0,
  }));
}

// ---- Heatmap ----------------------------------------------------------------------------------

export interface HeatmapCell {
  groupId: string;
  mean: number | null;
  n: number;
  /** Withheld: the cell reads "too few scores" with its don't-know count, never a figure. */
  tooFewScores?: boolean;
  /** Don't-know answers, shown beside "too few scores". */
  dk?: number;
}

export interface HeatmapRow {
  /** The statement id. */
  id: string;
  number: number;
  text: string;
  /** One per group; a group without a cell is drawn as no data. */
  cells: HeatmapCell[];
  chainMean: number | null;
}

export function buildHeatmap(analysis: ScanAnalysis, instrument: Instrument, labels: ChartLabels): { columns: GroupRef[]; rows: HeatmapRow[] } {
  return {
    columns: describeGroups(analysis, labels),
    rows: analysis.statements.map((s) => ({
      id: s.itemId,
      number: statementNumber(instrument, s.itemId),
      text: statementText(instrument, s.itemId, labels),
      cells: s.cells.map((c) => ({ groupId: c.groupId, mean: c.mean, n: c.n, tooFewScores: c.tooFewScores, dk: c.dk })),
      chainMean: s.chainMean,
    })),
  };
}

// ---- Thermometer × thermostat -------------------------------------------------------------------

export interface IndexPoint {
  id: string;
  label: string;
  /** Marker label; default the group's short label, or the label for the chain. */
  shortLabel?: string;
  /** y: thermometer index (results), 1–5. */
  thermometer: number;
  /** x: thermostat index (conditions), 1–5. */
  thermostat: number;
  n: number;
  isChain: boolean;
  isIndicative: boolean;
}

/** Groups (and the chain) that have both indexes; the others cannot be placed. */
export function buildIndexPoints(analysis: ScanAnalysis, labels: ChartLabels): IndexPoint[] {
  const thermostats = buildIndexColumns(analysis, 'thermostat', labels);
  return buildIndexColumns(analysis, 'thermometer', labels)
    .map((column, index) => ({ column, thermostat: thermostats[index]?.value ?? null }))
    .filter((p): p is { column: IndexColumn & { value: number }; thermostat: number } => p.column.value !== null && p.thermostat !== null)
    .map(({ column, thermostat }) => ({
      id: column.id,
      label: column.label,
      thermometer: column.value,
      thermostat,
      n: column.n,
      isChain: column.isChain,
      isIndicative: column.isIndicative,
    }));
}

// ---- Knobs ------------------------------------------------------------------------------------

/**
 * Why a knob stands where it does, from the chain mean's band (the domain's rule, with its
 * tolerance) and the statement's gap class: 'low' is the concern band (< 3.0); a knob that is
 * neither low nor a large gap says its band instead of claiming to be low. A large gap (at or over
 * the scan's threshold) is named for what the gap view calls it: a discussion point ('gap',
 * 'both') or a large gap that could be chance ('gapChance', 'lowGapChance'); "no large gap"
 * ('attention', 'strong') is said only below the threshold (docs/analysis.md, "Knobs to turn first").
 */
export type KnobReason = 'low' | 'gap' | 'both' | 'gapChance' | 'lowGapChance' | 'attention' | 'strong' | 'none';

export interface KnobRow {
  /** The statement id. */
  id: string;
  number: number;
  text: string;
  /** The dimension's label (the views call it a theme). */
  dimension: string;
  /** 1 = turn first; null without a chain mean (not listed). */
  rank: number | null;
  chainMean: number | null;
  gap: number | null;
  /** The knob priority in [0, 1] (README "Knobs to turn first"), shown in the table. */
  priority: number | null;
  isDiscussionPoint: boolean;
  reason: KnobReason;
}

export function knobReason(band: Band | null, gapClass: GapClass): KnobReason {
  if (band === null) return 'none';
  const isLow = band === 'concern';
  if (gapClass === 'discussionPoint') return isLow ? 'both' : 'gap';
  if (gapClass === 'uncertainDifference') return isLow ? 'lowGapChance' : 'gapChance';
  return isLow ? 'low' : band;
}

export function buildKnobRows(analysis: ScanAnalysis, instrument: Instrument, labels: ChartLabels): KnobRow[] {
  return analysis.knobs.map((k) => {
    const dimension = instrument.dimensions.find((d) => d.id === k.dimensionId);
    return {
      id: k.itemId,
      number: statementNumber(instrument, k.itemId),
      text: statementText(instrument, k.itemId, labels),
      dimension: dimension ? labels.localize(dimension.label) : k.dimensionId,
      rank: k.rank,
      chainMean: k.chainMean,
      gap: k.gap,
      priority: k.priority,
      isDiscussionPoint: k.isDiscussionPoint,
      reason: knobReason(k.band, k.gapClass),
    };
  });
}

// ---- Keywords ---------------------------------------------------------------------------------

export interface KeywordCount {
  text: string;
  count: number;
}

/** The "three words" as the cloud draws them: the most common spelling and how many gave it. */
export function buildKeywordCounts(analysis: ScanAnalysis): KeywordCount[] {
  return analysis.keywords.map((k) => ({ text: k.display, count: k.count }));
}
