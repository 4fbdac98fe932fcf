import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import {
  buildExchangeFile,
  buildSingleResponseFile,
  exchangeFileName,
  parseExchangeFile,
  responseFileName,
  serialiseExchangeFile,
  serialiseExchangeFileParts,
  toStoredResponse,
  toStoredScan,
  type ExchangeFileV1,
} from '../../../src/domain/exchange';
import type { Answer, Level, Response, SubmittedResponse } from '../../../src/domain/types';
import { EXPORTED_AT, GENERATOR, ROUND_RESPONSES, ROUND_SCAN, SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';
import { EXCHANGE_FIXTURES, expectOk, readFixture, reexport, schemaValidator, storeFile } from './helpers';

const LATER = new Date('2026-12-01T09:00:00.000Z');
const withoutExportTime = (file: ExchangeFileV1) => ({ ...file, exportedAt: '' });

describe('the small-scan fixture', () => {
  it('is exactly what buildExchangeFile writes for the small scan (a real export)', () => {
    const file = buildExchangeFile([{ scan: SMALL_SCAN, responses: SMALL_RESPONSES }], EXPORTED_AT, GENERATOR);
    expect(serialiseExchangeFile(file)).toBe(readFixture(EXCHANGE_FIXTURES, 'v1-small-scan.json').toString('utf8'));
  });

  it('re-exports to its expected re-export, identical apart from exportedAt', () => {
    const parsed = expectOk(parseExchangeFile(readFixture(EXCHANGE_FIXTURES, 'v1-small-scan.json')));
    const again = buildExchangeFile(storeFile(parsed), LATER, GENERATOR);
    const expected = readFixture(EXCHANGE_FIXTURES, 'v1-small-scan.reexport.json').toString('utf8');
    expect(serialiseExchangeFile(again)).toBe(expected);
    expect(withoutExportTime(again)).toEqual(withoutExportTime(parsed));
  });
});

describe('a round of a series, with its start language and extras (issue 16)', () => {
  it('is exactly what buildExchangeFile writes for the round scan, and fits the schema', () => {
    const file = buildExchangeFile([{ scan: ROUND_SCAN, responses: ROUND_RESPONSES }], EXPORTED_AT, GENERATOR);
    expect(serialiseExchangeFile(file)).toBe(readFixture(EXCHANGE_FIXTURES, 'v1-round-scan.json').toString('utf8'));
    expect(Object.keys(file.scans[0] ?? {})).toEqual(['id', 'title', 'date', 'settings', 'series', 'instrument', 'organisations', 'responses']);
    expect(schemaValidator()(file)).toBe(true);
  });

  it('reads the series, the start language and the extras back into the stored scan', () => {
    const parsed = expectOk(parseExchangeFile(readFixture(EXCHANGE_FIXTURES, 'v1-round-scan.json')));
    const stored = storeFile(parsed)[0]?.scan;
    expect(stored?.series).toEqual(ROUND_SCAN.series);
    expect(stored?.settings).toEqual(ROUND_SCAN.settings);
    const again = buildExchangeFile(storeFile(parsed), LATER, GENERATOR);
    expect(withoutExportTime(again)).toEqual(withoutExportTime(parsed));
  });

  it('keeps an old file without them importable, as a single scan that asks everything in Dutch', () => {
    const parsed = expectOk(parseExchangeFile(readFixture(EXCHANGE_FIXTURES, 'v1-small-scan.json')));
    const stored = storeFile(parsed)[0]?.scan;
    expect(stored?.series).toBeUndefined();
    expect(stored?.settings).toEqual({ minGroupSize: 2, gapThreshold: 1, askLevel: true });
    expect(serialiseExchangeFile(buildExchangeFile(storeFile(parsed), EXPORTED_AT, GENERATOR))).not.toMatch(/series|startLanguage|askComments|askKeywords|askImprovement/);
  });

  it('refuses a round that is not a whole number from 1 and a start language other than nl or en', () => {
    const text = readFixture(EXCHANGE_FIXTURES, 'v1-round-scan.json').toString('utf8');
    const badRound = parseExchangeFile(text.replace('"round": 2', '"round": 0'));
    expect(badRound.ok ? null : badRound.error).toMatchObject({ code: 'invalid-value', path: 'scans[0].series.round', expected: 'round' });
    const badLanguage = parseExchangeFile(text.replace('"startLanguage": "en"', '"startLanguage": "de"'));
    expect(badLanguage.ok ? null : badLanguage.error).toMatchObject({ code: 'invalid-value', path: 'scans[0].settings.startLanguage', expected: 'language' });
    const badExtra = parseExchangeFile(text.replace('"askComments": false', '"askComments": "nee"'));
    expect(badExtra.ok ? null : badExtra.error).toMatchObject({ code: 'wrong-type', path: 'scans[0].settings.askComments' });
  });
});

describe('a file written by another tool', () => {
  it('is read with unknown fields ignored, offsets converted to UTC and empty fields dropped', () => {
    const parsed = expectOk(parseExchangeFile(readFixture(EXCHANGE_FIXTURES, 'v1-other-tool.json')));
    const again = buildExchangeFile(storeFile(parsed), LATER, 'ketenscan 0.1.0');
    expect(serialiseExchangeFile(again)).toBe(readFixture(EXCHANGE_FIXTURES, 'v1-other-tool.reexport.json').toString('utf8'));
    const stored = storeFile(parsed)[0];
    expect(stored?.scan.settings).toEqual({ minGroupSize: 1, gapThreshold: 0.75, askLevel: true });
    const parlan = stored?.responses.find((r) => r.organisationId === 'parlan');
    expect(parlan).toMatchObject({ submittedAt: '2026-11-23T09:30:00.000Z', startedAt: '2026-11-23T09:30:00.000Z', comments: {}, keywords: [], improvement: '' });
    expect(JSON.stringify(parsed)).not.toMatch(/x-source|device|colour/);
  });

  it('re-exports a file whose parse result has the canonical key order', () => {
    const parsed = expectOk(parseExchangeFile(readFixture(EXCHANGE_FIXTURES, 'v1-other-tool.json')));
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'exportedAt', 'generator', 'scans']);
    expect(Object.keys(parsed.scans[0] ?? {})).toEqual(['id', 'title', 'date', 'settings', 'instrument', 'organisations', 'responses']);
  });
});

