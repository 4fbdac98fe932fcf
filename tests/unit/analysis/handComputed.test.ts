import { describe, expect, it } from 'vitest';
import { analyseScan, analyseScanProtected, type IndexValue, type ScanAnalysis, type StatementAnalysis } from '../../../src/domain/analysis';
import {
  FIXTURE_INSTRUMENT,
  SCAN_A_EXPECTED,
  SCAN_A_ORGANISATIONS,
  SCAN_A_RESPONSES,
  SCAN_B_EXPECTED,
  SCAN_B_ORGANISATIONS,
  SCAN_B_RESPONSES,
  SCAN_C_ORGANISATIONS,
  SCAN_C_RESPONSES,
  SCAN_D_EXPECTED,
  SCAN_D_ORGANISATIONS,
  SCAN_D_RESPONSES,
} from '../../fixtures/analysis/handComputedScan';

// Expected figures come from tests/fixtures/analysis/HAND-COMPUTED.md (worked by hand).
// Means and sds to 6 decimals, consensus to 5 (the hand logarithms carry 6 digits).

const settings = { minGroupSize: 3, gapThreshold: 1.0 };

function statement(analysis: ScanAnalysis, itemId: string): StatementAnalysis {
  const found = analysis.statements.find((s) => s.itemId === itemId);
  if (!found) throw new Error(`statement ${itemId} missing`);
  return found;
}

function expectNumberOrNull(actual: number | null, expected: number | null, digits = 6): void {
  if (expected === null) expect(actual).toBeNull();
  else {
    expect(actual).not.toBeNull();
    expect(actual).toBeCloseTo(expected, digits);
  }
}

function expectIndex(actual: IndexValue | undefined, [value, count]: readonly [number | null, number]): void {
  expect(actual).toBeDefined();
  expectNumberOrNull(actual?.value ?? null, value);
  expect(actual?.statementCount).toBe(count);
}

