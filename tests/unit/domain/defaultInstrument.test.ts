import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUMENT, copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';

describe('the default instrument', () => {
  it('has 13 statements in 6 dimensions, each dimension with a thermometer and a thermostat statement', () => {
    expect(DEFAULT_INSTRUMENT.items).toHaveLength(13);
    expect(DEFAULT_INSTRUMENT.dimensions).toHaveLength(6);
    for (const dimension of DEFAULT_INSTRUMENT.dimensions) {
      const kinds = DEFAULT_INSTRUMENT.items.filter((i) => i.dimension === dimension.id).map((i) => i.kind);
      expect(kinds, dimension.id).toContain('thermometer');
      expect(kinds, dimension.id).toContain('thermostat');
    }
  });

  it('uses the ids q01…q13 in order, unique, each in a known dimension and in both languages', () => {
    expect(DEFAULT_INSTRUMENT.items.map((i) => i.id)).toEqual(Array.from({ length: 13 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`));
    const dimensionIds = new Set(DEFAULT_INSTRUMENT.dimensions.map((d) => d.id));
    for (const item of DEFAULT_INSTRUMENT.items) {
      expect(dimensionIds.has(item.dimension)).toBe(true);
      expect(item.text.nl.length).toBeGreaterThan(20);
      expect(item.text.en.length).toBeGreaterThan(20);
    }
  });

  it('has the agreed kinds (q09, q10 thermometer; q11 thermostat)', () => {
    const kinds = Object.fromEntries(DEFAULT_INSTRUMENT.items.map((i) => [i.id, i.kind === 'thermometer' ? 'TM' : 'TS']));
    expect(kinds).toEqual({ q01: 'TS', q02: 'TM', q03: 'TS', q04: 'TM', q05: 'TS', q06: 'TM', q07: 'TS', q08: 'TM', q09: 'TM', q10: 'TM', q11: 'TS', q12: 'TS', q13: 'TM' });
  });

  it('gives each scan its own copy', () => {
    const copy = copyDefaultInstrument();
    copy.items[0]!.text.nl = 'changed';
    expect(DEFAULT_INSTRUMENT.items[0]!.text.nl).not.toBe('changed');
  });
});