describe('buildExchangeFile', () => {
  const file = buildExchangeFile([{ scan: SMALL_SCAN, responses: SMALL_RESPONSES }], EXPORTED_AT, GENERATOR);
  const responses = file.scans[0]?.responses ?? [];

  it('writes only submitted responses of that scan, sorted by submission time', () => {
    const otherScan = { ...SMALL_RESPONSES[0], id: 'aaaaaaaa-0000-4000-8000-000000000000', scanId: 'another' } as Response;
    const withStranger = buildExchangeFile([{ scan: SMALL_SCAN, responses: [...SMALL_RESPONSES, otherScan] }], EXPORTED_AT, GENERATOR);
    expect(withStranger).toEqual(file);
    expect(responses).toHaveLength(5);
    expect(responses.map((r) => r.submittedAt)).toEqual([...responses.map((r) => r.submittedAt)].sort());
    expect(responses.some((r) => r.id === '4f5a6b7c-8d9e-4fa0-b1c2-d3e4f5a6b7c8')).toBe(false);
  });

  it('writes keys in the documented order and omits empty optional fields', () => {
    expect(Object.keys(responses[0] ?? {})).toEqual(['id', 'organisationId', 'level', 'submittedAt', 'answers']);
    const full = responses.find((r) => r.id === '9b1e0c4d-2f3a-4b5c-8d6e-7f8091a2b3c4');
    expect(Object.keys(full ?? {})).toEqual(['id', 'organisationId', 'level', 'submittedAt', 'answers', 'comments', 'keywords', 'improvement']);
    const text = serialiseExchangeFile(file);
    expect(text).not.toMatch(/"comments": \{\}|"keywords": \[\]|"improvement": ""|startedAt|position|status|isDemo|createdAt|scanId/);
  });

  it('writes answers and comments in statement order, whatever order they were stored in', () => {
    const shuffled: SubmittedResponse = {
      ...(SMALL_RESPONSES[0] as SubmittedResponse),
      answers: Object.fromEntries(Object.entries(SMALL_RESPONSES[0]?.answers ?? {}).reverse()),
    };
    const again = buildExchangeFile([{ scan: SMALL_SCAN, responses: [shuffled] }], EXPORTED_AT, GENERATOR);
    expect(Object.keys(again.scans[0]?.responses[0]?.answers ?? {})).toEqual(SMALL_SCAN.instrument.items.map((i) => i.id));
  });

  it('round-trips: build → JSON → parse → store → build gives the same content apart from exportedAt', () => {
    const again = reexport(file, LATER);
    expect(again.exportedAt).toBe(LATER.toISOString());
    expect(withoutExportTime(again)).toEqual(withoutExportTime(file));
  });

  it('round-trips the demo workshop and several scans at once', () => {
    const demo = generateDemoScan({ now: new Date('2026-11-22T09:00:00.000Z') });
    const both = buildExchangeFile([demo, { scan: SMALL_SCAN, responses: SMALL_RESPONSES }], EXPORTED_AT, GENERATOR);
    expect(both.scans.map((s) => s.responses.length)).toEqual([26, 5]);
    expect(withoutExportTime(reexport(both, LATER))).toEqual(withoutExportTime(both));
    expect(schemaValidator()(both)).toBe(true);
  });

  it('stores a submitted response as submitted, started at its submission, at position 0', () => {
    const parsed = file.scans[0]?.responses[0];
    if (!parsed) throw new Error('no response');
    expect(toStoredResponse(parsed, SMALL_SCAN.id)).toMatchObject({ status: 'submitted', startedAt: parsed.submittedAt, position: 0, scanId: SMALL_SCAN.id });
  });

  it('gives an imported scan the device facts from the options', () => {
    const fileScan = file.scans[0];
    if (!fileScan) throw new Error('no scan');
    const now = new Date('2026-12-02T10:00:00.000Z');
    expect(toStoredScan(fileScan, { now })).toMatchObject({ status: 'open', isDemo: false, createdAt: now.toISOString() });
    expect(toStoredScan(fileScan, { now, status: 'closed' }).status).toBe('closed');
    const { createdAt: _c, status: _s, isDemo: _d, ...rest } = toStoredScan(fileScan, { now });
    const { createdAt: _c2, status: _s2, isDemo: _d2, ...original } = SMALL_SCAN;
    expect(rest).toEqual(original);
  });

  it('builds a single-response file: that scan, that one response', () => {
    const response = SMALL_RESPONSES[1] as SubmittedResponse;
    const single = buildSingleResponseFile(SMALL_SCAN, response, EXPORTED_AT, GENERATOR);
    expect(single.scans).toHaveLength(1);
    expect(single.scans[0]?.responses.map((r) => r.id)).toEqual([response.id]);
    expect(expectOk(parseExchangeFile(serialiseExchangeFile(single)))).toEqual(single);
  });
});