describe('scan A: hand-computed figures with a pool that reaches the threshold', () => {
  const analysis = analyseScan({ instrument: FIXTURE_INSTRUMENT, organisations: SCAN_A_ORGANISATIONS, responses: SCAN_A_RESPONSES, settings });
  const expected = SCAN_A_EXPECTED;

  it('counts only submitted responses of known organisations', () => {
    expect(analysis.totals).toEqual(expected.totals);
    expect(Object.fromEntries(analysis.respondentsPerOrganisation.map((r) => [r.organisationId, r.respondents]))).toEqual(expected.respondentsPerOrganisation);
  });

  it('forms pol and gem on their own, and pools par and om into "other partners"', () => {
    expect(analysis.groups.map((g) => ({ id: g.id, respondents: g.respondents, isIndicative: g.isIndicative }))).toEqual(
      expected.groups.map(({ id, respondents, isIndicative }) => ({ id, respondents, isIndicative })),
    );
    expect(analysis.groups[2]?.source).toEqual({ kind: 'pooled', organisationIds: ['par', 'om'] });
    expect(analysis.groups[0]?.source).toEqual({ kind: 'organisation', organisationId: 'pol', name: 'Politie' });
    expect(analysis.anonymity).toEqual({
      minGroupSize: 3,
      pooledOrganisationIds: ['par', 'om'],
      suppressedOrganisationIds: [],
      suppressedRespondents: 0,
      absentOrganisationIds: ['jb'],
    });
  });

  for (const [itemId, want] of Object.entries(expected.statements)) {
    it(`computes statement ${itemId}`, () => {
      const got = statement(analysis, itemId);
      expect(got.n).toBe(want.n);
      expect(got.dk).toBe(want.dk);
      expect(got.withheldScores).toBe(want.withheldScores);
      expect(got.unanswered).toBe(want.unanswered);
      expect(got.counts).toEqual(want.counts);
      expectNumberOrNull(got.dkShare, want.dkShare);
      expectNumberOrNull(got.weightedMean, want.weightedMean);
      expectNumberOrNull(got.consensus, want.consensus, 5);
      expectNumberOrNull(got.chainMean, want.chainMean);
      expect(got.band).toBe(want.band);
      expect(got.participatingGroups).toBe(want.participatingGroups);
      expectNumberOrNull(got.gap, want.gap);
      expect(got.isDiscussionPoint).toBe(want.isDiscussionPoint);
      expect(got.hasSuppressedAnswers).toBe(false);
      expect(got.highest?.groupIds ?? null).toEqual(want.highest?.groupIds ?? null);
      expectNumberOrNull(got.highest?.mean ?? null, want.highest?.mean ?? null);
      expect(got.lowest?.groupIds ?? null).toEqual(want.lowest?.groupIds ?? null);
      expectNumberOrNull(got.lowest?.mean ?? null, want.lowest?.mean ?? null);
      expect(got.cells.map((c) => c.groupId)).toEqual(['pol', 'gem', '__pooled__']);
      for (const cell of got.cells) {
        const wantCell = want.cells[cell.groupId as keyof typeof want.cells];
        expect(cell.n, cell.groupId).toBe(wantCell.n);
        expect(cell.dk, cell.groupId).toBe(wantCell.dk);
        expect(cell.unanswered, cell.groupId).toBe(wantCell.unanswered);
        expect(cell.counts, cell.groupId).toEqual(wantCell.counts);
        expect(cell.tooFewScores, cell.groupId).toBe(wantCell.tooFewScores);
        expect(cell.withheldScores, cell.groupId).toBe(wantCell.withheldScores);
        expectNumberOrNull(cell.mean, wantCell.mean);
        expectNumberOrNull(cell.sd, wantCell.sd);
        expect(cell.isIndicative).toBe(wantCell.n < 5);
      }
    });
  }

  it('computes thermometer and thermostat indexes per group, per dimension and for the chain', () => {
    for (const group of analysis.groups) {
      const want = expected.groupIndexes[group.id as keyof typeof expected.groupIndexes];
      expectIndex(group.indexes.thermometer, want.thermometer);
      expectIndex(group.indexes.thermostat, want.thermostat);
      expect(group.indexes.dimensions.map((d) => d.dimensionId)).toEqual(['d1', 'd2']);
      expectIndex(group.indexes.dimensions[0]?.thermometer, want.d1.thermometer);
      expectIndex(group.indexes.dimensions[0]?.thermostat, want.d1.thermostat);
      expectIndex(group.indexes.dimensions[1]?.thermometer, want.d2.thermometer);
      expectIndex(group.indexes.dimensions[1]?.thermostat, want.d2.thermostat);
    }
    const chain = expected.chainIndexes;
    expectIndex(analysis.chain.thermometer, chain.thermometer);
    expectIndex(analysis.chain.thermostat, chain.thermostat);
    expectIndex(analysis.chain.dimensions[0]?.thermometer, chain.d1.thermometer);
    expectIndex(analysis.chain.dimensions[0]?.thermostat, chain.d1.thermostat);
    expectIndex(analysis.chain.dimensions[1]?.thermometer, chain.d2.thermometer);
    expectIndex(analysis.chain.dimensions[1]?.thermostat, chain.d2.thermostat);
    expect(analysis.chain.thermostat.band).toBe('attention');
    expect(analysis.chain.thermometer.band).toBe('strong');
  });

  it('tests s1 on the 7 scores that count, without the pool\'s withheld one', () => {
    const s1 = statement(analysis, 's1');
    // HAND-COMPUTED.md: pol 1, 1, 1 against gem 5, 5, 5, 5; H = 4.5 / 0.75 = 6.0, df 1.
    expect(s1.kruskalWallis?.n).toBe(7);
    expect(s1.kruskalWallis?.df).toBe(1);
    expect(s1.kruskalWallis?.h).toBeCloseTo(6, 9);
    expect(s1.kruskalWallis?.p).toBeLessThan(0.1);
    expect(statement(analysis, 's4').kruskalWallis).toBeNull();
  });

  it('ranks the thermostat statements as knobs', () => {
    expect(analysis.knobs.map((k) => [k.itemId, k.rank])).toEqual(expected.knobs.map((k) => [k.itemId, k.rank]));
    analysis.knobs.forEach((knob, i) => expectNumberOrNull(knob.priority, expected.knobs[i]?.priority ?? null));
  });

  it('counts keywords once per response, case- and space-insensitively, with the most common spelling', () => {
    expect(analysis.keywords).toEqual(expected.keywords);
  });
});

