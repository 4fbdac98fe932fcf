import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { createDraftResponse, createScan } from '../../../src/domain/scan';
import { checkStoredResponse, checkStoredScan, keepReadable } from '../../../src/domain/storedRecords';
import type { Response, Scan } from '../../../src/domain/types';

const now = new Date('2026-11-22T10:00:00.000Z');
const scan = createScan({ id: 'scan-1', title: 'Workshop', date: '2026-11-22', organisationNames: ['Politie', 'Gemeente'], now });
const draft = createDraftResponse({ id: 'r-1', scan, organisationId: 'politie', level: 'management', now });
const demo = generateDemoScan({ now });
const submitted = demo.responses[0]!;

/** A copy of `row` with one field replaced (or removed, for `undefined`). */
function withField<T extends object>(row: T, path: string, value: unknown): unknown {
  const copy = structuredClone(row) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

describe('checkStoredScan', () => {
  it('accepts scans as the app writes them: new, demo, closed, without level question', () => {
    for (const row of [scan, demo.scan, { ...scan, status: 'closed' }, { ...scan, settings: { ...scan.settings, askLevel: false } }]) {
      expect(checkStoredScan(row)).toEqual({ ok: true, value: row });
    }
  });

  const broken: [string, unknown, string][] = [
    ['no instrument', withField(scan, 'instrument', undefined), 'instrument'],
    ['instrument as text', withField(scan, 'instrument', 'quickscan'), 'instrument'],
    ['no statements', withField(scan, 'instrument.items', []), 'instrument.items'],
    ['statements not a list', withField(scan, 'instrument.items', {}), 'instrument.items'],
    ['a statement of an unknown dimension', withField(scan, 'instrument.items', [{ ...scan.instrument.items[0]!, dimension: 'elders' }]), 'instrument.items[0]'],
    ['a statement of an unknown kind', withField(scan, 'instrument.items', [{ ...scan.instrument.items[0]!, kind: 'barometer' }]), 'instrument.items[0]'],
    ['a statement without Dutch text', withField(scan, 'instrument.items', [{ ...scan.instrument.items[0]!, text: { en: 'x' } }]), 'instrument.items[0]'],
    ['organisations missing', withField(scan, 'organisations', undefined), 'organisations'],
    ['an organisation without id', withField(scan, 'organisations', [{ name: 'Politie' }]), 'organisations[0]'],
    ['no id', withField(scan, 'id', undefined), 'id'],
    ['title a number', withField(scan, 'title', 3), 'title'],
    ['date not a date', withField(scan, 'date', '2026-02-30'), 'date'],
    ['settings missing', withField(scan, 'settings', undefined), 'settings'],
    ['minimum group size 0', withField(scan, 'settings.minGroupSize', 0), 'settings.minGroupSize'],
    ['gap threshold as text', withField(scan, 'settings.gapThreshold', '1'), 'settings.gapThreshold'],
    ['askLevel missing', withField(scan, 'settings.askLevel', undefined), 'settings.askLevel'],
    ['unknown status', withField(scan, 'status', 'archived'), 'status'],
    ['isDemo as text', withField(scan, 'isDemo', 'false'), 'isDemo'],
    ['createdAt not a timestamp', withField(scan, 'createdAt', 'gisteren'), 'createdAt'],
  ];
  for (const [what, row, field] of broken) {
    it(`sets aside a scan with ${what} (${field})`, () => {
      expect(checkStoredScan(row)).toEqual({ ok: false, problem: 'invalid-field', field });
    });
  }
});

describe('checkStoredResponse', () => {
  it('accepts responses as the app writes them: a fresh draft, a draft with every answer kind, submitted ones', () => {
    const answered: Response = { ...draft, answers: { q01: 1, q02: 2, q03: 3, q04: 4, q05: 5, q06: 'dk' }, comments: { q03: 'x' }, keywords: ['', 'snel', ''], position: 7 };
    for (const row of [draft, answered, { ...draft, level: null }, ...demo.responses]) expect(checkStoredResponse(row)).toEqual({ ok: true, value: row });
  });

  const broken: [string, unknown, string][] = [
    ['answers as a string', withField(submitted, 'answers', '{"q01":3}'), 'answers'],
    ['answers as a list', withField(submitted, 'answers', [3, 4]), 'answers'],
    ['no answers', withField(submitted, 'answers', undefined), 'answers'],
    ['an answer 0', withField(submitted, 'answers.q01', 0), 'answers.q01'],
    ['an answer 6', withField(submitted, 'answers.q01', 6), 'answers.q01'],
    ['an answer 3.5', withField(submitted, 'answers.q01', 3.5), 'answers.q01'],
    ['an answer "3"', withField(submitted, 'answers.q01', '3'), 'answers.q01'],
    ['an answer null', withField(submitted, 'answers.q01', null), 'answers.q01'],
    ['an answer "DK"', withField(submitted, 'answers.q01', 'DK'), 'answers.q01'],
    ['a comment that is a number', withField(submitted, 'comments', { q01: 4 }), 'comments.q01'],
    ['keywords as text', withField(submitted, 'keywords', 'snel'), 'keywords'],
    ['a keyword that is null', withField(submitted, 'keywords', ['snel', null]), 'keywords[1]'],
    ['improvement missing', withField(submitted, 'improvement', undefined), 'improvement'],
    ['no scan id', withField(submitted, 'scanId', undefined), 'scanId'],
    ['no organisation', withField(submitted, 'organisationId', ''), 'organisationId'],
    ['an unknown level', withField(submitted, 'level', 'directie'), 'level'],
    ['a start time that is no timestamp', withField(submitted, 'startedAt', 12), 'startedAt'],
    ['submitted without a submission time', withField(submitted, 'submittedAt', null), 'submittedAt'],
    ['a draft with a submission time', withField(draft, 'submittedAt', '2026-11-22T10:00:00.000Z'), 'submittedAt'],
    ['an unknown status', withField(submitted, 'status', 'sent'), 'status'],
    ['a negative position', withField(draft, 'position', -1), 'position'],
    ['a position as text', withField(draft, 'position', '3'), 'position'],
  ];
  for (const [what, row, field] of broken) {
    it(`sets aside a response with ${what} (${field})`, () => {
      expect(checkStoredResponse(row)).toEqual({ ok: false, problem: 'invalid-field', field });
    });
  }

  it('sets aside rows that are not records at all', () => {
    for (const row of [null, undefined, 'garbage', 42, [submitted], true]) {
      expect(checkStoredResponse(row)).toEqual({ ok: false, problem: 'not-an-object', field: '' });
      expect(checkStoredScan(row)).toEqual({ ok: false, problem: 'not-an-object', field: '' });
    }
    expect(checkStoredResponse({ id: 'x', hello: 'world' })).toMatchObject({ ok: false, field: 'scanId' });
  });

  it('never throws, whatever is stored', () => {
    fc.assert(
      fc.property(fc.anything(), (row) => {
        expect(checkStoredScan(row).ok).toBe(false);
        expect(checkStoredResponse(row).ok).toBe(false);
      }),
    );
    // Valid rows with one field replaced by anything: a result, never an exception.
    const fields = Object.keys(submitted) as (keyof Response)[];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.anything(), (field, value) => {
        expect(() => checkStoredResponse({ ...submitted, [field]: value })).not.toThrow();
      }),
    );
    const scanFields = Object.keys(scan) as (keyof Scan)[];
    fc.assert(
      fc.property(fc.constantFrom(...scanFields), fc.anything(), (field, value) => {
        expect(() => checkStoredScan({ ...scan, [field]: value })).not.toThrow();
      }),
    );
  });
});

describe('keepReadable', () => {
  it('keeps the readable rows in order and counts the others', () => {
    const rows: unknown[] = [demo.responses[0], 'garbage', demo.responses[1], withField(submitted, 'answers', 'x'), demo.responses[2]];
    expect(keepReadable(rows, checkStoredResponse)).toEqual({ rows: demo.responses.slice(0, 3), unreadable: 2 });
  });
});