describe('file names', () => {
  const day = new Date(2026, 10, 22, 0, 30); // local time: the device's calendar day counts
  it('names one scan, several scans, a backup and a single response', () => {
    expect(exchangeFileName([SMALL_SCAN], day)).toBe('ketenscan-workshop-ketensamenwerking-zuid-2026-11-22.json');
    expect(exchangeFileName([SMALL_SCAN, SMALL_SCAN, SMALL_SCAN], day)).toBe('ketenscan-3-scans-2026-11-22.json');
    expect(exchangeFileName([SMALL_SCAN], day, { isBackup: true })).toBe('ketenscan-backup-2026-11-22.json');
    expect(exchangeFileName([{ title: 'Één — Ketenscan “Zuid”' }], day)).toBe('ketenscan-een-ketenscan-zuid-2026-11-22.json');
    expect(exchangeFileName([{ title: '家族' }], day)).toBe('ketenscan-scan-2026-11-22.json');
    expect(responseFileName(SMALL_SCAN, { id: '9b1e0c4d-2f3a-4b5c-8d6e-7f8091a2b3c4' }, day)).toBe(
      'ketenscan-workshop-ketensamenwerking-zuid-response-9b1e0c4d-2026-11-22.json',
    );
  });
});

// Any response a participant can submit survives export and import unchanged.
const itemIds = SMALL_SCAN.instrument.items.map((i) => i.id);
const answerArb: fc.Arbitrary<Answer> = fc.constantFrom<Answer>(1, 2, 3, 4, 5, 'dk');
const textArb = fc.string({ unit: 'binary', maxLength: 120 });
const responseArb: fc.Arbitrary<SubmittedResponse> = fc
  .record({
    id: fc.uuid(),
    organisationId: fc.constantFrom(...SMALL_SCAN.organisations.map((o) => o.id)),
    level: fc.constantFrom<Level | null>('uitvoering', 'management', 'bestuur', null),
    answers: fc.dictionary(fc.constantFrom(...itemIds), answerArb),
    comments: fc.dictionary(fc.constantFrom(...itemIds), textArb),
    keywords: fc.array(textArb, { maxLength: 3 }),
    improvement: textArb,
    submittedAt: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  })
  .map((r) => ({ ...r, scanId: SMALL_SCAN.id, startedAt: r.submittedAt, status: 'submitted' as const, position: 0 }));

