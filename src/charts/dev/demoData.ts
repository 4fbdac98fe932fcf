// Fixed demo figures for the chart preview: deterministic, invented, shaped like a real workshop
// (six partners and a pooled group, the default instrument's thirteen statements).

import { DEFAULT_INSTRUMENT } from '../../domain/instrument/defaultInstrument';
import type { Language } from '../../domain/types';
import { knobPriority } from '../../domain/analysis/knobs';
import { bandOf, consensusOfCounts } from '../../domain/analysis/statistics';
import {
  knobReason,
  type DimensionSetting,
  type DistributionRow,
  type GapRow,
  type GroupRef,
  type HeatmapRow,
  type IndexColumn,
  type IndexPoint,
  type KeywordCount,
  type KnobRow,
} from '../model/chartData';

export const DEMO_GROUPS: GroupRef[] = [
  { id: 'politie', label: 'Politie', isIndicative: false },
  { id: 'om', label: 'Openbaar Ministerie', shortLabel: 'OM', isIndicative: false },
  { id: 'jb', label: 'Jeugdbescherming', shortLabel: 'JB', isIndicative: false },
  { id: 'gemeente', label: 'Gemeente', shortLabel: 'Gem', isIndicative: false },
  { id: 'zorg', label: 'Zorgaanbieders', shortLabel: 'Zorg', isIndicative: false },
  { id: 'vt', label: 'Veilig Thuis', shortLabel: 'VT', isIndicative: true },
  { id: 'overig', label: 'Overige partners', shortLabel: 'Ov', isIndicative: false },
];

const RESPONDENTS: Record<string, number> = { politie: 9, om: 5, jb: 7, gemeente: 6, zorg: 11, vt: 3, overig: 4 };

/** A fixed, varied mean per statement and group (no randomness: the preview never changes). */
function demoMean(itemIndex: number, groupIndex: number): number | null {
  if (itemIndex === 9 && groupIndex === 1) return null;
  const base = 2.2 + ((itemIndex * 7 + 3) % 11) / 5;
  const spread = ((groupIndex * 5 + itemIndex * 3) % 9) / 8 - 0.5;
  const wide = itemIndex % 4 === 0 ? 1.6 : 0.7;
  return Math.round(Math.min(5, Math.max(1, base + spread * wide)) * 100) / 100;
}

// Index figures chosen by hand so the thermometer and scatter show every band and quadrant.
const DEMO_INDEX: Record<string, { thermometer: number; thermostat: number }> = {
  politie: { thermometer: 4.2, thermostat: 3.8 },
  om: { thermometer: 3.55, thermostat: 2.7 },
  jb: { thermometer: 2.6, thermostat: 2.9 },
  gemeente: { thermometer: 3.1, thermostat: 3.6 },
  zorg: { thermometer: 3.9, thermostat: 4.15 },
  vt: { thermometer: 2.35, thermostat: 2.2 },
  overig: { thermometer: 3.0, thermostat: 3.3 },
};

const average = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

