import { describe, expect, it } from 'vitest';
import { analyseScanProtected } from '../../../src/domain/analysis';
import { anonymiseForSharing, buildCsvWide, buildExchangeFile, parseExchangeFile } from '../../../src/domain/exchange';
import type { Level, Response, Scan } from '../../../src/domain/types';
import { FIXTURE_INSTRUMENT, makeResponse } from '../../fixtures/analysis/handComputedScan';
import { schemaValidator } from './helpers';

// Politie 4 (3 execution, 1 board), Gemeente 3 (execution), Parlan 1 + OM 2 = 3 pooled,
// Jeugdbescherming none; the last test leaves the small ones under the minimum.
const scan: Scan = {
  id: 'fixture-scan',
  title: 'Workshop',
  date: '2026-11-22',
  settings: { minGroupSize: 3, gapThreshold: 1, askLevel: true },
  instrument: FIXTURE_INSTRUMENT,
  organisations: [
    { id: 'pol', name: 'Politie' },
    { id: 'gem', name: 'Gemeente' },
    { id: 'par', name: 'Parlan' },
    { id: 'om', name: 'Openbaar Ministerie' },
    { id: 'jb', name: 'Jeugdbescherming' },
  ],
  status: 'open',
  isDemo: false,
  createdAt: '2026-11-20T08:00:00.000Z',
  exitPin: '2468',
};

function respond(id: string, org: string, level: Level | null, at: string, extra: Partial<Response> = {}): Response {
  return { ...makeResponse(id, org, level, { s1: 4, s2: 'dk' }, ['open']), submittedAt: at, ...extra };
}

const responses: Response[] = [
  respond('p1', 'pol', 'uitvoering', '2026-11-22T09:01:00.000Z', { comments: { s1: 'Politie-eigen opmerking' } }),
  respond('p2', 'pol', 'uitvoering', '2026-11-22T09:02:00.000Z'),
  respond('p3', 'pol', 'uitvoering', '2026-11-22T09:03:00.000Z'),
  respond('p4', 'pol', 'bestuur', '2026-11-22T09:04:00.000Z'),
  respond('g1', 'gem', 'uitvoering', '2026-11-22T09:05:00.000Z'),
  respond('g2', 'gem', 'uitvoering', '2026-11-22T09:06:00.000Z'),
  respond('g3', 'gem', 'uitvoering', '2026-11-22T09:07:00.000Z', { improvement: 'Sneller delen' }),
  respond('r1', 'par', 'management', '2026-11-22T10:08:00.000Z', { comments: { s1: 'Als Parlan merken wij…' }, improvement: 'Meer tijd' }),
  respond('o1', 'om', null, '2026-11-22T10:09:00.000Z'),
  respond('o2', 'om', null, '2026-11-22T10:10:00.000Z'),
  { ...respond('d1', 'gem', 'uitvoering', '2026-11-22T10:11:00.000Z'), status: 'draft', submittedAt: null },
];

const options = { pooledName: 'Overige partners', titleSuffix: ' (geanonimiseerd)' };

describe('anonymiseForSharing', () => {
  const { scan: shared, responses: out, report } = anonymiseForSharing(scan, responses, options);
  const byId = new Map(out.map((r) => [r.id, r]));

  it('pools organisations under the minimum into "other partners", exactly as the results views group them', () => {
    expect(shared.organisations).toEqual([
      { id: 'pol', name: 'Politie' },
      { id: 'gem', name: 'Gemeente' },
      { id: 'jb', name: 'Jeugdbescherming' },
      { id: 'overige-partners', name: 'Overige partners' },
    ]);
    expect(['r1', 'o1', 'o2'].map((id) => byId.get(id)?.organisationId)).toEqual(['overige-partners', 'overige-partners', 'overige-partners']);
    expect(report.pooledOrganisationIds).toEqual(['par', 'om']);
    // The analysis of the shared file gives the same group figures as the protected views.
    const fromViews = analyseScanProtected({ ...scan, responses, settings: scan.settings });
    const fromFile = analyseScanProtected({ ...shared, responses: out, settings: shared.settings });
    expect(fromFile.statements.map((s) => s.chainMean)).toEqual(fromViews.statements.map((s) => s.chainMean));
  });

  it('keeps only submitted responses and cuts every time to the day', () => {
    expect(out.map((r) => r.id).sort()).toEqual(['g1', 'g2', 'g3', 'o1', 'o2', 'p1', 'p2', 'p3', 'p4', 'r1']);
    expect(new Set(out.map((r) => r.submittedAt))).toEqual(new Set(['2026-11-22T00:00:00.000Z']));
  });

  it('removes a level where it would single out fewer than the minimum, and keeps it where it is safe', () => {
    expect(['p1', 'p4'].map((id) => byId.get(id)?.level)).toEqual([null, null]); // one board member at Politie
    expect(['g1', 'g2', 'g3'].map((id) => byId.get(id)?.level)).toEqual(['uitvoering', 'uitvoering', 'uitvoering']);
    expect(byId.get('r1')?.level).toBeNull();
    expect(report.levelsRemovedIn.sort()).toEqual(['overige-partners', 'pol']);
  });

  it('drops comments and improvement points of pooled respondents only; keywords stay', () => {
    expect(byId.get('r1')).toMatchObject({ comments: {}, improvement: '', keywords: ['open'] });
    expect(byId.get('p1')?.comments).toEqual({ s1: 'Politie-eigen opmerking' });
    expect(byId.get('g3')?.improvement).toBe('Sneller delen');
    expect(report.freeTextsRemoved).toBe(1);
  });

  it('marks the title, never carries the device PIN, and does not change its input', () => {
    expect(shared.title).toBe('Workshop (geanonimiseerd)');
    expect(shared.exitPin).toBeUndefined();
    expect(scan.organisations).toHaveLength(5);
    expect(responses[0]!.submittedAt).toBe('2026-11-22T09:01:00.000Z');
  });

  it('is a valid v1 file that Ketenscan reads back, and its CSV holds no removed text', () => {
    // The fixture's short ids are no UUIDs, which the format requires: give them real ones.
    const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const withUuids = { scan: { ...shared, id: uuid(0) }, responses: out.map((r, i) => ({ ...r, id: uuid(i + 1), scanId: uuid(0) })) };
    const file = buildExchangeFile([withUuids], new Date('2026-11-30T12:00:00.000Z'), 'ketenscan test');
    const validate = schemaValidator();
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(parseExchangeFile(JSON.stringify(file)).ok).toBe(true);
    const csv = buildCsvWide(shared, out, { separator: ';', lang: 'nl' });
    expect(csv).not.toContain('Parlan');
    expect(csv).not.toContain('Meer tijd');
    expect(csv).not.toContain('09:0');
  });

  it('leaves out organisations that together stay under the minimum, with their answers and texts', () => {
    const few = [...responses.filter((r) => r.organisationId !== 'om'), respond('j1', 'jb', null, '2026-11-22T11:00:00.000Z')];
    // Parlan 1 + Jeugdbescherming 1 = 2 < 3: no group at all.
    const result = anonymiseForSharing(scan, few, options);
    expect(result.scan.organisations.map((o) => o.id)).toEqual(['pol', 'gem', 'om']);
    expect(result.responses.some((r) => r.id === 'r1' || r.id === 'j1')).toBe(false);
    expect(result.report).toMatchObject({ leftOutOrganisationIds: ['par', 'jb'], leftOutRespondents: 2, pooledOrganisationIds: [] });
    expect(JSON.stringify(result)).not.toContain('Als Parlan');
  });
});
