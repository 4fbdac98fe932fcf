import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { quickResponse, quickValidate } from '../../../src/domain/exchange/quickCheck';
import { exchangeFileSchema } from '../../../src/domain/exchange/schema';
import { isIsoTimestamp, normaliseTimestamp } from '../../../src/domain/exchange/timestamps';
import { parseJsonSafely } from '../../../src/domain/exchange/safeJson';
import { readExchangeText } from '../../../src/domain/exchange/readText';
import { EXCHANGE_LIMITS } from '../../../src/domain/exchange/types';
import { BAD_IMPORTS, readFixture } from './helpers';

// The quick structure check (quickCheck.ts) must give exactly what the full valibot schema gives
// for every file it accepts (same keys, same key order, same values), and must hand every file it
// does not plainly accept back to the full schema (null), whose messages name the problem.

const items = ['q01', 'q02', 'q03'];
const base = () => ({
  format: 'ketenscan',
  version: 1,
  exportedAt: '2026-11-30T09:00:00.000Z',
  generator: 'test',
  scans: [
    {
      id: '11111111-2222-4333-8444-555555555555',
      title: 'Scan',
      date: '2026-11-22',
      settings: { minGroupSize: 3, gapThreshold: 1 },
      instrument: {
        id: 'i',
        version: 1,
        title: { nl: 'T', en: 'T' },
        dimensions: [{ id: 'd', label: { nl: 'D', en: 'D' } }],
        items: items.map((id) => ({ id, dimension: 'd', kind: 'thermometer', text: { nl: id, en: id } })),
      },
      organisations: [{ id: 'org-a', name: 'A' }, { id: 'org-b', name: 'B' }],
      responses: [] as unknown[],
    },
  ],
});

const answer = fc.oneof(fc.constantFrom(1, 2, 3, 4, 5, 'dk'));
const response = fc.record(
  {
    id: fc.uuid(),
    organisationId: fc.constantFrom('org-a', 'org-b'),
    level: fc.constantFrom(null, 'uitvoering', 'management', 'bestuur'),
    submittedAt: fc.constantFrom('2026-11-22T10:03:12.000Z', '2026-11-22T11:03:12+01:00', '2026-11-22T10:03Z', '2024-02-29T23:59:59.5-05:30'),
    answers: fc.dictionary(fc.constantFrom(...items), answer),
    comments: fc.dictionary(fc.constantFrom(...items), fc.string({ maxLength: 30 })),
    keywords: fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
    improvement: fc.string({ maxLength: 30 }),
    extra: fc.anything(),
  },
  { requiredKeys: ['id', 'organisationId', 'level', 'submittedAt', 'answers'] },
);

describe('quick structure check', () => {
  it('gives exactly the full schema output for valid files, extra fields dropped', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 20 }), (responses) => {
        const data = base();
        data.scans[0]!.responses = responses;
        const quick = quickValidate(data);
        const full = v.safeParse(exchangeFileSchema, data);
        expect(full.success).toBe(true);
        expect(quick).not.toBeNull();
        // Same values and the same key order everywhere.
        expect(JSON.stringify(quick)).toBe(JSON.stringify(full.output));
        expect(quick).toEqual(full.output);
        // Fresh objects: the file's own objects are not reused.
        if (responses.length > 0) expect(quick!.scans[0]!.responses[0]).not.toBe(responses[0]);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['not an object', 'x'],
    ['an id that is no UUID', { id: 'abc' }],
    ['an unknown level', { level: 'Bestuur' }],
    ['a missing level', { level: undefined }],
    ['a timestamp without a zone', { submittedAt: '2026-11-22T10:03:12' }],
    ['the 31st of November', { submittedAt: '2026-11-31T10:03:12.000Z' }],
    ['an answer out of range', { answers: { q01: 6 } }],
    ['an answer as text', { answers: { q01: '3' } }],
    ['a comment that is no text', { comments: { q01: 3 } }],
    ['a comment too long', { comments: { q01: 'x'.repeat(EXCHANGE_LIMITS.freeText + 1) } }],
    ['too many keywords', { keywords: Array.from({ length: 50 }, (_, i) => `w${i}`) }],
    ['an improvement that is no text', { improvement: null }],
  ])('hands %s to the full schema', (_label, change) => {
    const valid = { id: '00000000-0000-4000-8000-000000000001', organisationId: 'org-a', level: null, submittedAt: '2026-11-22T10:03:12.000Z', answers: { q01: 3 } };
    expect(quickResponse(valid)).not.toBeNull();
    const input = typeof change === 'string' ? change : { ...valid, ...change };
    if (typeof change === 'object' && 'level' in change && change.level === undefined) delete (input as Record<string, unknown>).level;
    expect(quickResponse(input)).toBeNull();
    const data = base();
    data.scans[0]!.responses = [input];
    expect(quickValidate(data)).toBeNull();
    expect(v.safeParse(exchangeFileSchema, data).success).toBe(false);
  });

  it('leaves a list given for the answers to the full schema', () => {
    // valibot reads a list as a record with keys "0", "1"…; the quick path does not guess.
    const data = base();
    data.scans[0]!.responses = [{ id: '00000000-0000-4000-8000-000000000001', organisationId: 'org-a', level: null, submittedAt: '2026-11-22T10:03:12.000Z', answers: [3] }];
    expect(quickValidate(data)).toBeNull();
  });

  it('accepts none of the bad fixtures that the full schema refuses', () => {
    for (const name of readdirSync(BAD_IMPORTS).filter((n) => n.endsWith('.json'))) {
      const text = readExchangeText(readFixture(BAD_IMPORTS, name), 64 * 1024 * 1024);
      if (!text.ok) continue;
      const json = parseJsonSafely(text.value.text);
      if (!json.ok) continue;
      const full = v.safeParse(exchangeFileSchema, json.value);
      const quick = quickValidate(json.value);
      if (full.success) expect(quick, name).toEqual(full.output);
      else expect(quick, name).toBeNull();
    }
  });
});

describe('timestamps without Date objects', () => {
  it.each([
    ['2026-11-22T10:03:12.000Z', '2026-11-22T10:03:12.000Z'],
    ['2026-11-22T11:03:12+01:00', '2026-11-22T10:03:12.000Z'],
    ['2024-02-29T00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('%s is %s', (text, normal) => {
    expect(isIsoTimestamp(text)).toBe(true);
    expect(normaliseTimestamp(text)).toBe(normal);
  });

  it.each(['2026-02-29T00:00:00.000Z', '1900-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '0050-01-01T00:00:00Z', '2026-13-01T00:00:00Z'])('refuses %s', (text) => {
    expect(isIsoTimestamp(text)).toBe(false);
  });

  it('agrees with the Date object on every day of four years', () => {
    for (let day = 0; day < 4 * 366; day++) {
      const date = new Date(Date.UTC(2023, 0, 1) + day * 86_400_000);
      expect(normaliseTimestamp(date.toISOString().replace('.000Z', '+00:00'))).toBe(date.toISOString());
    }
  });
});
