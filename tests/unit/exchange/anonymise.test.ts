import { describe, expect, it } from 'vitest';
import { analyseScanProtected } from '../../../src/domain/analysis';
import { anonymiseForSharing, buildCsvLong, buildCsvWide, buildExchangeFile, parseExchangeFile, planImport, serialiseExchangeFile, toStoredResponse, toStoredScan } from '../../../src/domain/exchange';
import { dayCutter } from '../../../src/domain/exchange/anonymise';
import type { Level, Response, Scan } from '../../../src/domain/types';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';
import { buildScan } from '../../fixtures/buildScan';
import { expectOk, schemaValidator } from './helpers';

// Politie 4 (3 execution, 1 board), Gemeente 3 (execution), Parlan 1 + OM 2 = 3 pooled,
// Jeugdbescherming none; the last test leaves the small ones under the minimum.
const scan: Scan = buildScan({
  id: '7d3c1a2b-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  title: 'Workshop',
  settings: { minGroupSize: 3, gapThreshold: 1, askLevel: true },
  organisations: [
    { id: 'pol', name: 'Politie' },
    { id: 'gem', name: 'Gemeente' },
    { id: 'par', name: 'Parlan' },
    { id: 'om', name: 'Openbaar Ministerie' },
    { id: 'jb', name: 'Jeugdbescherming' },
  ],
  createdAt: '2026-11-20T08:00:00.000Z',
  exitPin: '2468',
  series: { id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', round: 2 },
});

// Ids are replaced in the shared file, so each response carries its short name as a keyword to be
// found by; the real ids are UUIDs, so that no original id can hide in the output.
const uuidOf = (short: string) => `00000000-0000-4000-8000-${[...short].map((c) => c.charCodeAt(0).toString(16)).join('').padStart(12, '0')}`;
function respond(id: string, org: string, level: Level | null, at: string, extra: Partial<Response> = {}): Response {
  return { ...makeResponse(uuidOf(id), org, level, { s1: 4, s2: 'dk' }, ['open', id]), scanId: scan.id, submittedAt: at, startedAt: at, ...extra };
}

const responses: Response[] = [
  respond('p1', 'pol', 'uitvoering', '2026-11-22T09:01:00.000Z', { comments: { s1: 'Politie-eigen opmerking' } }),
  respond('p2', 'pol', 'uitvoering', '2026-11-22T09:02:00.000Z'),
  respond('p3', 'pol', 'uitvoering', '2026-11-22T09:03:00.000Z'),
  respond('p4', 'pol', 'bestuur', '2026-11-22T09:04:00.000Z'),
  // Gemeente: one score on s3 (too few, removed), two on s4 (too few, removed), three on s5 (kept).
  respond('g1', 'gem', 'uitvoering', '2026-11-22T09:05:00.000Z', { answers: { s1: 4, s2: 'dk', s3: 2, s4: 5, s5: 1 } }),
  respond('g2', 'gem', 'uitvoering', '2026-11-22T09:06:00.000Z', { answers: { s1: 4, s2: 'dk', s3: 'dk', s4: 3, s5: 2 } }),
  respond('g3', 'gem', 'uitvoering', '2026-11-22T09:07:00.000Z', { answers: { s1: 4, s2: 'dk', s5: 3 }, improvement: 'Sneller delen' }),
  respond('r1', 'par', 'management', '2026-11-22T10:08:00.000Z', { comments: { s1: 'Als Parlan merken wij…' }, improvement: 'Meer tijd' }),
  respond('o1', 'om', null, '2026-11-22T10:09:00.000Z'),
  respond('o2', 'om', null, '2026-11-22T10:10:00.000Z'),
  { ...respond('d1', 'gem', 'uitvoering', '2026-11-22T10:11:00.000Z'), status: 'draft', submittedAt: null },
];

const options = { pooledName: 'Overige partners', titleSuffix: ' (geanonimiseerd)', timeZone: 'Europe/Amsterdam' };

describe('anonymiseForSharing', () => {
  const { scan: shared, responses: out, report } = anonymiseForSharing(scan, responses, options);
  const byId = new Map(out.map((r) => [r.keywords[1]!, r]));

  it('pools organisations under the minimum into "other partners", exactly as the results views group them', () => {
    expect(shared.organisations).toEqual([
      { id: 'pol', name: 'Politie' },
      { id: 'gem', name: 'Gemeente' },
      { id: 'jb', name: 'Jeugdbescherming' },
      { id: 'overige-partners', name: 'Overige partners' },
    ]);
    expect(['r1', 'o1', 'o2'].map((id) => byId.get(id)?.organisationId)).toEqual(['overige-partners', 'overige-partners', 'overige-partners']);
    expect(report.pooledOrganisationIds).toEqual(['par', 'om']);
    // The analysis of the shared file gives the same figures as the protected views on every
    // statement: the file leaves out the scores the views withhold as too few (s3, s4).
    const fromViews = analyseScanProtected({ ...scan, responses, settings: scan.settings });
    const fromFile = analyseScanProtected({ ...shared, responses: out, settings: shared.settings });
    expect(fromFile.statements.map((s) => s.chainMean)).toEqual(fromViews.statements.map((s) => s.chainMean));
    expect(fromFile.statements.map((s) => s.counts)).toEqual(fromViews.statements.map((s) => s.counts));
    expect(fromFile.statements.map((s) => s.cells.map((c) => c.mean))).toEqual(fromViews.statements.map((s) => s.cells.map((c) => c.mean)));
  });

  it('keeps only submitted responses and cuts every time to the day', () => {
    expect([...byId.keys()].sort()).toEqual(['g1', 'g2', 'g3', 'o1', 'o2', 'p1', 'p2', 'p3', 'p4', 'r1']);
    expect(new Set(out.map((r) => r.submittedAt))).toEqual(new Set(['2026-11-22T00:00:00.000Z']));
    expect(new Set(out.map((r) => r.startedAt))).toEqual(new Set(['2026-11-22T00:00:00.000Z']));
  });

  it('cuts to the day in the given time zone, not in UTC: 00:20 in Amsterdam stays on that day', () => {
    // 2026-11-22 00:20 in Amsterdam (UTC+1 in winter) is 2026-11-21 23:20 UTC; in summer (UTC+2) 22:20.
    const late = [respond('n1', 'pol', null, '2026-11-21T23:20:00.000Z'), respond('n2', 'pol', null, '2026-07-14T22:20:00.000Z'), respond('n3', 'pol', null, '2026-11-22T22:59:00.000Z')];
    const inAmsterdam = anonymiseForSharing(scan, [...responses, ...late], options);
    const dayOf = (name: string) => inAmsterdam.responses.find((r) => r.keywords[1] === name)?.submittedAt;
    expect(['n1', 'n2', 'n3'].map(dayOf)).toEqual(['2026-11-22T00:00:00.000Z', '2026-07-15T00:00:00.000Z', '2026-11-22T00:00:00.000Z']);
    const inUtc = anonymiseForSharing(scan, [...responses, ...late], { ...options, timeZone: 'UTC' });
    expect(inUtc.responses.find((r) => r.keywords[1] === 'n1')?.submittedAt).toBe('2026-11-21T00:00:00.000Z');
    expect(dayCutter('Not/AZone')('2026-11-21T23:20:00.000Z')).toBe('2026-11-21');
    expect(dayCutter('America/New_York')('2026-11-22T03:00:00.000Z')).toBe('2026-11-21');
  });

  it('gives the scan and every response a fresh id, drops the series link, and holds no original id in the JSON or either CSV', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(shared.id).toMatch(uuid);
    expect(shared.id).not.toBe(scan.id);
    expect(shared.series).toBeUndefined();
    expect(new Set(out.map((r) => r.id)).size).toBe(out.length);
    for (const r of out) {
      expect(r.id).toMatch(uuid);
      expect(r.scanId).toBe(shared.id);
    }
    const originals = [scan.id, scan.series!.id, ...responses.map((r) => r.id)];
    const texts = [
      serialiseExchangeFile(buildExchangeFile([{ scan: shared, responses: out }], new Date('2026-11-30T12:00:00.000Z'), 'ketenscan test')),
      buildCsvLong(shared, out, { separator: ';', lang: 'nl' }),
      buildCsvWide(shared, out, { separator: ',', lang: 'en' }),
      JSON.stringify({ shared, out, report }),
    ];
    for (const text of texts) for (const id of originals) expect(text).not.toContain(id);
    // Two exports of the same scan share no id either.
    const again = anonymiseForSharing(scan, responses, options);
    expect(again.scan.id).not.toBe(shared.id);
    expect(again.responses.some((r) => out.some((o) => o.id === r.id))).toBe(false);
  });

  it('writes the responses in no order of arrival: by day, then by their random id', () => {
    const ids = out.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    // With other random ids the order of the same people changes: it carries no arrival order.
    const orders = new Set(Array.from({ length: 6 }, () => anonymiseForSharing(scan, responses, options).responses.map((r) => r.keywords[1]).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('leaves out a group\'s scores on a statement when they are fewer than the minimum, keeps "don\'t know", and says so', () => {
    expect(report.scoresRemoved).toEqual([
      { groupId: 'gem', itemId: 's3', scores: 1 },
      { groupId: 'gem', itemId: 's4', scores: 2 },
    ]);
    expect(byId.get('g1')?.answers).toEqual({ s1: 4, s2: 'dk', s5: 1 });
    expect(byId.get('g2')?.answers).toEqual({ s1: 4, s2: 'dk', s3: 'dk', s5: 2 });
    expect(byId.get('g3')?.answers).toEqual({ s1: 4, s2: 'dk', s5: 3 });
    // Nothing left in the file from which the removed scores could be recovered.
    for (const r of out) {
      if (r.organisationId !== 'gem') continue;
      expect(typeof r.answers.s3 === 'number' || typeof r.answers.s4 === 'number').toBe(false);
    }
    const fromFile = analyseScanProtected({ ...shared, responses: out, settings: shared.settings });
    const s4 = fromFile.statements.find((s) => s.itemId === 's4')!;
    expect(s4.n).toBe(0);
    expect(s4.chainMean).toBeNull();
    expect(fromFile.statements.find((s) => s.itemId === 's5')!.n).toBe(3);
  });

  it('removes a level where it would single out fewer than the minimum, and keeps it where it is safe', () => {
    expect(['p1', 'p4'].map((id) => byId.get(id)?.level)).toEqual([null, null]); // one board member at Politie
    expect(['g1', 'g2', 'g3'].map((id) => byId.get(id)?.level)).toEqual(['uitvoering', 'uitvoering', 'uitvoering']);
    expect(byId.get('r1')?.level).toBeNull();
    expect(report.levelsRemovedIn.sort()).toEqual(['overige-partners', 'pol']);
  });

  it('drops comments and improvement points of pooled respondents only; keywords stay', () => {
    expect(byId.get('r1')).toMatchObject({ comments: {}, improvement: '', keywords: ['open', 'r1'] });
    expect(byId.get('p1')?.comments).toEqual({ s1: 'Politie-eigen opmerking' });
    expect(byId.get('g3')?.improvement).toBe('Sneller delen');
    expect(report.freeTextsRemoved).toBe(1);
  });

  it('marks the title, never carries the device PIN, and does not change its input', () => {
    expect(shared.title).toBe('Workshop (geanonimiseerd)');
    expect(shared.exitPin).toBeUndefined();
    expect(scan.organisations).toHaveLength(5);
    expect(responses[0]!.submittedAt).toBe('2026-11-22T09:01:00.000Z');
    expect(responses[0]!.id).toBe(uuidOf('p1'));
    expect(responses[4]!.answers).toEqual({ s1: 4, s2: 'dk', s3: 2, s4: 5, s5: 1 });
  });

  it('is a valid v1 file that Ketenscan reads back, and its CSV holds no removed text', () => {
    const file = buildExchangeFile([{ scan: shared, responses: out }], new Date('2026-11-30T12:00:00.000Z'), 'ketenscan test');
    const validate = schemaValidator();
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(parseExchangeFile(JSON.stringify(file)).ok).toBe(true);
    const csv = buildCsvWide(shared, out, { separator: ';', lang: 'nl' });
    expect(csv).not.toContain('Parlan');
    expect(csv).not.toContain('Meer tijd');
    expect(csv).not.toContain('09:0');
  });

  it('arrives as a scan of its own on a device that holds the original scan and its responses: no conflict, nothing "already here"', () => {
    const file = expectOk(parseExchangeFile(serialiseExchangeFile(buildExchangeFile([{ scan: shared, responses: out }], new Date('2026-11-30T12:00:00.000Z'), 'ketenscan test'))));
    const plan = planImport({ scans: [scan], responses }, [file], { now: new Date('2026-12-01T00:00:00.000Z') });
    expect(plan.totals).toMatchObject({ scansToAdd: 1, scansAlreadyPresent: 0, responsesToAdd: 10, duplicates: 0, conflicts: 0 });
    expect(plan.conflicts).toEqual([]);
    expect(plan.scansToAdd.map((s) => s.id)).toEqual([shared.id]);
    // Stored, it gives the same figures as the file itself.
    const stored = toStoredScan(file.scans[0]!, { now: new Date('2026-12-01T00:00:00.000Z') });
    expect(stored.series).toBeUndefined();
    const storedResponses = file.scans[0]!.responses.map((r) => toStoredResponse(r, stored.id));
    const a = analyseScanProtected({ ...stored, responses: storedResponses, settings: stored.settings });
    const b = analyseScanProtected({ ...shared, responses: out, settings: shared.settings });
    expect(a.statements.map((s) => s.chainMean)).toEqual(b.statements.map((s) => s.chainMean));
  });

  it('leaves out organisations that together stay under the minimum, with their answers and texts', () => {
    const few = [...responses.filter((r) => r.organisationId !== 'om'), respond('j1', 'jb', null, '2026-11-22T11:00:00.000Z')];
    // Parlan 1 + Jeugdbescherming 1 = 2 < 3: no group at all.
    const result = anonymiseForSharing(scan, few, options);
    expect(result.scan.organisations.map((o) => o.id)).toEqual(['pol', 'gem', 'om']);
    expect(result.responses.some((r) => r.keywords[1] === 'r1' || r.keywords[1] === 'j1')).toBe(false);
    expect(result.report).toMatchObject({ leftOutOrganisationIds: ['par', 'jb'], leftOutRespondents: 2, pooledOrganisationIds: [] });
    expect(JSON.stringify(result)).not.toContain('Als Parlan');
  });
});