describe('property: round trip of any valid response', () => {
  it('survives build → JSON → parse → toStoredResponse unchanged, and every export fits the schema', () => {
    fc.assert(
      fc.property(fc.uniqueArray(responseArb, { maxLength: 6, selector: (r) => r.id }), (responses) => {
        const file = buildExchangeFile([{ scan: SMALL_SCAN, responses }], EXPORTED_AT, GENERATOR);
        expect(schemaValidator()(file)).toBe(true);
        const parsed = expectOk(parseExchangeFile(serialiseExchangeFile(file)));
        const back = (parsed.scans[0]?.responses ?? []).map((r) => toStoredResponse(r, SMALL_SCAN.id));
        const byId = (a: Response, b: Response) => (a.id < b.id ? -1 : 1);
        expect([...back].sort(byId)).toEqual([...responses].sort(byId));
      }),
      { numRuns: 200 },
    );
  });

  it('survives as UTF-8 bytes too, the way a file is read (JSON.stringify escapes lone surrogates)', () => {
    fc.assert(
      fc.property(responseArb, (response) => {
        const file = buildExchangeFile([{ scan: SMALL_SCAN, responses: [response] }], EXPORTED_AT, GENERATOR);
        const parsed = expectOk(parseExchangeFile(new TextEncoder().encode(serialiseExchangeFile(file))));
        expect(parsed).toEqual(file);
      }),
      { numRuns: 100 },
    );
  });
});

describe('serialising in parts (docs/scale.md "Export")', () => {
  const demo = generateDemoScan({ now: new Date('2026-11-22T09:00:00.000Z') });
  const file = buildExchangeFile(
    [
      { scan: demo.scan, responses: demo.responses },
      { scan: { ...demo.scan, id: '99999999-0000-4000-8000-000000000000' }, responses: [] },
    ],
    EXPORTED_AT,
    GENERATOR,
  );

  it('joins to exactly the one-piece text, with parts of at most the chunk of responses', () => {
    const parts = [...serialiseExchangeFileParts(file, 3)];
    const text = serialiseExchangeFile(file);
    expect(parts.join('')).toBe(text);
    const responseParts = parts.filter((p) => p.includes('"organisationId"'));
    expect(responseParts.length).toBe(Math.ceil(file.scans[0]!.responses.length / 3));
    for (const part of responseParts) expect(part.match(/"organisationId"/g)!.length).toBeLessThanOrEqual(3);
  });

  it('writes one response per line and reads back to the same file', () => {
    const text = serialiseExchangeFile(file);
    expect(text.split('\n').filter((line) => line.trimStart().startsWith('{"id":')).length).toBe(file.scans[0]!.responses.length);
    expect(text).toContain('"responses": []');
    expect(expectOk(parseExchangeFile(text))).toEqual(file);
  });
});
