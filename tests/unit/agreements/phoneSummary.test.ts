import { describe, expect, it } from 'vitest';
import { analyseScanProtected, POOLED_GROUP_ID, shownMean } from '../../../src/domain/analysis';
import { buildPhoneSummary, encodePhoneSummary, parsePhoneSummary, PHONE_SUMMARY_MAX_BYTES } from '../../../src/domain/agreements/phoneSummary';
import type { Agreement } from '../../../src/domain/agreements/types';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import type { Response, Scan } from '../../../src/domain/types';

// The results on the phones (docs/live-sessions.md "The results on the phones"): only what the
// projector shows under the anonymity guard, and the agreements.

const SMALL = { id: 'klein', name: 'Kleine Stichting Zeldzaam' };

/** The demo workshop: its two smallest partners are pooled as "other partners". */
function workshop(): { scan: Scan; responses: Response[] } {
  return generateDemoScan({ now: new Date('2026-12-07T10:00:00Z') });
}

/**
 * The demo workshop without its pooled partners, plus one organisation with a single respondent
 * who answered 1 everywhere: alone under the minimum, in no group.
 */
function workshopWithLoneOrganisation(): { scan: Scan; responses: Response[] } {
  const demo = workshop();
  const pooled = new Set(analyse(demo.scan, demo.responses).anonymity.pooledOrganisationIds);
  const scan = { ...demo.scan, organisations: demo.scan.organisations.filter((o) => !pooled.has(o.id)) };
  const responses = demo.responses.filter((r) => !pooled.has(r.organisationId));
  const template = responses.find((r) => r.status === 'submitted')!;
  const lone: Response = {
    ...structuredClone(template),
    id: 'lone-response',
    organisationId: SMALL.id,
    answers: Object.fromEntries(Object.keys(template.answers).map((itemId) => [itemId, 1])),
  };
  return { scan: { ...scan, organisations: [...scan.organisations, SMALL] }, responses: [...responses, lone] };
}

function analyse(scan: Scan, responses: readonly Response[]) {
  return analyseScanProtected({ instrument: scan.instrument, organisations: scan.organisations, responses, settings: scan.settings });
}

const agreement = (scan: Scan, fields: Partial<Agreement>): Agreement => ({
  id: 'a1',
  scanId: scan.id,
  itemId: null,
  what: 'Eén overleg per gezin',
  partnerIds: [scan.organisations[0]!.id],
  due: '2027-03-01',
  votes: 5,
  voteId: null,
  createdAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
  followUp: null,
  ...fields,
});

