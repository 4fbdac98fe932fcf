import { describe, expect, it } from 'vitest';
import { dodgeLabels } from '../../../src/charts/common';
import { getChartFormat } from '../../../src/charts/format';
import { abbreviate, wrapText } from '../../../src/charts/text';

describe('wrapText', () => {
  it('wraps greedily at word boundaries', () => {
    expect(wrapText('Per gezin is duidelijk wie de regie voert', 16)).toEqual({ lines: ['Per gezin is', 'duidelijk wie de', 'regie voert'], isTruncated: false });
  });

  it('ends the last allowed line with an ellipsis when the text is longer', () => {
    const result = wrapText('een twee drie vier vijf zes zeven acht', 10, 2);
    expect(result.isTruncated).toBe(true);
    expect(result.lines).toHaveLength(2);
    expect(result.lines[1]!.endsWith('…')).toBe(true);
    expect(result.lines[1]!.length).toBeLessThanOrEqual(10);
  });

  it('keeps a slightly long word whole and breaks a much longer one with a hyphen', () => {
    expect(wrapText('Jeugdbescherming', 14).lines).toEqual(['Jeugdbescherming']);
    const broken = wrapText('Jeugdbescherming', 8).lines;
    expect(broken).toEqual(['Jeugdbe-', 'scherming']);
    expect(wrapText('Jeugdbescherming', 14, 3, { overlong: 1 }).lines).toEqual(['Jeugdbescherm-', 'ing']);
  });

  it('copes with empty text and extra spaces', () => {
    expect(wrapText('   ', 10)).toEqual({ lines: [], isTruncated: false });
    expect(wrapText('  a   b ', 10).lines).toEqual(['a b']);
  });
});

describe('abbreviate', () => {
  it('uses initials of several words and three letters of one', () => {
    expect(abbreviate('Veilig Thuis')).toBe('VT');
    expect(abbreviate('Openbaar Ministerie')).toBe('OM');
    expect(abbreviate('Politie')).toBe('Pol');
    expect(abbreviate('Overige partners')).toBe('OP');
  });
});

describe('dodgeLabels', () => {
  it('puts overlapping labels in different lanes and far-apart labels in lane 0', () => {
    expect(dodgeLabels([{ x: 100, width: 20 }, { x: 300, width: 20 }])).toEqual([0, 0]);
    expect(dodgeLabels([{ x: 100, width: 20 }, { x: 110, width: 20 }, { x: 120, width: 20 }])).toEqual([0, 1, 2]);
    // Order of input does not matter: lanes follow x.
    expect(dodgeLabels([{ x: 130, width: 20 }, { x: 100, width: 20 }])).toEqual([0, 0]);
    expect(dodgeLabels([{ x: 115, width: 20 }, { x: 100, width: 20 }])).toEqual([1, 0]);
  });
});

describe('chart number format', () => {
  it('writes a decimal comma in Dutch and a point in English', () => {
    const nl = getChartFormat('nl');
    const en = getChartFormat('en');
    expect(nl.mean(3.45678)).toBe('3,46');
    expect(en.mean(3.45678)).toBe('3.46');
    expect(nl.mean(3.4)).toBe('3,40');
    expect(en.mean(3.4)).toBe('3.40');
    expect(nl.percent(0.425)).toBe('43%');
    expect(nl.count(12345)).toBe('12.345');
    expect(en.count(12345)).toBe('12,345');
  });

  it('shows a dash for a missing figure', () => {
    expect(getChartFormat('nl').mean(null)).toBe('–');
    expect(getChartFormat('en').percent(undefined)).toBe('–');
    expect(getChartFormat('en').mean(Number.NaN)).toBe('–');
  });
});
