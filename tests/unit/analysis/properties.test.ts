import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseScan, chiSquareSurvival, POOLED_GROUP_ID, type AnalysisInput, type ScanAnalysis } from '../../../src/domain/analysis';
import { createRandom } from '../../../src/domain/demo/random';
import { LEVELS, type Answer, type Level, type Organisation, type Response } from '../../../src/domain/types';
import { FIXTURE_INSTRUMENT, makeResponse } from '../../fixtures/analysis/handComputedScan';
import { permutationP } from './permutationByHand';

// Ids and names are odd tokens so that a search of the serialised result cannot hit them by accident.
const ORGANISATIONS: Organisation[] = Array.from({ length: 6 }, (_, k) => ({ id: `org${k}-zq`, name: `Naam${k} Xw` }));
const ITEM_IDS = FIXTURE_INSTRUMENT.items.map((item) => item.id);

/**
 * Kruskal–Wallis p-value the textbook way, independent of the engine's counting shortcut: list
 * every answer, sort, give tied answers the mean of their positions, sum ranks per group.
 */
function kruskalWallisByRanking(groupCounts: readonly (readonly number[])[]): { h: number; p: number; groups: number[][] } | null {
  const answers: { group: number; value: number }[] = [];
  groupCounts.forEach((counts, group) => counts.forEach((count, k) => {
    for (let i = 0; i < count; i++) answers.push({ group, value: k + 1 });
  }));
  const groups = new Set(answers.map((a) => a.group));
  if (groups.size < 2) return null;
  answers.sort((a, b) => a.value - b.value);
  const ranks: number[] = [];
  let tieTerm = 0;
  for (let i = 0; i < answers.length; ) {
    let j = i;
    while (j < answers.length && answers[j]!.value === answers[i]!.value) j++;
    for (let k = i; k < j; k++) ranks[k] = (i + 1 + j) / 2;
    tieTerm += (j - i) ** 3 - (j - i);
    i = j;
  }
  const n = answers.length;
  const rankSums = new Map<number, { sum: number; n: number }>();
  answers.forEach((a, i) => {
    const entry = rankSums.get(a.group) ?? { sum: 0, n: 0 };
    entry.sum += ranks[i]!;
    entry.n++;
    rankSums.set(a.group, entry);
  });
  let h = -3 * (n + 1);
  for (const { sum, n: size } of rankSums.values()) h += (12 / (n * (n + 1))) * (sum * sum) / size;
  const correction = 1 - tieTerm / (n ** 3 - n);
  const lists = [...groups].map((g) => answers.filter((a) => a.group === g).map((a) => a.value));
  if (correction === 0) return { h: 0, p: 1, groups: lists };
  const corrected = Math.max(0, h / correction);
  return { h: corrected, p: chiSquareSurvival(corrected, groups.size - 1), groups: lists };
}

const answerArb: fc.Arbitrary<Answer | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<Answer>(1, 2, 3, 4, 5) },
  { weight: 1, arbitrary: fc.constant<Answer>('dk') },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const responseArb = (organisationCount: number): fc.Arbitrary<Response> =>
  fc
    .record({
      org: fc.nat({ max: organisationCount - 1 }),
      level: fc.constantFrom<Level | null>(...LEVELS, null),
      answers: fc.array(answerArb, { minLength: ITEM_IDS.length, maxLength: ITEM_IDS.length }),
      keywords: fc.array(fc.constantFrom('Samen', 'samen ', 'SNEL', 'snel', 'traag', ' ', 'open  deur'), { maxLength: 4 }),
    })
    .map(({ org, level, answers, keywords }) => {
      const record: Record<string, Answer> = {};
      answers.forEach((answer, i) => {
        if (answer !== undefined) record[ITEM_IDS[i]!] = answer;
      });
      return makeResponse('r', ORGANISATIONS[org]!.id, level, record, keywords);
    });

const scanArb: fc.Arbitrary<AnalysisInput> = fc
  .integer({ min: 1, max: ORGANISATIONS.length })
  .chain((organisationCount) =>
    fc.record({
      responses: fc.array(responseArb(organisationCount), { maxLength: 40 }),
      drafts: fc.array(responseArb(organisationCount), { maxLength: 3 }),
      minGroupSize: fc.integer({ min: 1, max: 5 }),
      gapThreshold: fc.constantFrom(0.5, 1, 1.5),
      organisationCount: fc.constant(organisationCount),
    }),
  )
  .map(({ responses, drafts, minGroupSize, gapThreshold, organisationCount }) => ({
    instrument: FIXTURE_INSTRUMENT,
    organisations: ORGANISATIONS.slice(0, organisationCount),
    responses: [
      ...responses.map((r, i) => ({ ...r, id: `r${i}` })),
      ...drafts.map((r, i) => ({ ...r, id: `d${i}`, status: 'draft' as const, submittedAt: null })),
    ],
    settings: { minGroupSize, gapThreshold },
  }));