describe('scan A with filters', () => {
  it('applies the level filter before grouping, so pol drops under the threshold and is pooled', () => {
    const analysis = analyseScan({
      instrument: FIXTURE_INSTRUMENT, organisations: SCAN_A_ORGANISATIONS, responses: SCAN_A_RESPONSES, settings,
      filters: { levels: ['uitvoering'] },
    });
    expect(analysis.totals.countedResponses).toBe(6);
    expect(analysis.totals.excludedByFilters).toBe(5);
    expect(analysis.groups.map((g) => [g.id, g.respondents])).toEqual([['gem', 3], ['__pooled__', 3]]);
    expect(analysis.anonymity.pooledOrganisationIds).toEqual(['pol', 'par']);
    expect(analysis.anonymity.absentOrganisationIds).toEqual(['om', 'jb']);
    // The live counter is about who answered, not about the view: it ignores filters.
    expect(analysis.respondentsPerOrganisation.map((r) => r.respondents)).toEqual([3, 5, 2, 1, 0]);

    const s1 = statement(analysis, 's1');
    expect(s1.cells.map((c) => c.mean)).toEqual([5, 1]);
    expectNumberOrNull(s1.chainMean, 3);
    expectNumberOrNull(s1.gap, 4);
    expectNumberOrNull(s1.weightedMean, 3);
    expectNumberOrNull(s1.consensus, 0);
    const s3 = statement(analysis, 's3');
    expectNumberOrNull(s3.cells[0]?.mean ?? null, 11 / 3);
    expectNumberOrNull(s3.cells[1]?.mean ?? null, 7 / 3);
    expectNumberOrNull(s3.chainMean, 3);
    expectNumberOrNull(s3.gap, 4 / 3);
    // gem 3,4,4 against 2,3,2 (HAND-COMPUTED.md): the exact p = 4/20 = 0.20, so an uncertain difference
    // (the chi-square's 0.068 made it a discussion point).
    expect(s3.kruskalWallis?.p).toBeCloseTo(0.2, 12);
    expect(s3.gapClass).toBe('uncertainDifference');
    expect(s3.isDiscussionPoint).toBe(false);
  });

  it('applies the organisation filter; a gap of exactly the threshold is large, here an uncertain difference', () => {
    const analysis = analyseScan({
      instrument: FIXTURE_INSTRUMENT, organisations: SCAN_A_ORGANISATIONS, responses: SCAN_A_RESPONSES, settings,
      filters: { organisationIds: ['pol', 'par', 'om'] },
    });
    expect(analysis.groups.map((g) => g.id)).toEqual(['pol', '__pooled__']);
    expect(analysis.totals.excludedByFilters).toBe(5);
    const s3 = statement(analysis, 's3');
    expectNumberOrNull(s3.chainMean, 2.5);
    expectNumberOrNull(s3.gap, 1);
    expect(s3.hasLargeGap).toBe(true);
    // pol 2,3,4 against the pool 1,2,3 (HAND-COMPUTED.md): H = 1.1905 / (1 − 12/210) = 1.2626, exact p = 10/20.
    expect(s3.kruskalWallis?.h).toBeCloseTo(1.26263, 5);
    expect(s3.kruskalWallis?.p).toBeCloseTo(0.5, 12);
    expect(s3.gapClass).toBe('uncertainDifference');
    expect(s3.isDiscussionPoint).toBe(false);
  });

  it('restricts statements to the chosen kinds', () => {
    const analysis = analyseScan({
      instrument: FIXTURE_INSTRUMENT, organisations: SCAN_A_ORGANISATIONS, responses: SCAN_A_RESPONSES, settings,
      filters: { kinds: ['thermostat'] },
    });
    expect(analysis.statements.map((s) => s.itemId)).toEqual(['s1', 's3', 's6']);
    expect(analysis.chain.thermometer).toEqual({ value: null, statementCount: 0, band: null });
    // s1 (3, the pool's withheld score left out) and s3 (3).
    expectNumberOrNull(analysis.chain.thermostat.value, 3);
    expect(analysis.knobs.map((k) => k.itemId)).toEqual(['s1', 's3', 's6']);
  });

  it('treats an empty filter list as no filter', () => {
    const unfiltered = analyseScan({ instrument: FIXTURE_INSTRUMENT, organisations: SCAN_A_ORGANISATIONS, responses: SCAN_A_RESPONSES, settings });
    const emptyFilters = analyseScan({
      instrument: FIXTURE_INSTRUMENT, organisations: SCAN_A_ORGANISATIONS, responses: SCAN_A_RESPONSES, settings,
      filters: { levels: [], organisationIds: [], kinds: [] },
    });
    expect(emptyFilters).toEqual(unfiltered);
  });
});

