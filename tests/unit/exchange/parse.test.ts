import { describe, expect, it } from 'vitest';
import {
  buildExchangeFile,
  EXCHANGE_LIMITS,
  formatPath,
  parseExchangeFile,
  renderValue,
  validateExchangeData,
} from '../../../src/domain/exchange';
import { normaliseTimestamp, parseIsoTimestamp } from '../../../src/domain/exchange/timestamps';
import { EXPORTED_AT, GENERATOR, SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';
import { EXCHANGE_FIXTURES, expectOk, readFixture } from './helpers';

const valid = () => JSON.parse(JSON.stringify(buildExchangeFile([{ scan: SMALL_SCAN, responses: SMALL_RESPONSES }], EXPORTED_AT, GENERATOR)));

describe('parseExchangeFile', () => {
  it('reads the valid fixtures and counts what they hold', () => {
    const result = parseExchangeFile(readFixture(EXCHANGE_FIXTURES, 'v1-small-scan.json'));
    expect(result.ok && result.counts).toEqual({ scans: 1, responses: 5 });
    expect(result.ok && result.source).toMatchObject({ encoding: 'utf-8', hadByteOrderMark: false });
  });

  it('reports the first problem and up to ten more, with the total', () => {
    const file = valid();
    for (const response of file.scans[0].responses) {
      response.answers.q01 = 0;
      response.answers.q02 = 6;
      response.answers.q03 = '4';
    }
    const result = parseExchangeFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problemCount).toBe(15);
    expect(result.problems).toHaveLength(EXCHANGE_LIMITS.reportedProblems);
    expect(result.problems.every((p) => p.code === 'answer-out-of-range')).toBe(true);
    expect(result.problems.slice(0, 3).map((p) => p.path)).toEqual([
      'scans[0].responses[0].answers.q01',
      'scans[0].responses[0].answers.q02',
      'scans[0].responses[0].answers.q03',
    ]);
  });

  it('does not run consistency checks on a file with structural problems', () => {
    const file = valid();
    file.scans[0].responses[0].answers.q01 = 9;
    file.scans[0].responses[1].organisationId = 'brandweer';
    const result = parseExchangeFile(JSON.stringify(file));
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['answer-out-of-range']);
  });

  it('refuses a version 1.5 and a version 0 as unknown, a version 3 as future', () => {
    for (const [version, code] of [[1.5, 'unsupported-version'], [0, 'unsupported-version'], [3, 'future-version'], [null, 'unsupported-version']] as const) {
      const file = { ...valid(), version };
      const result = parseExchangeFile(JSON.stringify(file));
      expect(result.ok ? 'ok' : result.error.code).toBe(code);
    }
  });

  it('checks the header before the structure, so a future file is not judged by v1 rules', () => {
    const result = parseExchangeFile(JSON.stringify({ format: 'ketenscan', version: 2, scans: 'a new shape' }));
    expect(result.ok ? 'ok' : result.error.code).toBe('future-version');
  });

  it('accepts a backup without scans', () => {
    expect(expectOk(parseExchangeFile(JSON.stringify({ ...valid(), scans: [] }))).scans).toEqual([]);
  });

  it('accepts missing optional fields and a missing askLevel', () => {
    const file = valid();
    delete file.scans[0].settings.askLevel;
    expect(expectOk(parseExchangeFile(JSON.stringify(file))).scans[0]?.settings).toEqual({ minGroupSize: 2, gapThreshold: 1 });
  });

  it('refuses an object that is not plain data to validateExchangeData as well', () => {
    expect(validateExchangeData(null).ok).toBe(false);
    expect(validateExchangeData('ketenscan').ok).toBe(false);
    expect(validateExchangeData(valid()).ok).toBe(true);
  });

  it('returns fresh objects, not the parsed input', () => {
    const input = valid();
    const result = validateExchangeData(input);
    expect(result.ok && result.file).toEqual(input);
    expect(result.ok && result.file).not.toBe(input);
    expect(result.ok && result.file.scans[0]?.responses[0]).not.toBe(input.scans[0].responses[0]);
  });
});

describe('timestamps', () => {
  it('accepts Z and offsets, with or without seconds and fraction, and normalises to UTC milliseconds', () => {
    expect(normaliseTimestamp('2026-11-22T11:03:12+01:00')).toBe('2026-11-22T10:03:12.000Z');
    expect(normaliseTimestamp('2026-11-22T10:03Z')).toBe('2026-11-22T10:03:00.000Z');
    expect(normaliseTimestamp('2026-11-22T10:03:12.123456Z')).toBe('2026-11-22T10:03:12.123Z');
    expect(normaliseTimestamp('2026-03-29T01:30:00-02:30')).toBe('2026-03-29T04:00:00.000Z');
  });

  it('refuses impossible or zone-less times', () => {
    for (const bad of ['2026-11-22', '2026-11-22T10:03:12', '2026-02-29T10:00:00Z', '2026-11-22T24:00:00Z', '2026-11-22T10:60:00Z', '2026-11-22 10:03:12Z', '2026-11-22T10:03:12+25:00', 'now']) {
      expect(parseIsoTimestamp(bad), bad).toBeNull();
    }
    expect(parseIsoTimestamp('2028-02-29T10:00:00Z')).not.toBeNull();
  });
});

describe('paths and values', () => {
  it('writes paths the way people read them', () => {
    expect(formatPath(['scans', 0, 'responses', 12, 'answers', 'q05'])).toBe('scans[0].responses[12].answers.q05');
    expect(formatPath(['organisations', 'openbaar-ministerie'])).toBe('organisations.openbaar-ministerie');
    expect(formatPath(['answers', 'vraag 5'])).toBe('answers["vraag 5"]');
    expect(formatPath([3, 'x'])).toBe('[3].x');
  });

  it('renders values safely', () => {
    expect(renderValue(7)).toBe('7');
    expect(renderValue('3')).toBe('"3"');
    expect(renderValue(null)).toBe('null');
    expect(renderValue([1])).toBe('[…]');
    expect(renderValue({})).toBe('{}');
    expect(renderValue('a\u0000b\u200Fc')).toBe('"a\\u0000b\\u200fc"');
    expect(renderValue(`😀${'x'.repeat(59)}😀`)).toBe(`"😀${'x'.repeat(58)}…"`);
  });
});
