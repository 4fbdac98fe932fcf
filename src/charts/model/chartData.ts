// Chart data from the analysis: pure, exactly tested functions (STYLE.md: "reports/spreadsheets"
// → "graphs"). Components only draw what these return; every label is passed in, already
// translated, so this layer stays free of React and of the i18n layer.

import type { Band, GroupInfo, ScanAnalysis, StatementAnalysis } from '../../domain/analysis';
import type { Instrument, ItemKind, LocalizedText } from '../../domain/types';

export interface ChartLabels {
  chain: string;
  pooledGroup: string;
  localize: (text: LocalizedText) => string;
}

export interface GroupRef {
  id: string;
  label: string;
  respondents: number;
  isIndicative: boolean;
}

/** The groups in analysis order: every chart gets the same order, so colours and shapes agree. */
export function describeGroups(analysis: ScanAnalysis, labels: ChartLabels): GroupRef[] {
  return analysis.groups.map((g) => ({ id: g.id, label: labelGroup(g, labels.pooledGroup), respondents: g.respondents, isIndicative: g.isIndicative }));
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
  value: number | null;
  band: Band | null;
  /** Respondents behind the value (for the chain: all counted respondents). */
  n: number;
  isChain: boolean;
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

export interface DimensionSetting {
  /** The dimension id. */
  id: string;
  label: string;
  chainValue: number | null;
  values: { groupId: string; value: number | null }[];
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

export type GapSort = 'gap' | 'mean' | 'statement';

export interface GapPoint {
  groupId: string;
  label: string;
  mean: number;
  n: number;
  dk: number;
  isIndicative: boolean;
}

export interface GapRow {
  /** The statement id. */
  id: string;
  number: number;
  text: string;
  kind: ItemKind;
  points: GapPoint[];
  chainMean: number | null;
  gap: number | null;
  isDiscussionPoint: boolean;
  /** Large gap, but the Kruskal–Wallis test cannot tell it from chance (p ≥ 0.10). */
  isUncertainDifference: boolean;
  /** Kruskal–Wallis p-value; null without a test (fewer than two groups answered). */
  p: number | null;
  /** Mean of all valid answers, every respondent weighing the same. */
  weightedMean: number | null;
  consensus: number | null;
}

function gapRow(statement: StatementAnalysis, analysis: ScanAnalysis, instrument: Instrument, labels: ChartLabels): GapRow {
  const points: GapPoint[] = [];
  analysis.groups.forEach((group, index) => {
    const cell = statement.cells[index];
    if (!cell || cell.mean === null) return;
    points.push({ groupId: group.id, label: labelGroup(group, labels.pooledGroup), mean: cell.mean, n: cell.n, dk: cell.dk, isIndicative: cell.isIndicative });
  });
  return {
    id: statement.itemId,
    number: statementNumber(instrument, statement.itemId),
    text: statementText(instrument, statement.itemId, labels),
    kind: statement.kind,
    points,
    chainMean: statement.chainMean,
    gap: statement.gap,
    isDiscussionPoint: statement.isDiscussionPoint,
    isUncertainDifference: statement.gapClass === 'uncertainDifference',
    p: statement.kruskalWallis?.p ?? null,
    weightedMean: statement.weightedMean,
    consensus: statement.consensus,
  };
}

/** Rows of the dot plot, sorted: largest gap first, lowest chain mean first, or instrument order. */
export function buildGapRows(analysis: ScanAnalysis, instrument: Instrument, labels: ChartLabels, sort: GapSort): GapRow[] {
  const rows = analysis.statements.map((s) => gapRow(s, analysis, instrument, labels));
  const byNumber = (a: GapRow, b: GapRow) => a.number - b.number;
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
  counts: readonly [number, number, number, number, number];
  n: number;
  dk: number;
  /** Shares of 1…5 among the valid answers (sum 1), empty when n = 0. */
  shares: number[];
  dkShare: number | null;
  consensus: number | null;
}

export function buildDistributionRows(analysis: ScanAnalysis, instrument: Instrument, labels: ChartLabels): DistributionRow[] {
  return analysis.statements.map((s) => ({
    id: s.itemId,
    number: statementNumber(instrument, s.itemId),
    text: statementText(instrument, s.itemId, labels),
    counts: s.counts,
    n: s.n,
    dk: s.dk,
    shares: s.n > 0 ? s.counts.map((c) => c / s.n) : [],
    dkShare: s.dkShare,
    consensus: s.consensus,
  }));
}

// ---- Heatmap ----------------------------------------------------------------------------------

export interface HeatmapCell {
  groupId: string;
  mean: number | null;
  n: number;
  isIndicative: boolean;
}

export interface HeatmapRow {
  /** The statement id. */
  id: string;
  number: number;
  text: string;
  kind: ItemKind;
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
      kind: s.kind,
      cells: s.cells.map((c) => ({ groupId: c.groupId, mean: c.mean, n: c.n, isIndicative: c.isIndicative })),
      chainMean: s.chainMean,
    })),
  };
}

// ---- Thermometer × thermostat -------------------------------------------------------------------

export interface IndexPoint {
  id: string;
  label: string;
  thermometer: number;
  thermostat: number;
  n: number;
  isChain: boolean;
  isIndicative: boolean;
}

/** Groups (and the chain) that have both indexes; the others cannot be placed. */
export function buildIndexPoints(analysis: ScanAnalysis, labels: ChartLabels): IndexPoint[] {
  return buildIndexColumns(analysis, 'thermometer', labels)
    .map((column, index) => {
      const thermostat = buildIndexColumns(analysis, 'thermostat', labels)[index];
      return { column, thermostat: thermostat?.value ?? null };
    })
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

export type KnobReason = 'low' | 'gap' | 'both' | 'none';

export interface KnobRow {
  /** The statement id. */
  id: string;
  number: number;
  text: string;
  dimension: string;
  rank: number | null;
  chainMean: number | null;
  gap: number | null;
  priority: number | null;
  isDiscussionPoint: boolean;
  reason: KnobReason;
}

/** Why a knob ranks high: a chain mean under 3 ("low"), a discussion-point gap, or both. */
export function knobReason(chainMean: number | null, isDiscussionPoint: boolean): KnobReason {
  if (chainMean === null) return 'none';
  const low = chainMean < 3;
  if (low && isDiscussionPoint) return 'both';
  if (isDiscussionPoint) return 'gap';
  return 'low';
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
      reason: knobReason(k.chainMean, k.isDiscussionPoint),
    };
  });
}