describe('scan B: a pool that does not reach the threshold', () => {
  const analysis = analyseScan({ instrument: FIXTURE_INSTRUMENT, organisations: SCAN_B_ORGANISATIONS, responses: SCAN_B_RESPONSES, settings });

  it('shows only vh; wsg and parlan are in no group but still counted chain-wide', () => {
    expect(analysis.groups.map((g) => g.id)).toEqual(['vh']);
    expect(analysis.anonymity.suppressedOrganisationIds).toEqual(['wsg', 'parlan']);
    expect(analysis.anonymity.suppressedRespondents).toBe(2);
    expect(analysis.anonymity.pooledOrganisationIds).toEqual([]);
    expect(analysis.totals.countedResponses).toBe(5);
  });

  for (const itemId of ['s1', 's2', 's3'] as const) {
    it(`computes statement ${itemId}`, () => {
      const want = SCAN_B_EXPECTED[itemId];
      const got = statement(analysis, itemId);
      expect(got.n).toBe(want.n);
      expect(got.dk).toBe(want.dk);
      expect(got.counts).toEqual(want.counts);
      expectNumberOrNull(got.weightedMean, want.weightedMean);
      expectNumberOrNull(got.consensus, want.consensus, 5);
      expect(got.hasSuppressedAnswers).toBe(want.hasSuppressedAnswers);
      expectNumberOrNull(got.chainMean, want.chainMean);
      expect(got.participatingGroups).toBe(want.participatingGroups);
      expectNumberOrNull(got.gap, want.gap);
      expect(got.isDiscussionPoint).toBe(want.isDiscussionPoint);
      expect(got.band).toBe(want.band);
      expect(got.cells).toHaveLength(1);
      expect(got.cells[0]?.n).toBe(want.vh.n);
      expectNumberOrNull(got.cells[0]?.mean ?? null, want.vh.mean);
      expectNumberOrNull(got.cells[0]?.sd ?? null, want.vh.sd);
    });
  }

  it('never names the suppressed organisations', () => {
    const text = JSON.stringify(analysis);
    expect(text).not.toContain('William Schrikker Groep');
    expect(text).not.toContain('Parlan');
  });
});

describe('scan C: a single organisation with a single respondent', () => {
  it('with minGroupSize 1 shows one indicative group: sd null, gap 0, consensus 1', () => {
    const analysis = analyseScan({ instrument: FIXTURE_INSTRUMENT, organisations: SCAN_C_ORGANISATIONS, responses: SCAN_C_RESPONSES, settings: { minGroupSize: 1, gapThreshold: 1 } });
    expect(analysis.groups.map((g) => [g.id, g.respondents, g.isIndicative])).toEqual([['solo', 1, true]]);
    const s1 = statement(analysis, 's1');
    expect(s1.cells[0]).toMatchObject({ n: 1, dk: 0, mean: 4, sd: null, isIndicative: true });
    expect(s1).toMatchObject({ chainMean: 4, weightedMean: 4, gap: 0, consensus: 1, participatingGroups: 1, isDiscussionPoint: false, band: 'strong' });
    const s2 = statement(analysis, 's2');
    expect(s2).toMatchObject({ n: 0, dk: 1, dkShare: 1, chainMean: null, gap: null, consensus: null });
    expectIndex(analysis.groups[0]?.indexes.thermostat, [4, 1]);
    expectIndex(analysis.groups[0]?.indexes.thermometer, [null, 0]);
  });

  it('with the default minGroupSize 3 forms no group but keeps the chain-wide figures', () => {
    const analysis = analyseScan({ instrument: FIXTURE_INSTRUMENT, organisations: SCAN_C_ORGANISATIONS, responses: SCAN_C_RESPONSES, settings });
    expect(analysis.groups).toEqual([]);
    expect(analysis.anonymity.suppressedOrganisationIds).toEqual(['solo']);
    const s1 = statement(analysis, 's1');
    expect(s1).toMatchObject({ n: 1, weightedMean: 4, chainMean: null, gap: null, cells: [], hasSuppressedAnswers: true });
    expect(analysis.knobs.every((k) => k.rank === null)).toBe(true);
  });
});

