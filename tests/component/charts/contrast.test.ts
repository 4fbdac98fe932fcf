import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio, parseColour, pickTextColour, relativeLuminance } from '../../../src/charts/contrast';
import { CHART_BANDS, divergingColour, getChartTheme, type ChartSize } from '../../../src/charts/theme';

const SIZES: ChartSize[] = ['screen', 'projector'];

describe('contrast helper', () => {
  it('parses hex, short hex and rgb()', () => {
    expect(parseColour('#0072B2')).toEqual([0, 114, 178]);
    expect(parseColour('#fff')).toEqual([255, 255, 255]);
    expect(parseColour('rgb(213, 168, 127)')).toEqual([213, 168, 127]);
    expect(() => parseColour('blue')).toThrow();
  });

  it('computes WCAG luminance and ratios', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#000')).toBeCloseTo(21, 5);
    // Known reference values: #767676 is the lightest grey that passes AA on white, #777777 fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('picks the readable text colour', () => {
    expect(pickTextColour('#2166ac')).toBe('#ffffff');
    expect(pickTextColour('#f1a340')).toBe('#000000');
    expect(pickTextColour('#e4e4e4')).toBe('#000000');
  });
});

describe('palette contrast (≥ 4.5:1 for text)', () => {
  for (const size of SIZES) {
    const theme = getChartTheme(size);
    it(`${size}: ink and muted ink on paper and the stripe colour`, () => {
      for (const text of [theme.ink, theme.inkMuted]) {
        expect(contrastRatio(text, theme.paper)).toBeGreaterThanOrEqual(AA_TEXT);
        expect(contrastRatio(text, theme.paperAlt)).toBeGreaterThanOrEqual(AA_TEXT);
      }
    });

    it(`${size}: band labels on their band and ink on every band`, () => {
      for (const band of CHART_BANDS) {
        expect(contrastRatio(theme.bands[band].text, theme.bands[band].fill)).toBeGreaterThanOrEqual(AA_TEXT);
        expect(contrastRatio(theme.ink, theme.bands[band].fill)).toBeGreaterThanOrEqual(AA_TEXT);
      }
    });

    it(`${size}: the text picked on each Likert colour and along the whole heatmap scale`, () => {
      for (const fill of theme.likert) expect(contrastRatio(pickTextColour(fill), fill)).toBeGreaterThanOrEqual(AA_TEXT);
      for (let value = 1; value <= 5.0001; value += 0.05) {
        const fill = divergingColour(value, theme);
        expect(contrastRatio(pickTextColour(fill), fill)).toBeGreaterThanOrEqual(AA_TEXT);
      }
    });

    it(`${size}: group marks stand out by their outline (≥ 3:1, WCAG non-text contrast)`, () => {
      expect(contrastRatio(theme.markOutline, theme.paper)).toBeGreaterThanOrEqual(3);
      for (const colour of theme.groupColours) expect(contrastRatio(colour, theme.markOutline) >= 3 || contrastRatio(colour, theme.paper) >= 3).toBe(true);
    });
  }

  it('is pure black on white on the projector', () => {
    const theme = getChartTheme('projector');
    expect(theme.ink).toBe('#000000');
    expect(theme.paper).toBe('#ffffff');
    expect(theme.font.body).toBeGreaterThanOrEqual(28);
    expect(Math.min(theme.font.label, theme.font.small)).toBeGreaterThanOrEqual(24);
  });
});