describe('the phone summary', () => {
  it('holds the chain indexes and every statement as the projector shows them, rounded once', () => {
    const { scan, responses } = workshop();
    const analysis = analyse(scan, responses);
    const summary = buildPhoneSummary(scan, analysis, []);
    expect(summary.v).toBe(1);
    expect(summary.thermometer).toEqual({ value: shownMean(analysis.chain.thermometer.value), band: analysis.chain.thermometer.band });
    expect(summary.thermostat).toEqual({ value: shownMean(analysis.chain.thermostat.value), band: analysis.chain.thermostat.band });
    expect(summary.statements.map((s) => [s.itemId, s.chainMean, s.band, s.gapClass])).toEqual(analysis.statements.map((s) => [s.itemId, shownMean(s.chainMean), s.band, s.gapClass]));
    const point = analysis.statements.find((s) => s.gapClass === 'discussionPoint')!;
    const shown = summary.statements.find((s) => s.itemId === point.itemId)!;
    const nameOf = (id: string) => (id === POOLED_GROUP_ID ? { pooled: true } : { name: scan.organisations.find((o) => o.id === id)!.name });
    expect(shown.high).toEqual(point.highest!.groupIds.map(nameOf));
    expect(shown.low).toEqual(point.lowest!.groupIds.map(nameOf));
    expect(shown.high.length).toBeGreaterThan(0);
    // The pool is named by its key, never by its members.
    expect(analysis.anonymity.pooledOrganisationIds.length).toBeGreaterThan(0);
    const text = JSON.stringify(summary);
    for (const id of analysis.anonymity.pooledOrganisationIds) expect(text).not.toContain(scan.organisations.find((o) => o.id === id)!.name);
    // No high or low named on a statement without a large gap.
    expect(summary.statements.filter((s) => s.gapClass === 'none').every((s) => s.high.length === 0 && s.low.length === 0)).toBe(true);
  });

  it("never carries a suppressed organisation's name or figure, nor any count of respondents", () => {
    const { scan, responses } = workshopWithLoneOrganisation();
    const analysis = analyse(scan, responses);
    expect(analysis.anonymity.suppressedOrganisationIds).toEqual([SMALL.id]);
    const text = new TextDecoder().decode(encodePhoneSummary(buildPhoneSummary(scan, analysis, []))!);
    expect(text).not.toContain(SMALL.name);
    expect(text).not.toContain(SMALL.id);
    expect(text).not.toMatch(/"(n|dk|respondents|counts|ballots)"/);
    // Its answers (all 1) move no figure: the summary is the same as without that organisation.
    const without = analyse(
      { ...scan, organisations: scan.organisations.filter((o) => o.id !== SMALL.id) },
      responses.filter((r) => r.organisationId !== SMALL.id),
    );
    expect(buildPhoneSummary(scan, analysis, []).statements).toEqual(buildPhoneSummary(scan, without, []).statements);
  });

  it('refuses a filtered analysis: its figures are not what the room saw', () => {
    const { scan, responses } = workshop();
    const filtered = analyseScanProtected({ instrument: scan.instrument, organisations: scan.organisations, responses, settings: scan.settings, filters: { kinds: ['thermometer'] } });
    expect(() => buildPhoneSummary(scan, filtered, [])).toThrow(/without filters/);
  });

  it("names the agreements' partners, oldest first, only of this scan", () => {
    const { scan, responses } = workshop();
    const [first, second] = scan.organisations;
    const summary = buildPhoneSummary(scan, analyse(scan, responses), [
      agreement(scan, { id: 'b', what: 'Tweede', createdAt: '2026-12-07T11:00:00.000Z', partnerIds: [second!.id, first!.id], due: null, votes: null }),
      agreement(scan, { id: 'a', what: 'Eerste', itemId: scan.instrument.items[2]!.id }),
      agreement(scan, { id: 'c', what: 'Andere ronde', scanId: 'other-scan' }),
    ]);
    expect(summary.agreements).toEqual([
      { itemId: scan.instrument.items[2]!.id, what: 'Eerste', partners: [first!.name], due: '2027-03-01', votes: 5 },
      { itemId: null, what: 'Tweede', partners: [second!.name, first!.name], due: null, votes: null },
    ]);
  });

  it('round-trips through its JSON, and parses nothing else', () => {
    const { scan, responses } = workshop();
    const summary = buildPhoneSummary(scan, analyse(scan, responses), [agreement(scan, {})]);
    const bytes = encodePhoneSummary(summary)!;
    expect(parsePhoneSummary(bytes)).toEqual(summary);
    const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    expect(parsePhoneSummary(encode({ ...summary, v: 2 }))).toBeNull();
    expect(parsePhoneSummary(encode({ ...summary, extra: 1 }))).toBeNull();
    expect(parsePhoneSummary(encode({ ...summary, statements: [{ ...summary.statements[0], n: 12 }] }))).toBeNull();
    expect(parsePhoneSummary(new TextEncoder().encode('{not json'))).toBeNull();
    expect(parsePhoneSummary(new Uint8Array([0xff, 0xfe]))).toBeNull();
  });

  it('keeps within its size bound by leaving out the newest agreements, and says how many', () => {
    const { scan, responses } = workshop();
    const long = 'x'.repeat(500);
    const many = Array.from({ length: 100 }, (_, i) => agreement(scan, { id: `a${i}`, what: `${i} ${long}`.slice(0, 500), partnerIds: scan.organisations.map((o) => o.id), createdAt: `2026-12-07T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z` }));
    const summary = buildPhoneSummary(scan, analyse(scan, responses), many);
    const bytes = encodePhoneSummary(summary)!;
    expect(bytes.length).toBeLessThanOrEqual(PHONE_SUMMARY_MAX_BYTES);
    const parsed = parsePhoneSummary(bytes)!;
    expect(parsed.omittedAgreements).toBeGreaterThan(0);
    expect(parsed.agreements.length + parsed.omittedAgreements).toBe(100);
    expect(parsed.agreements.map((a) => a.what)).toEqual(summary.agreements.slice(0, parsed.agreements.length).map((a) => a.what));
  });
});