describe('scan D: a partner with too few scores on one statement', () => {
  const input = { instrument: FIXTURE_INSTRUMENT, organisations: SCAN_D_ORGANISATIONS, responses: SCAN_D_RESPONSES, settings };
  const analysis = analyseScan(input);
  const want = SCAN_D_EXPECTED;

  it('keeps vt as a group (3 respondents) but withholds its one score on s1', () => {
    expect(analysis.groups.map((g) => [g.id, g.respondents])).toEqual([['vt', 3], ['pol', 3], ['rvdk', 4]]);
    const s1 = statement(analysis, 's1');
    for (const cell of s1.cells) {
      const wantCell = want.s1.cells[cell.groupId as keyof typeof want.s1.cells];
      expect(cell.n, cell.groupId).toBe(wantCell.n);
      expect(cell.dk, cell.groupId).toBe(wantCell.dk);
      expect(cell.unanswered, cell.groupId).toBe(wantCell.unanswered);
      expect(cell.counts, cell.groupId).toEqual(wantCell.counts);
      expect(cell.tooFewScores, cell.groupId).toBe(wantCell.tooFewScores);
      expect(cell.withheldScores, cell.groupId).toBe(wantCell.withheldScores);
      expectNumberOrNull(cell.mean, wantCell.mean);
      expectNumberOrNull(cell.sd, wantCell.sd);
    }
    // vt's s3 has three scores: shown as usual.
    expect(statement(analysis, 's3').cells[0]).toMatchObject({ groupId: 'vt', n: 3, tooFewScores: false });
    expectNumberOrNull(statement(analysis, 's3').cells[0]?.mean ?? null, 5 / 3);
  });

  it('leaves the withheld score out of every figure of s1: counts, weighted mean, consensus, chain mean, gap, test', () => {
    const s1 = statement(analysis, 's1');
    const w = want.s1;
    expect(s1.n).toBe(w.n);
    expect(s1.dk).toBe(w.dk);
    expect(s1.withheldScores).toBe(w.withheldScores);
    expect(s1.unanswered).toBe(w.unanswered);
    expect(s1.counts).toEqual(w.counts);
    expectNumberOrNull(s1.dkShare, w.dkShare);
    expectNumberOrNull(s1.weightedMean, w.weightedMean);
    expectNumberOrNull(s1.consensus, w.consensus, 5);
    expectNumberOrNull(s1.chainMean, w.chainMean);
    expect(s1.band).toBe(w.band);
    expect(s1.participatingGroups).toBe(w.participatingGroups);
    expectNumberOrNull(s1.gap, w.gap);
    expect(s1.highest).toEqual({ groupIds: w.highest.groupIds, mean: expect.closeTo(w.highest.mean, 9) });
    expect(s1.lowest).toEqual({ groupIds: w.lowest.groupIds, mean: expect.closeTo(w.lowest.mean, 9) });
    expect(s1.kruskalWallis?.n).toBe(w.kruskalWallis.n);
    expect(s1.kruskalWallis?.df).toBe(w.kruskalWallis.df);
    expect(s1.kruskalWallis?.h).toBeCloseTo(w.kruskalWallis.h, 5);
    expect(s1.isDiscussionPoint).toBe(w.isDiscussionPoint);
  });

  it('leaves s1 out of vt\'s indexes, as for a statement nobody answered, and ranks the knobs without it', () => {
    for (const group of analysis.groups) {
      const id = group.id as 'vt' | 'pol' | 'rvdk';
      expectIndex(group.indexes.thermostat, want.thermostat[id]);
      expectIndex(group.indexes.dimensions.find((d) => d.dimensionId === 'd1')?.thermostat, want.d1Thermostat[id]);
      expectIndex(group.indexes.thermometer, [null, 0]);
    }
    expectIndex(analysis.chain.thermostat, want.thermostat.chain);
    expectIndex(analysis.chain.dimensions.find((d) => d.dimensionId === 'd1')?.thermostat, want.d1Thermostat.chain);
    expect(analysis.knobs.map((k) => [k.itemId, k.rank])).toEqual(want.knobs.map((k) => [k.itemId, k.rank]));
    analysis.knobs.forEach((knob, i) => expectNumberOrNull(knob.priority, want.knobs[i]?.priority ?? null));
  });

  it('gives the protected analysis the same figures (no organisation is suppressed)', () => {
    expect(analyseScanProtected(input).statements).toEqual(analysis.statements);
  });

  it('withholds nothing when the minimum group size is 1', () => {
    const loose = analyseScan({ ...input, settings: { minGroupSize: 1, gapThreshold: 1 } });
    const s1 = statement(loose, 's1');
    expect(s1.cells[0]).toMatchObject({ groupId: 'vt', n: 1, mean: 2, tooFewScores: false, withheldScores: 0 });
    expect(s1.withheldScores).toBe(0);
    expect(s1.n).toBe(8);
  });
});
