import { scaleLinear } from 'd3-scale';
import { BAND_LIMITS } from '../domain/analysis/statistics';
import type { Band } from '../domain/analysis/types';

// Colours, type sizes and strokes of every chart, in one place. Two variants: 'screen' for a
// laptop, 'projector' for a room (text ≥ 28 px, labels ≥ 24 px at 1920×1080, thicker strokes,
// pure black text on white). The contrast of each text colour against its background is
// checked in tests/component/charts/contrast.test.ts.

export type ChartSize = 'screen' | 'projector';

// Bands are the domain's (src/domain/analysis/statistics.ts): which band a value is in is
// decided there, with its floating-point tolerance, and comes with the chart data; the charts
// only draw the band limits and colour by the band they are given.
export const CHART_BANDS: readonly Band[] = ['strong', 'attention', 'concern'];
export { BAND_LIMITS };

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const SCALE_MID = 3;
export const SCALE_TICKS: readonly number[] = [1, 2, 3, 4, 5];

/**
 * Okabe & Ito (2008), the colour-blind-safe categorical palette, in an order that puts the
 * colours with the most contrast against white first. Every group also gets its own shape and a
 * text label, so colour is never the only cue.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  reddishPurple: '#CC79A7',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  black: '#000000',
  yellow: '#F0E442',
} as const;

export const GROUP_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

/**
 * Blue/orange diverging scheme for disagree → agree (after ColorBrewer PuOr / RdBu, both ends
 * safe for the common colour-vision deficiencies): 1 dark orange … 3 light grey … 5 dark blue.
 * High is blue, low is orange, in every chart.
 */
export const LIKERT_COLOURS = ['#b35806', '#f1a340', '#e4e4e4', '#92c5de', '#2166ac'] as const;
/** Stops of the heatmap's continuous scale at 1, 2, 3, 4, 5; 3 is almost white. */
export const DIVERGING_STOPS = ['#b35806', '#f1a340', '#f7f7f7', '#92c5de', '#2166ac'] as const;
export const DONT_KNOW_COLOUR = '#c4c4c4';

export interface BandColours {
  /** Background of the band behind the marks. */
  fill: string;
  /** Marks (the thermometer's liquid) whose value lies in the band. */
  mark: string;
  /** Text on the band's background. */
  text: string;
}

export interface ChartTheme {
  size: ChartSize;
  /** Multiplies every length of a layout (margins, row heights, mark sizes). */
  scale: number;
  font: {
    family: string;
    /** Values and statement texts. */
    body: number;
    /** Axis ticks, group labels, legend entries. */
    label: number;
    /** Secondary figures such as n. */
    small: number;
    lineHeight: number;
  };
  ink: string;
  inkMuted: string;
  paper: string;
  paperAlt: string;
  grid: string;
  axis: string;
  stroke: { thin: number; mark: number; thick: number };
  markSize: number;
  groupColours: readonly string[];
  markOutline: string;
  likert: readonly string[];
  dontKnow: string;
  hatch: string;
  diverging: readonly string[];
  bands: Record<Band, BandColours>;
  noData: string;
}

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const SCREEN_THEME: ChartTheme = {
  size: 'screen',
  scale: 1,
  font: { family: FONT_FAMILY, body: 15, label: 14, small: 13, lineHeight: 1.25 },
  ink: '#1b1f24',
  inkMuted: '#4a5360',
  paper: '#ffffff',
  paperAlt: '#f3f5f8',
  grid: '#d5dae1',
  axis: '#6b7684',
  stroke: { thin: 1, mark: 1.5, thick: 3 },
  markSize: 7,
  groupColours: GROUP_COLOURS,
  markOutline: '#1b1f24',
  likert: LIKERT_COLOURS,
  dontKnow: DONT_KNOW_COLOUR,
  hatch: '#4d4d4d',
  diverging: DIVERGING_STOPS,
  bands: {
    strong: { fill: '#dcebf7', mark: '#2166ac', text: '#174a7c' },
    attention: { fill: '#ececec', mark: '#6e6e6e', text: '#404040' },
    concern: { fill: '#fde3cc', mark: '#b35806', text: '#7f3a00' },
  },
  noData: '#6b7684',
};

const PROJECTOR_THEME: ChartTheme = {
  ...SCREEN_THEME,
  size: 'projector',
  scale: 2,
  font: { family: FONT_FAMILY, body: 28, label: 24, small: 24, lineHeight: 1.2 },
  ink: '#000000',
  inkMuted: '#000000',
  grid: '#9a9a9a',
  axis: '#000000',
  stroke: { thin: 2, mark: 3, thick: 6 },
  markSize: 13,
  markOutline: '#000000',
  hatch: '#000000',
  bands: {
    strong: { fill: '#cfe3f3', mark: '#2166ac', text: '#000000' },
    attention: { fill: '#e4e4e4', mark: '#616161', text: '#000000' },
    concern: { fill: '#fcd9bb', mark: '#b35806', text: '#000000' },
  },
  noData: '#000000',
};

export function getChartTheme(size: ChartSize = 'screen'): ChartTheme {
  return size === 'projector' ? PROJECTOR_THEME : SCREEN_THEME;
}

/** Average advance of a character in the system sans-serif, as a share of the font size. */
export const CHAR_WIDTH = 0.56;

/** Fill for a mean on the diverging scale: orange below 3, nearly white at 3, blue above (clamped to 1–5). */
export function divergingColour(value: number, theme: ChartTheme): string {
  return scaleLinear<string>().domain(SCALE_TICKS.slice()).range(theme.diverging.slice()).clamp(true)(value);
}
