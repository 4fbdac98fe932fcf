import { describe, expect, it } from 'vitest';
import {
  describeErrorPlace,
  describeExchangeError,
  EXCHANGE_ERROR_CODES,
  EXPECTED_KINDS,
  type ExchangeError,
} from '../../../src/domain/exchange';

const sample = (code: ExchangeError['code']): ExchangeError => ({
  code,
  path: 'scans[0].responses[12].answers.q05',
  fileNumber: 2,
  value: '7',
  expected: 'level',
  limit: 10_000,
  actual: 25_000,
  line: 3,
  column: 14,
  firstPath: 'scans[0].responses[1].id',
});

describe('describeExchangeError', () => {
  it('gives the example sentences of the issue', () => {
    const error: ExchangeError = { code: 'answer-out-of-range', path: 'scans[0].responses[12].answers.q05', fileNumber: 2, value: '7' };
    expect(describeExchangeError(error, 'en')).toMatch(/^file 2, scans\[0\]\.responses\[12\]\.answers\.q05: 7 is not on the 1–5 scale/);
    expect(describeExchangeError(error, 'nl')).toMatch(/^bestand 2, scans\[0\]\.responses\[12\]\.answers\.q05: 7 ligt niet op de schaal 1–5/);
  });

  it('has a sentence for every code in both languages, different per code, naming file and place', () => {
    for (const lang of ['nl', 'en'] as const) {
      const sentences = EXCHANGE_ERROR_CODES.map((code) => describeExchangeError(sample(code), lang));
      for (const sentence of sentences) {
        expect(sentence.startsWith(`${lang === 'nl' ? 'bestand' : 'file'} 2, scans[0].responses[12].answers.q05: `)).toBe(true);
        expect(sentence).not.toMatch(/undefined|NaN|\{\w+\}|</);
      }
      // Codes that share a sentence on purpose: the four "x is not y" codes.
      const isNot = new Set(['wrong-type', 'invalid-value', 'invalid-date', 'invalid-id']);
      const distinct = new Set(sentences.filter((_, i) => !isNot.has(EXCHANGE_ERROR_CODES[i] ?? '')));
      expect(distinct.size).toBe(EXCHANGE_ERROR_CODES.length - isNot.size);
    }
  });

  it('describes what was expected in both languages', () => {
    for (const expected of EXPECTED_KINDS) {
      const error: ExchangeError = { code: 'invalid-value', path: 'x', value: '"?"', expected };
      expect(describeExchangeError(error, 'en')).toMatch(/^x: "\?" is not \S/);
      expect(describeExchangeError(error, 'nl')).toMatch(/^x: "\?" is geen \S/);
    }
  });

  it('names the file by number, by label or both, and capitalises a sentence without a place', () => {
    expect(describeErrorPlace({ path: '', fileLabel: 'export.json' }, 'en')).toBe('export.json');
    expect(describeErrorPlace({ path: 'scans', fileLabel: 'export.json', fileNumber: 1 }, 'nl')).toBe('bestand 1 (export.json), scans');
    expect(describeExchangeError({ code: 'empty', path: '' }, 'en')).toBe('The file is empty');
    expect(describeExchangeError({ code: 'empty', path: '' }, 'nl')).toBe('Het bestand is leeg');
  });

  it('formats numbers and sizes per language', () => {
    const tooLarge: ExchangeError = { code: 'too-large', path: '', limit: 20 * 1024 * 1024, actual: 52_428_800 };
    expect(describeExchangeError(tooLarge, 'en')).toBe('The file is 50 MB, more than the 20 MB allowed');
    expect(describeExchangeError({ ...tooLarge, actual: 21.5 * 1024 * 1024 }, 'nl')).toBe('Het bestand is 21,5 MB, groter dan de toegestane 20 MB');
    expect(describeExchangeError({ code: 'not-json', path: '', line: 3, column: 14 }, 'nl')).toBe('Dit is geen JSON-bestand (het is onleesbaar vanaf regel 3, kolom 14)');
  });
});
