import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildExchangeFile,
  decodeResponseHandoff,
  describeExchangeError,
  describeHandoffOmission,
  encodeResponseHandoff,
  finaliseImport,
  HANDOFF_GENERATOR,
  HANDOFF_MAX_BYTES,
  planImport,
  readHandoffScanId,
  toStoredResponse,
} from '../../../src/domain/exchange';
import type { Answer, Level, Scan, SubmittedResponse } from '../../../src/domain/types';
import { EXPORTED_AT, GENERATOR, SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';
import { MemoryStore, schemaValidator } from './helpers';

const submitted = SMALL_RESPONSES.filter((r): r is SubmittedResponse => r.status === 'submitted');
const lookup = (scan: Scan) => (id: string) => (id === scan.id ? scan : undefined);
const first = submitted.find((r) => r.id === '9b1e0c4d-2f3a-4b5c-8d6e-7f8091a2b3c4') as SubmittedResponse;

describe('encodeResponseHandoff', () => {
  it('writes KS1: and a compact array with the answers as one character per statement', () => {
    const { text, bytes, omitted } = encodeResponseHandoff(SMALL_SCAN, first);
    expect(text.startsWith('KS1:["3f0c2a9e-7b1d-4c5e-9a8f-1d2e3f4a5b6c","quickscan-ketensamenwerking",1,"')).toBe(true);
    expect(text).toContain('"4444244d44444"');
    expect(omitted).toEqual([]);
    expect(bytes).toBe(new TextEncoder().encode(text).length);
    expect(bytes).toBeLessThan(500);
  });

  it('stays under ~250 bytes for 13 answers without text', () => {
    const bare = submitted.find((r) => r.id === '2d3e4f5a-6b7c-4d8e-9fa0-b1c2d3e4f5a6') as SubmittedResponse;
    expect(encodeResponseHandoff(SMALL_SCAN, bare).bytes).toBeLessThan(250);
  });

  it('leaves out comments, then the improvement point, then keywords when they do not fit', () => {
    const wordy: SubmittedResponse = {
      ...first,
      comments: Object.fromEntries(SMALL_SCAN.instrument.items.map((i) => [i.id, 'Een lange toelichting bij deze stelling. '.repeat(3)])),
      improvement: 'Verbeterpunt. '.repeat(30),
      keywords: ['één', 'twee', 'drie'],
    };
    const a = encodeResponseHandoff(SMALL_SCAN, wordy);
    expect(a.omitted).toEqual(['comments']);
    expect(a.bytes).toBeLessThanOrEqual(HANDOFF_MAX_BYTES);
    const b = encodeResponseHandoff(SMALL_SCAN, { ...wordy, improvement: 'Verbeterpunt. '.repeat(60) });
    expect(b.omitted).toEqual(['comments', 'improvement']);
    // Answers are never left out: a limit below the bare code leaves out all text and is exceeded.
    const c = encodeResponseHandoff(SMALL_SCAN, wordy, { maxBytes: 200 });
    expect(c.omitted).toEqual(['comments', 'improvement', 'keywords']);
    expect(c.bytes).toBeGreaterThan(200);
    expect(c.text).toContain('"4444244d44444"');
    expect(describeHandoffOmission(b.omitted, 'en')).toBe('The comments and point to improve did not fit in the code; send the file to pass them on');
    expect(describeHandoffOmission(b.omitted, 'nl')).toBe('Niet in de code gepast: toelichtingen en verbeterpunt; stuur het bestand om ook die door te geven');
    expect(describeHandoffOmission([], 'nl')).toBeNull();
  });

  it('refuses a draft', () => {
    const draft = SMALL_RESPONSES.find((r) => r.status === 'draft');
    expect(() => encodeResponseHandoff(SMALL_SCAN, draft as SubmittedResponse)).toThrow(/submitted/);
  });
});

describe('decodeResponseHandoff', () => {
  it('rebuilds a one-response v1 file from the stored scan, which the import path merges', () => {
    const { text } = encodeResponseHandoff(SMALL_SCAN, first);
    expect(readHandoffScanId(` ${text}\n`)).toBe(SMALL_SCAN.id);
    const decoded = decodeResponseHandoff(` ${text}\n`, lookup(SMALL_SCAN));
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.error));
    expect(decoded.file.generator).toBe(HANDOFF_GENERATOR);
    expect(decoded.file.scans[0]?.responses).toEqual(buildExchangeFile([{ scan: SMALL_SCAN, responses: [first] }], EXPORTED_AT, GENERATOR).scans[0]?.responses);
    expect(toStoredResponse(decoded.file.scans[0]?.responses[0] as never, SMALL_SCAN.id)).toEqual(first);
    expect(schemaValidator()(decoded.file)).toBe(true);

    const store = new MemoryStore([{ scan: SMALL_SCAN, responses: [] }]);
    const plan = planImport(store.existing, [decoded.file], { now: EXPORTED_AT });
    expect(plan.totals).toMatchObject({ scansAlreadyPresent: 1, responsesToAdd: 1, refusedScans: 0 });
    store.apply(finaliseImport(plan));
    // Scanning the same code twice is a duplicate, not a second respondent.
    expect(planImport(store.existing, [decoded.file], { now: EXPORTED_AT }).totals).toMatchObject({ duplicates: 1, responsesToAdd: 0 });
  });

  it('tells the director what did not fit', () => {
    const { text } = encodeResponseHandoff(SMALL_SCAN, first, { maxBytes: 200 });
    const decoded = decodeResponseHandoff(text, lookup(SMALL_SCAN));
    expect(decoded.ok && decoded.omitted).toEqual(['comments', 'improvement', 'keywords']);
    const response = decoded.ok ? decoded.file.scans[0]?.responses[0] : undefined;
    expect(response && Object.keys(response)).toEqual(['id', 'organisationId', 'level', 'submittedAt', 'answers']);
  });

  const refusals: [string, (text: string) => string, string, string][] = [
    ['another text', () => 'https://example.org/?q=1', 'not-a-handoff', ''],
    ['a newer code', (t) => t.replace('KS1:', 'KS2:'), 'future-version', ''],
    ['a cut-off code', (t) => t.slice(0, 120), 'handoff-malformed', ''],
    ['a short array', () => 'KS1:["a",1]', 'handoff-malformed', ''],
    ['another scan', (t) => t.replace(SMALL_SCAN.id, '00000000-0000-4000-8000-000000000000'), 'handoff-unknown-scan', ''],
    ['other statements', (t) => t.replace(/",1,"[0-9a-f]{8}"/, '",1,"00000000"'), 'handoff-instrument-mismatch', ''],
    ['too few answers', (t) => t.replace('"4444244d44444"', '"444424"'), 'handoff-malformed', '[8]'],
    ['an answer 7', (t) => t.replace('"4444244d44444"', '"4444744d44444"'), 'answer-out-of-range', 'scans[0].responses[0].answers.q05'],
    ['an unknown organisation', (t) => t.replace('"politie"', '"brandweer"'), 'unknown-organisation', 'scans[0].responses[0].organisationId'],
    ['a wrong level', (t) => t.replace('"uitvoering"', '"chef"'), 'invalid-value', 'scans[0].responses[0].level'],
    ['a response id that is no UUID', (t) => t.replace('9b1e0c4d-2f3a-4b5c-8d6e-7f8091a2b3c4', 'x'), 'invalid-id', 'scans[0].responses[0].id'],
    ['a bad time', (t) => t.replace('2026-11-22T10:03:12.000Z', 'gisteren'), 'invalid-date', 'scans[0].responses[0].submittedAt'],
    ['a forbidden key', (t) => t.replace('{"q05":', '{"__proto__":{"x":1},"q05":'), 'forbidden-key', '[11].__proto__'],
    ['a comment on an unknown statement', (t) => t.replace('{"q05":', '{"q99":"?","q05":'), 'unknown-statement', 'scans[0].responses[0].comments.q99'],
  ];
  for (const [what, change, code, path] of refusals) {
    it(`refuses ${what} with ${code}`, () => {
      const { text } = encodeResponseHandoff(SMALL_SCAN, first);
      const changed = change(text);
      expect(changed).not.toBe(text);
      const decoded = decodeResponseHandoff(changed, lookup(SMALL_SCAN));
      expect(decoded.ok ? 'ok' : decoded.error.code).toBe(code);
      if (decoded.ok) return;
      expect(decoded.error.path).toBe(path);
      expect(describeExchangeError(decoded.error, 'en')).not.toMatch(/undefined/);
      expect(describeExchangeError(decoded.error, 'nl')).not.toMatch(/undefined/);
    });
  }
});

describe('property: hand-off round trip', () => {
  const itemIds = SMALL_SCAN.instrument.items.map((i) => i.id);
  const responseArb = fc
    .record({
      id: fc.uuid(),
      organisationId: fc.constantFrom(...SMALL_SCAN.organisations.map((o) => o.id)),
      level: fc.constantFrom<Level | null>('uitvoering', 'management', 'bestuur', null),
      answers: fc.dictionary(fc.constantFrom(...itemIds), fc.constantFrom<Answer>(1, 2, 3, 4, 5, 'dk')),
      comments: fc.dictionary(fc.constantFrom(...itemIds), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 })),
      keywords: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), { maxLength: 3 }),
      improvement: fc.string({ unit: 'grapheme', maxLength: 300 }),
      submittedAt: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    })
    .map((r): SubmittedResponse => ({ ...r, scanId: SMALL_SCAN.id, startedAt: r.submittedAt, status: 'submitted', position: 0 }));

  it('keeps answers, organisation, level and time always, and text whenever it was not omitted; size stays bounded', () => {
    fc.assert(
      fc.property(responseArb, (response) => {
        const encoded = encodeResponseHandoff(SMALL_SCAN, response);
        expect(encoded.bytes).toBeLessThanOrEqual(HANDOFF_MAX_BYTES);
        const decoded = decodeResponseHandoff(encoded.text, lookup(SMALL_SCAN));
        if (!decoded.ok) throw new Error(JSON.stringify(decoded.error));
        const back = toStoredResponse(decoded.file.scans[0]?.responses[0] as never, SMALL_SCAN.id);
        const expected = {
          ...response,
          comments: encoded.omitted.includes('comments') ? {} : response.comments,
          improvement: encoded.omitted.includes('improvement') ? '' : response.improvement,
          keywords: encoded.omitted.includes('keywords') ? [] : response.keywords,
        };
        expect(back).toEqual(expected);
        expect(decoded.omitted).toEqual(encoded.omitted);
      }),
      { numRuns: 200 },
    );
  });
});
