import { symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';
import type { Language } from '../domain/types';
import { translate, type MessageParams } from '../i18n/defineMessages';
import { chartMessages, type ChartMessageKey } from './chartMessages';
import type { GroupRef } from './model/chartData';
import { abbreviate } from './text';
import type { ChartSize, ChartTheme } from './theme';

/** Props every chart takes. */
export interface CommonChartProps {
  /** Shown as the figure caption and as the SVG's <title>: the chart's accessible name. */
  title: string;
  language: Language;
  /** 'projector' draws text ≥ 24–28 px and thicker strokes for a room. Default 'screen'. */
  size?: ChartSize;
  /** A fixed width in pixels; without it the chart follows its container (ResizeObserver). */
  width?: number;
  /** Replaces the generated accessible description (the SVG's <desc>). */
  description?: string;
}

/** "3. Per gezin is duidelijk …": a statement as every chart and table labels it. */
export function statementLabel(row: { number: number; text: string }): string {
  return `${row.number}. ${row.text}`;
}

export type ChartText = (key: ChartMessageKey, params?: MessageParams) => string;

export function chartText(language: Language): ChartText {
  return (key, params) => translate(chartMessages, language, key, params);
}

const SYMBOLS: readonly SymbolType[] = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolStar, symbolWye, symbolCross];

export interface GroupStyle {
  id: string;
  label: string;
  shortLabel: string;
  isIndicative: boolean;
  colour: string;
  symbol: SymbolType;
  index: number;
}

/** Colour and shape per group, both from the group's position (Okabe–Ito colours × d3 symbols). */
export function buildGroupStyles(groups: readonly GroupRef[], theme: ChartTheme): Map<string, GroupStyle> {
  const styles = new Map<string, GroupStyle>();
  groups.forEach((group, index) => {
    styles.set(group.id, {
      id: group.id,
      label: group.label,
      shortLabel: group.shortLabel ?? abbreviate(group.label),
      isIndicative: group.isIndicative,
      colour: theme.groupColours[index % theme.groupColours.length] ?? theme.ink,
      symbol: SYMBOLS[index % SYMBOLS.length] ?? symbolCircle,
      index,
    });
  });
  return styles;
}

/** "Politie *" for an indicative group. */
export function markIndicative(label: string, isIndicative: boolean | undefined): string {
  return isIndicative ? `${label} *` : label;
}

/**
 * Labels at positions x (any order), each `width` wide and centred on x: the lane (0, 1, 2 …) for
 * each so that labels in one lane do not overlap. Lane 0 is nearest to the mark.
 */
export function dodgeLabels(items: readonly { x: number; width: number }[], gap = 4): number[] {
  const order = items.map((item, index) => ({ ...item, index })).sort((a, b) => a.x - b.x || a.index - b.index);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(items.length).fill(0);
  for (const item of order) {
    const left = item.x - item.width / 2;
    let lane = laneEnds.findIndex((end) => end + gap <= left);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(0);
    }
    laneEnds[lane] = item.x + item.width / 2;
    lanes[item.index] = lane;
  }
  return lanes;
}

/** React's useId contains characters that break `url(#…)` references; keep only safe ones. */
export function toSafeId(id: string): string {
  return `c${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

/**
 * Vertical offsets for markers at positions x (null: not drawn) so that no two marker centres are
 * closer than `spacing`: a marker that would cover another moves by whole steps of `spacing`, the
 * nearest free step first, in its direction (−1 up, +1 down as in SVG; 0 alternates −1, +1, −2 …).
 * Deterministic: markers are placed from left to right, equal positions in the given (group) order,
 * so Politie and Veiligheidshuis with the same mean are drawn one above the other, both visible.
 */
export function stackMarkers(xs: readonly (number | null)[], spacing: number, directions: readonly (-1 | 0 | 1)[] = []): number[] {
  const order = xs
    .map((x, index) => ({ x, index }))
    .filter((item): item is { x: number; index: number } => item.x !== null)
    .sort((a, b) => a.x - b.x || a.index - b.index);
  const offsets = new Array<number>(xs.length).fill(0);
  const placed: { x: number; y: number }[] = [];
  for (const item of order) {
    const direction = directions[item.index] ?? 0;
    for (let step = 0; ; step += 1) {
      const level = direction !== 0 ? direction * step : step % 2 === 1 ? -(step + 1) / 2 : step / 2;
      const y = level * spacing + 0; // + 0: no -0 for the first step
      // A small tolerance: floating point must not push equal spacings apart.
      if (placed.every((p) => Math.hypot(p.x - item.x, p.y - y) >= spacing - 1e-6)) {
        offsets[item.index] = y;
        placed.push({ x: item.x, y });
        break;
      }
    }
  }
  return offsets;
}