export function buildDemoData(language: Language) {
  const items = DEFAULT_INSTRUMENT.items;
  const statements = items.map((item, itemIndex) => {
    const means = DEMO_GROUPS.map((g, groupIndex) => {
      const mean = demoMean(itemIndex, groupIndex);
      return { groupId: g.id, mean, n: mean === null ? 0 : (RESPONDENTS[g.id] ?? 0) };
    });
    const valid = means.filter((m): m is { groupId: string; mean: number; n: number } => m.mean !== null);
    const values = valid.map((m) => m.mean);
    const gap = values.length >= 2 ? Math.max(...values) - Math.min(...values) : null;
    return { item, number: itemIndex + 1, means, valid, chainMean: average(values), gap, isDiscussionPoint: gap !== null && gap >= 1 };
  });

  const gapRows: GapRow[] = statements
    .map((s) => ({
      id: s.item.id,
      number: s.number,
      text: s.item.text[language],
      points: s.valid.map((m) => ({ groupId: m.groupId, mean: m.mean, n: m.n, dk: (m.n * 7) % 3 })),
      chainMean: s.chainMean,
      gap: s.gap,
      isDiscussionPoint: s.isDiscussionPoint,
      // The dev gallery has no test behind its made-up figures.
      isUncertainDifference: false,
      p: null,
      weightedMean: null,
      consensus: null,
    }))
    .sort((a, b) => (b.gap ?? -1) - (a.gap ?? -1));

  const heatmapRows: HeatmapRow[] = statements.map((s) => ({ id: s.item.id, number: s.number, text: s.item.text[language], cells: s.means, chainMean: s.chainMean }));

  const distributionRows: DistributionRow[] = statements.map((s, i) => {
    const total = 45;
    const centre = s.chainMean ?? 3;
    const weights = [1, 2, 3, 4, 5].map((v) => Math.max(0.2, 2.2 - Math.abs(v - centre)) + ((i + v) % 3) * 0.2);
    const sumWeights = weights.reduce((a, b) => a + b, 0);
    const [c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0] = weights.map((w) => Math.round((w / sumWeights) * total));
    const counts = [c1, c2, c3, c4, c5] as const;
    const n = c1 + c2 + c3 + c4 + c5;
    const dk = (i * 5) % 9;
    const shares = [c1 / n, c2 / n, c3 / n, c4 / n, c5 / n] as const;
    return { id: s.item.id, number: s.number, text: s.item.text[language], counts, n, dk, shares, dkShare: dk / (n + dk), consensus: consensusOfCounts(counts) };
  });

  const indexOf = (kind: 'thermometer' | 'thermostat', groupIndex: number) => {
    const group = DEMO_GROUPS[groupIndex];
    return group ? (DEMO_INDEX[group.id]?.[kind] ?? null) : null;
  };
  const chainIndex = (kind: 'thermometer' | 'thermostat') => average(Object.values(DEMO_INDEX).map((v) => v[kind]));

  const thermometerColumns: IndexColumn[] = [
    ...DEMO_GROUPS.map((g, i) => ({ id: g.id, label: g.label, value: indexOf('thermometer', i), band: bandOf(indexOf('thermometer', i)), n: RESPONDENTS[g.id] ?? 0, isChain: false, isIndicative: g.isIndicative })),
    { id: '__chain__', label: language === 'nl' ? 'Keten' : 'Chain', value: chainIndex('thermometer'), band: bandOf(chainIndex('thermometer')), n: Object.values(RESPONDENTS).reduce((a, b) => a + b, 0), isChain: true, isIndicative: false },
  ];
  // One partner without thermometer figures, to show "no data".
  thermometerColumns.splice(6, 0, { id: 'school', label: 'Onderwijs', value: null, band: null, n: 0, isChain: false, isIndicative: false });

  const dialDimensions: DimensionSetting[] = DEFAULT_INSTRUMENT.dimensions.map((d) => {
    const own = statements.filter((s) => s.item.dimension === d.id && s.item.kind === 'thermostat');
    return {
      id: d.id,
      label: d.label[language],
      chainValue: average(own.map((s) => s.chainMean).filter((m): m is number => m !== null)),
      values: DEMO_GROUPS.map((g, i) => ({ groupId: g.id, value: average(own.map((s) => s.means[i]?.mean ?? null).filter((m): m is number => m !== null)) })),
    };
  });

  const scatterPoints: IndexPoint[] = [
    ...DEMO_GROUPS.map((g, i) => ({ id: g.id, label: g.label, shortLabel: g.shortLabel, thermostat: indexOf('thermostat', i) ?? 3, thermometer: indexOf('thermometer', i) ?? 3, n: RESPONDENTS[g.id] ?? 0, isChain: false, isIndicative: g.isIndicative })),
    { id: '__chain__', label: language === 'nl' ? 'Keten' : 'Chain', thermostat: chainIndex('thermostat') ?? 3, thermometer: chainIndex('thermometer') ?? 3, n: 45, isChain: true, isIndicative: false },
  ];

  const knobs: KnobRow[] = statements
    .filter((s) => s.item.kind === 'thermostat')
    .map((s) => ({
      id: s.item.id,
      number: s.number,
      text: s.item.text[language],
      dimension: DEFAULT_INSTRUMENT.dimensions.find((d) => d.id === s.item.dimension)?.label[language] ?? s.item.dimension,
      rank: null as number | null,
      chainMean: s.chainMean,
      gap: s.gap,
      priority: knobPriority(s.chainMean, s.gap),
      isDiscussionPoint: s.isDiscussionPoint,
      reason: knobReason(bandOf(s.chainMean), s.isDiscussionPoint ? 'discussionPoint' : 'none'),
    }))
    .sort((a, b) => (b.priority ?? -1) - (a.priority ?? -1))
    .map((knob, index) => ({ ...knob, rank: knob.priority === null ? null : index + 1 }));

  const keywords: KeywordCount[] = [
    ['betrokken', 14], ['versnipperd', 11], ['samen', 9], ['traag', 8], ['open', 7], ['onduidelijk', 6], ['gedreven', 6], ['bureaucratisch', 5],
    ['vertrouwen', 5], ['zoekend', 4], ['constructief', 4], ['overleg', 3], ['druk', 3], ['lerend', 2], ['complex', 2], ['warm', 1], ['kwetsbaar', 1],
  ].map(([text, count]) => ({ text: text as string, count: count as number }));

  return { groups: DEMO_GROUPS, gapRows, heatmapRows, distributionRows, thermometerColumns, chainThermometer: chainIndex('thermometer'), dialDimensions, scatterPoints, knobs, keywords };
}
