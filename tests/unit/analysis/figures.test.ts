import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOf, classifyGap, isShownPBelow, roundHalfAwayFromZero, shownMean, shownP, shownPercent } from '../../../src/domain/analysis';
import { getChartFormat } from '../../../src/charts/format';

// docs/analysis.md, "Rounding: one number per figure".

describe('the one rounding rule', () => {
  const nl = getChartFormat('nl');
  const en = getChartFormat('en');

  it('rounds means half away from zero on the computed value, two decimals', () => {
    // 2.675 = 107/40 is stored as 2.67499999999999982236431605997495353221893310546875.
    expect(shownMean(107 / 40)).toBe(2.68);
    expect(nl.mean(107 / 40)).toBe('2,68');
    expect(nl.mean(1.005)).toBe('1,01');
    expect(nl.mean(2.995)).toBe('3,00');
    expect(en.mean(2.994)).toBe('2.99');
    expect(nl.mean(3.9999999999)).toBe('4,00');
    expect(nl.mean(4)).toBe('4,00');
    expect(nl.mean(10 / 3)).toBe('3,33');
    expect(nl.mean(11 / 3)).toBe('3,67');
    expect(shownMean(-0.125)).toBe(-0.13);
    expect(shownMean(-0.004)).toBe(0);
    expect(Object.is(shownMean(-0.004), -0)).toBe(false);
    expect(shownMean(null)).toBeNull();
  });

  it('shows a change with its sign on the shown value', () => {
    expect(nl.change(0.333333)).toBe('+0,33');
    expect(nl.change(-0.25)).toBe('−0,25');
    expect(nl.change(0.004)).toBe('0,00');
    expect(nl.change(-0.004)).toBe('0,00');
    expect(en.change(0.005)).toBe('+0.01');
    expect(nl.change(null)).toBe('–');
  });

  it('rounds p half up to three decimals and writes "< 0,001" below 0.001', () => {
    expect(shownP(0.0994)).toBe(0.099);
    expect(nl.p(0.0994)).toBe('0,099');
    expect(shownP(0.0996)).toBe(0.1);
    expect(nl.p(0.0996)).toBe('0,100');
    expect(nl.p(0.0995)).toBe('0,100');
    expect(en.p(0.05944)).toBe('0.059');
    expect(nl.p(0.0009)).toBe('< 0,001');
    expect(nl.p(0.001)).toBe('0,001');
    expect(nl.pStatement(0.0009)).toBe('p < 0,001');
    expect(nl.pStatement(0.0994)).toBe('p = 0,099');
    expect(nl.p(1)).toBe('1,000');
  });

  it('writes shares as whole percentages, half away from zero', () => {
    expect(shownPercent(0.125)).toBe(13);
    expect(shownPercent(29 / 200)).toBe(15);
    expect(nl.percent(0.425)).toBe('43%');
    expect(en.percent(1 / 3)).toBe('33%');
  });

  it('classifies on the shown number: the band of 2.996 is the band of 3.00', () => {
    expect(bandOf(2.996)).toBe(bandOf(3));
    expect(bandOf(2.996)).toBe('attention');
    expect(bandOf(2.994)).toBe('concern');
    expect(bandOf(3.995)).toBe('strong');
    expect(bandOf(3.994)).toBe('attention');
  });

  it('makes p 0.0994 a discussion point and p 0.0996 (0,100) not one', () => {
    const test = (p: number) => ({ h: 1, df: 1, p, method: 'exact' as const, pError: null, n: 6 });
    expect(classifyGap(true, test(0.0994))).toBe('discussionPoint');
    expect(classifyGap(true, test(0.0996))).toBe('uncertainDifference');
    expect(isShownPBelow(0.0994, 0.1)).toBe(true);
    expect(isShownPBelow(0.0996, 0.1)).toBe(false);
    expect(isShownPBelow(null, 0.1)).toBe(false);
  });

  it('agrees with the shown string for every mean: the band follows the two decimals shown', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 1000 }), (denominator, k) => {
        const value = 1 + (4 * (k % (denominator * 4 + 1))) / (denominator * 4);
        const shown = Number(en.mean(value));
        const band = shown >= 4 ? 'strong' : shown >= 3 ? 'attention' : 'concern';
        expect(bandOf(value)).toBe(band);
        // One rounding: rounding the shown value again changes nothing.
        expect(shownMean(shown)).toBe(shown);
      }),
    );
  });

  it('rounds half away from zero like the paper rule for quotients of small integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: 1, max: 400 }), (numerator, denominator) => {
        const value = numerator / denominator;
        // Exact decision with integers: 100·|n|/d compared with the half.
        const floor = Math.floor((100 * Math.abs(numerator)) / denominator);
        const remainderTwice = 2 * ((100 * Math.abs(numerator)) % denominator);
        const expected = (remainderTwice >= denominator ? floor + 1 : floor) * Math.sign(numerator || 1);
        expect(Math.round(roundHalfAwayFromZero(value, 2) * 100)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });
});