function shuffle<T>(values: readonly T[], seed: number): T[] {
  const random = createRandom(seed);
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Respondents per organisation as the guard must see them, counted here without the engine. */
function countRespondents(input: AnalysisInput): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of input.responses) if (r.status === 'submitted') counts.set(r.organisationId, (counts.get(r.organisationId) ?? 0) + 1);
  return counts;
}

/** Every mean the result holds, in a fixed order, for before/after comparisons. */
function collectMeans(analysis: ScanAnalysis): (number | null)[] {
  const indexValues = (set: ScanAnalysis['chain']) => [
    set.thermometer.value,
    set.thermostat.value,
    ...set.dimensions.flatMap((d) => [d.thermometer.value, d.thermostat.value]),
  ];
  return [
    ...analysis.statements.flatMap((s) => [s.chainMean, s.weightedMean, s.gap, s.consensus, ...s.cells.map((c) => c.mean), ...s.cells.map((c) => c.sd)]),
    ...indexValues(analysis.chain),
    ...analysis.groups.flatMap((g) => indexValues(g.indexes)),
    ...analysis.knobs.map((k) => k.priority),
  ];
}

describe('analysis properties', () => {
  it('keeps gaps ≥ 0, consensus in [0, 1], means on the scale and the chain mean between group means', () => {
    fc.assert(
      fc.property(scanArb, (input) => {
        const analysis = analyseScan(input);
        for (const s of analysis.statements) {
          if (s.gap !== null) expect(s.gap).toBeGreaterThanOrEqual(0);
          if (s.consensus !== null) {
            expect(s.consensus).toBeGreaterThanOrEqual(0);
            expect(s.consensus).toBeLessThanOrEqual(1);
          }
          if (s.dkShare !== null) expect(s.dkShare).toBeGreaterThanOrEqual(0);
          if (s.dkShare !== null) expect(s.dkShare).toBeLessThanOrEqual(1);
          const means = s.cells.map((c) => c.mean).filter((m): m is number => m !== null);
          for (const m of means) expect(m >= 1 && m <= 5).toBe(true);
          if (s.chainMean !== null) {
            expect(s.chainMean).toBeGreaterThanOrEqual(Math.min(...means) - 1e-9);
            expect(s.chainMean).toBeLessThanOrEqual(Math.max(...means) + 1e-9);
          }
          expect(s.gap === null).toBe(means.length === 0);
          expect(s.n + s.dk + s.withheldScores + s.unanswered).toBe(analysis.totals.countedResponses);
          // No figure rests on fewer scores than the minimum group size (docs/analysis.md, "Too few scores").
          for (const c of s.cells) {
            if (c.mean !== null) expect(c.n).toBeGreaterThanOrEqual(analysis.settings.minGroupSize);
            if (c.tooFewScores) expect({ n: c.n, mean: c.mean, sd: c.sd, counts: c.counts }).toEqual({ n: 0, mean: null, sd: null, counts: [0, 0, 0, 0, 0] });
            expect(c.n + c.dk + c.withheldScores + c.unanswered).toBe(analysis.groups.find((g) => g.id === c.groupId)?.respondents);
          }
          expect(s.withheldScores).toBe(s.cells.reduce((sum, c) => sum + c.withheldScores, 0));
          // Classified on the shown figures (docs/analysis.md, rounding): the gap to two decimals, p to three.
          const shownGap = s.gap === null ? null : Math.round(s.gap * 100 + 1e-7) / 100;
          expect(s.hasLargeGap).toBe(means.length >= 2 && shownGap !== null && shownGap >= input.settings.gapThreshold - 1e-9);
          const byRanking = kruskalWallisByRanking(s.cells.map((c) => c.counts));
          const test = s.kruskalWallis;
          expect(s.isDiscussionPoint).toBe(s.hasLargeGap && test !== null && Math.round(test.p * 1000 + 1e-6) / 1000 < 0.1);
          if (byRanking === null) expect(test).toBeNull();
          else {
            expect(test?.h).toBeCloseTo(byRanking.h, 6);
            // p by the method the engine names: brute force over every order of the labels where that
            // is small enough, the chi-square where the engine says it used it.
            if (test?.method === 'asymptotic') expect(test.p).toBeCloseTo(byRanking.p, 6);
            else if (test?.method === 'exact') {
              const brute = permutationP(byRanking.groups, 20_000);
              if (brute !== null) expect(test.p).toBeCloseTo(brute, 9);
            } else expect(Math.abs(test!.p - (permutationP(byRanking.groups, 20_000) ?? test!.p))).toBeLessThanOrEqual(test!.pError!);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result whatever the order of the responses', () => {
    fc.assert(
      fc.property(scanArb, fc.nat(), (input, seed) => {
        const shuffled = { ...input, responses: shuffle(input.responses, seed) };
        expect(analyseScan(shuffled)).toEqual(analyseScan(input));
      }),
      { numRuns: 200 },
    );
  });

  it('changes no mean when an unanswered statement becomes a don\'t-know', () => {
    fc.assert(
      fc.property(scanArb, fc.nat(), fc.nat(), (input, pickResponse, pickItem) => {
        const candidates = input.responses.flatMap((r, index) =>
          r.status === 'submitted' ? ITEM_IDS.filter((id) => r.answers[id] === undefined).map((id) => ({ index, id })) : [],
        );
        fc.pre(candidates.length > 0);
        const target = candidates[(pickResponse + pickItem) % candidates.length]!;
        const responses = input.responses.map((r, index) => (index === target.index ? { ...r, answers: { ...r.answers, [target.id]: 'dk' as const } } : r));
        const before = analyseScan(input);
        const after = analyseScan({ ...input, responses });
        expect(collectMeans(after)).toEqual(collectMeans(before));
        const statementBefore = before.statements.find((s) => s.itemId === target.id);
        const statementAfter = after.statements.find((s) => s.itemId === target.id);
        expect(statementAfter?.dk).toBe((statementBefore?.dk ?? 0) + 1);
        expect(statementAfter?.n).toBe(statementBefore?.n);
      }),
      { numRuns: 200 },
    );
  });

  it('never shows a figure of an organisation under the threshold', () => {
    fc.assert(
      fc.property(scanArb, (input) => {
        const analysis = analyseScan(input);
        const respondents = countRespondents(input);
        const small = input.organisations.filter((o) => (respondents.get(o.id) ?? 0) < analysis.settings.minGroupSize);

        for (const group of analysis.groups) {
          expect(group.respondents).toBeGreaterThanOrEqual(analysis.settings.minGroupSize);
          if (group.source.kind === 'organisation') expect(respondents.get(group.source.organisationId) ?? 0).toBeGreaterThanOrEqual(analysis.settings.minGroupSize);
          else expect(group.source.organisationIds.length).toBeGreaterThanOrEqual(2);
        }
        // Everything except the who-answered counter and the guard's own report, with pool
        // membership blanked: no small organisation's id or name may appear in it.
        const figures = {
          ...analysis,
          respondentsPerOrganisation: null,
          anonymity: null,
          groups: analysis.groups.map((g) => (g.id === POOLED_GROUP_ID ? { ...g, source: null } : g)),
        };
        const text = JSON.stringify(figures);
        for (const organisation of small) {
          expect(text).not.toContain(organisation.id);
        }
        const whole = JSON.stringify(analysis);
        for (const organisation of small) expect(whole).not.toContain(organisation.name);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same figures when two small organisations swap their responses', () => {
    fc.assert(
      fc.property(scanArb, fc.nat(), (input, pick) => {
        const respondents = countRespondents(input);
        const min = input.settings.minGroupSize;
        const small = input.organisations.filter((o) => {
          const n = respondents.get(o.id) ?? 0;
          return n >= 1 && n < min;
        });
        fc.pre(small.length >= 2);
        const a = small[pick % small.length]!.id;
        const b = small[(pick + 1) % small.length]!.id;
        const swap = (id: string) => (id === a ? b : id === b ? a : id);
        const swapped = { ...input, responses: input.responses.map((r) => ({ ...r, organisationId: swap(r.organisationId) })) };
        const { respondentsPerOrganisation: _before, ...before } = analyseScan(input);
        const { respondentsPerOrganisation: _after, ...after } = analyseScan(swapped);
        expect(after).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with a direct computation of group and chain means from the responses', () => {
    fc.assert(
      fc.property(scanArb, (input) => {
        const analysis = analyseScan(input);
        const min = analysis.settings.minGroupSize;
        const submitted = input.responses.filter((r) => r.status === 'submitted');
        for (const s of analysis.statements) {
          const groupMeans: number[] = [];
          // Members of groups with 1…min−1 scores here: their scores count nowhere.
          const withheldMembers: string[] = [];
          for (const group of analysis.groups) {
            const members = group.source.kind === 'organisation' ? [group.source.organisationId] : group.source.organisationIds;
            const scores = submitted
              .filter((r) => members.includes(r.organisationId))
              .map((r) => r.answers[s.itemId])
              .filter((v): v is 1 | 2 | 3 | 4 | 5 => typeof v === 'number');
            const cell = s.cells.find((c) => c.groupId === group.id);
            expect(cell?.tooFewScores).toBe(scores.length > 0 && scores.length < min);
            if (scores.length > 0 && scores.length < min) withheldMembers.push(...members);
            if (scores.length < min) expect(cell?.mean).toBeNull();
            else {
              const mean = scores.reduce((sum, v) => sum + v, 0) / scores.length;
              groupMeans.push(mean);
              expect(cell?.mean).toBeCloseTo(mean, 9);
            }
          }
          if (groupMeans.length === 0) expect(s.chainMean).toBeNull();
          else expect(s.chainMean).toBeCloseTo(groupMeans.reduce((sum, v) => sum + v, 0) / groupMeans.length, 9);
          const all = submitted
            .filter((r) => !withheldMembers.includes(r.organisationId))
            .map((r) => r.answers[s.itemId]).filter((v): v is 1 | 2 | 3 | 4 | 5 => typeof v === 'number');
          if (all.length === 0) expect(s.weightedMean).toBeNull();
          else expect(s.weightedMean).toBeCloseTo(all.reduce((sum, v) => sum + v, 0) / all.length, 9);
        }
      }),
      { numRuns: 200 },
    );
  });
});
