import { describe, expect, it } from 'vitest';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import { countMissingTranslations, missingLanguage, validateInstrument } from '../../../src/domain/instrument/validate';
import type { Instrument } from '../../../src/domain/types';

const small = (): Instrument => ({
  id: 'test',
  version: 1,
  title: { nl: 'Test', en: 'Test' },
  dimensions: [
    { id: 'a', label: { nl: 'A', en: 'A' } },
    { id: 'b', label: { nl: 'B', en: '' } },
  ],
  items: [
    { id: 'q01', dimension: 'a', kind: 'thermometer', text: { nl: 'Een', en: 'One' } },
    { id: 'q02', dimension: 'b', kind: 'thermostat', text: { nl: '', en: 'Two' } },
  ],
});

describe('validateInstrument', () => {
  it('accepts the default instrument and a valid small one with a missing translation', () => {
    expect(validateInstrument(copyDefaultInstrument())).toEqual([]);
    expect(validateInstrument(small())).toEqual([]);
  });

  it('demands at least one statement', () => {
    const instrument = { ...small(), items: [], dimensions: [] };
    expect(validateInstrument(instrument)).toEqual([{ code: 'no-statements' }]);
  });

  it('finds repeated statement ids and repeated dimension ids', () => {
    const instrument = small();
    instrument.items[1]!.id = 'q01';
    instrument.dimensions.push({ id: 'a', label: { nl: 'A2', en: 'A2' } });
    expect(validateInstrument(instrument)).toEqual([
      { code: 'duplicate-dimension-id', id: 'a' },
      { code: 'duplicate-statement-id', id: 'q01' },
    ]);
  });

  it('finds a statement outside every dimension, and a dimension left empty', () => {
    const instrument = small();
    instrument.items[1]!.dimension = 'gone';
    expect(validateInstrument(instrument)).toEqual([
      { code: 'statement-without-dimension', itemId: 'q02' },
      { code: 'dimension-without-statements', dimensionId: 'b' },
    ]);
  });

  it('finds texts empty in both languages (white space counts as empty), and an invalid id', () => {
    const instrument = small();
    instrument.title = { nl: ' ', en: '' };
    instrument.items[0]!.text = { nl: '  ', en: '\n' };
    instrument.dimensions[0]!.label = { nl: '', en: '' };
    instrument.items[1]!.id = ' q02';
    expect(validateInstrument(instrument)).toEqual([
      { code: 'title-empty' },
      { code: 'dimension-label-empty', dimensionId: 'a' },
      { code: 'statement-text-empty', itemId: 'q01' },
      { code: 'statement-id-invalid', index: 1 },
    ]);
  });

  it('names the missing language of a text that has only the other one', () => {
    expect(missingLanguage({ nl: 'Een', en: '' })).toBe('en');
    expect(missingLanguage({ nl: ' ', en: 'One' })).toBe('nl');
    expect(missingLanguage({ nl: 'Een', en: 'One' })).toBeNull();
    expect(missingLanguage({ nl: '', en: '' })).toBeNull();
    expect(countMissingTranslations(small())).toBe(2);
  });
});

describe('checkStoredInstrument', () => {
  const row = { ...copyDefaultInstrument(), version: 2, versionId: 'b7a1c2d3-0000-4000-8000-000000000001', savedAt: '2026-11-25T14:00:00.000Z', basedOn: { id: 'quickscan-ketensamenwerking', version: 1 } };
  it('reads a saved version and sets aside a damaged one with the field named', async () => {
    const { checkStoredInstrument } = await import('../../../src/domain/instrument/storedInstrument');
    expect(checkStoredInstrument(row)).toMatchObject({ ok: true });
    expect(checkStoredInstrument({ ...row, basedOn: null })).toMatchObject({ ok: true });
    expect(checkStoredInstrument('x')).toMatchObject({ ok: false, problem: 'not-an-object' });
    expect(checkStoredInstrument({ ...row, items: [] })).toMatchObject({ ok: false, field: 'items' });
    expect(checkStoredInstrument({ ...row, items: [{ ...row.items[0]!, dimension: 'nope' }] })).toMatchObject({ ok: false, field: 'items[0]' });
    expect(checkStoredInstrument({ ...row, savedAt: 'gisteren' })).toMatchObject({ ok: false, field: 'savedAt' });
    expect(checkStoredInstrument({ ...row, basedOn: { id: '' } })).toMatchObject({ ok: false, field: 'basedOn' });
    expect(checkStoredInstrument({ ...row, versionId: undefined })).toMatchObject({ ok: false, field: 'versionId' });
    expect(checkStoredInstrument({ ...row, versionId: ' ' })).toMatchObject({ ok: false, field: 'versionId' });
    expect(checkStoredInstrument({ ...row, versionName: 'Najaar' })).toMatchObject({ ok: true });
    expect(checkStoredInstrument({ ...row, versionName: '' })).toMatchObject({ ok: false, field: 'versionName' });
    expect(checkStoredInstrument({ ...row, versionName: 'x'.repeat(81) })).toMatchObject({ ok: false, field: 'versionName' });
    expect(checkStoredInstrument({ ...row, basedOn: { id: 'q', version: 1, versionId: 7 } })).toMatchObject({ ok: false, field: 'basedOn' });
  });
});
