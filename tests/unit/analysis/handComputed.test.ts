import { describe, expect, it } from 'vitest';
import { analyseScan, type IndexValue, type ScanAnalysis, type StatementAnalysis } from '../../../src/domain/analysis';
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
    expect(analysis.chain.thermostat.band).toBe('concern');
    expect(analysis.chain.thermometer.band).toBe('attention');
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
    expectNumberOrNull(analysis.chain.thermostat.value, 8 / 3);
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
