// The p-value of a rank test (Kruskal–Wallis, and Mann–Whitney as its two-group case) at workshop
// sizes: exact where it can be enumerated, Monte Carlo where that would be too slow, the
// chi-square approximation only where every group is large enough for it to be accurate.
// docs/analysis.md, "Which p-value: exact, Monte Carlo or approximation", says when each is used
// and why; the numbers below are the rule written there.
//
// The data are a table: one row per group, one column per tie block (the distinct answers, lowest
// first; on the 1–5 scale the five scores). Under the null hypothesis every assignment of the
// pooled answers to the groups (of their sizes) is equally likely, so the p-value is conditional on
// the observed ties (the column totals) and the group sizes (the row totals). With these margins
// fixed, H is an increasing function of S = Σ R_j² / n_j (R_j the rank sum of group j), so
// p = P(S ≥ S_observed). S is additive over groups, which makes the exact distribution a dynamic
// programme over groups: state = answers not yet assigned (one count per column) → distribution of
// the partial S. The last group takes what is left.

import { createRandom } from '../demo/random';

export type PMethod = 'exact' | 'monteCarlo' | 'asymptotic';

export interface RankTestP {
  p: number;
  /** How p was found: enumeration of every arrangement, random arrangements, or the approximation. */
  method: PMethod;
  /** Monte Carlo only: half-width of the 99 % interval around p (2.576 · √(p(1 − p)/M)); else null. */
  error: number | null;
  /** A Monte Carlo stand-in while the exact p is computed off the main thread (rankTestP). */
  provisional?: true;
}

/** Rows = groups, columns = tie blocks in increasing order (the 1–5 scores for answers). */
export type RankTable = readonly (readonly number[])[];

/** Exact enumeration stops (and Monte Carlo takes over) past this many steps of the programme (about 0.1 µs each). */
export const EXACT_WORK_BUDGET = 2_000_000;
/** The chi-square (normal) approximation is used when enumeration is too slow and every group has at least this many scores. */
export const ASYMPTOTIC_MIN_SCORES = 25;
/** Random arrangements drawn for a Monte Carlo p, at most. */
export const MONTE_CARLO_PERMUTATIONS = 20_000;
/** Fewer arrangements than this would make the bound too wide: the approximation is used instead. */
export const MONTE_CARLO_MIN_PERMUTATIONS = 2_000;
/** Answers drawn in total over all arrangements of one Monte Carlo p, at most (bounds its cost). */
export const MONTE_CARLO_WORK_BUDGET = 4_000_000;
/** The fixed seed: the same answers give the same Monte Carlo p on every device and every run. */
export const MONTE_CARLO_SEED = 0x5ca11ed;
/** z for the 99 % interval of the Monte Carlo p. */
const Z99 = 2.576;
/** Arrangements whose S is within this relative distance of the observed S count as equal to it (floating-point keys, Monte Carlo). */
const RELATIVE_TOLERANCE = 1e-9;

interface Prepared {
  /** Group sizes, smallest first (the largest is last: it is determined, never enumerated). */
  sizes: number[];
  /** Rows in the same order. */
  rows: number[][];
  totals: number[];
  n: number;
  /** Twice the average rank of each column: an integer. */
  rank2: number[];
}

function prepare(table: RankTable): Prepared | null {
  const rows = table.filter((row) => row.reduce((s, v) => s + v, 0) > 0).map((row) => [...row]);
  if (rows.length < 2) return null;
  rows.sort((a, b) => sumOf(a) - sumOf(b));
  const columns = rows[0]!.length;
  const totals = Array.from({ length: columns }, (_, k) => rows.reduce((s, row) => s + (row[k] ?? 0), 0));
  const rank2: number[] = [];
  let below = 0;
  for (const t of totals) {
    rank2.push(2 * below + t + 1);
    below += t;
  }
  return { sizes: rows.map(sumOf), rows, totals, n: below, rank2 };
}

function sumOf(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** ln k! for k = 0…n. */
function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) table[k] = table[k - 1]! + Math.log(k);
  return table;
}

/** Binomial coefficient as a float, for estimates only. */
function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/**
 * Keys of the statistic: S' = Σ (2R_j)² · (L / n_j) with L the lcm of the group sizes is an integer,
 * exact when it stays below 2^53 (every workshop). Otherwise keys are S rounded at a relative
 * resolution of about 10⁻¹², compared with RELATIVE_TOLERANCE.
 */
function keying(prepared: Prepared): { contribution: (rank2Sum: number, size: number) => number; exact: boolean } {
  let lcm = 1;
  for (const size of prepared.sizes) lcm = (lcm / gcd(lcm, size)) * size;
  const maxRank2Sum = prepared.n * (prepared.n + 1);
  if (Number.isSafeInteger(lcm) && maxRank2Sum * maxRank2Sum * lcm < 2 ** 52) {
    return { contribution: (r2, size) => r2 * r2 * (lcm / size), exact: true };
  }
  const scale = 2 ** 40 / (maxRank2Sum * maxRank2Sum);
  return { contribution: (r2, size) => Math.round(((r2 * r2) / size) * scale), exact: false };
}

/** estimateWork of a table; Infinity when it has fewer than two groups with answers. */
export function estimateWorkOfTable(table: RankTable): number {
  const prepared = prepare(table);
  return prepared ? estimateWork(prepared) : 0;
}

/** Upper bound of the steps of the programme without the keys: states × compositions per group. */
export function estimateWork(prepared: Prepared): number {
  const columns = prepared.totals.length;
  const stateBound = prepared.totals.reduce((s, t) => s * (t + 1), 1);
  let assigned = 0;
  let work = 0;
  for (let j = 0; j < prepared.sizes.length - 1; j++) {
    const states = Math.min(stateBound, choose(assigned + columns - 1, columns - 1));
    work += states * choose(prepared.sizes[j]! + columns - 1, columns - 1);
    assigned += prepared.sizes[j]!;
  }
  return work;
}

/** Every way to take `size` answers from the remaining counts: each composition with its column counts. */
function compositions(remaining: readonly number[], size: number): number[][] {
  const out: number[][] = [];
  const columns = remaining.length;
  const current = new Array<number>(columns).fill(0);
  const left: number[] = new Array<number>(columns + 1).fill(0);
  for (let k = columns - 1; k >= 0; k--) left[k] = left[k + 1]! + remaining[k]!;
  const visit = (k: number, need: number) => {
    if (k === columns - 1) {
      if (need <= remaining[k]!) {
        current[k] = need;
        out.push([...current]);
      }
      return;
    }
    const low = Math.max(0, need - left[k + 1]!);
    const high = Math.min(remaining[k]!, need);
    for (let c = low; c <= high; c++) {
      current[k] = c;
      visit(k + 1, need - c);
    }
  };
  visit(0, size);
  return out;
}

/** Distinct orders of a list of sizes (at most 5! = 120 for the six groups of a workshop). */
function distinctOrders(sizes: readonly number[]): number[][] {
  if (sizes.length <= 1) return [[...sizes]];
  const out: number[][] = [];
  const seen = new Set<number>();
  sizes.forEach((size, i) => {
    if (seen.has(size)) return;
    seen.add(size);
    const rest = [...sizes.slice(0, i), ...sizes.slice(i + 1)];
    for (const order of distinctOrders(rest)) out.push([size, ...order]);
  });
  return out;
}

/**
 * The exact p = P(S ≥ S_observed) over every assignment of the pooled answers to groups of the
 * observed sizes; null when the table has fewer than two groups with answers, or when the
 * programme would take more than `budget` steps.
 *
 * The programme walks the groups (smallest first); a state is the answers still unassigned with
 * the distribution of the partial S so far. Each partial S is bounded by what the groups still to
 * come can add given the answers left (network algorithm, Mehta & Patel 1983): at least
 * (ΣR)²/Σn (every group the same mean rank), at most the best split of the remaining ranks into
 * consecutive blocks in some order of the sizes (any other split gains by swapping two answers).
 * A partial S that reaches the observed S even with the least is counted whole; one that cannot
 * reach it even with the most is dropped; only the rest is carried on.
 */
export function exactRankTestP(table: RankTable, budget = EXACT_WORK_BUDGET): number | null {
  return exactWithin(table, budget, null) ?? null;
}

/** STOPPED: `shouldStop` said so before the enumeration ended (the caller defers the table). */
const STOPPED = undefined;

function exactWithin(table: RankTable, budget: number, shouldStop: (() => boolean) | null): number | null | typeof STOPPED {
  const prepared = prepare(table);
  if (!prepared) return null;
  if (prepared.totals.filter((t) => t > 0).length < 2) return 1;
  // Up front: the forward walk's states × compositions (without the partial sums). Past 1.5 × the
  // budget the enumeration is not tried at all, so a scan too large for it loses no time on it.
  if (estimateWork(prepared) > budget * 1.5) return null;
  const { sizes, rows, totals, rank2 } = prepared;
  const groups = sizes.length;
  const columns = totals.length;
  const { contribution, exact } = keying(prepared);
  const rank2Sum = (counts: readonly number[]) => {
    let s = 0;
    for (let k = 0; k < columns; k++) s += counts[k]! * rank2[k]!;
    return s;
  };
  let observed = 0;
  rows.forEach((row, j) => (observed += contribution(rank2Sum(row), sizes[j]!)));
  // Integer keys are compared exactly; rounded keys with the tolerance.
  const threshold = exact ? observed : observed - Math.max(groups, Math.abs(observed) * RELATIVE_TOLERANCE);
  // The bounds are floating point: widen them a little so they never cut a real arrangement.
  const slack = Math.max(1e-6, Math.abs(observed) * 1e-12);

  const logFact = logFactorials(prepared.n);
  const logChoose = (n: number, k: number) => logFact[n]! - logFact[k]! - logFact[n - k]!;
  const radix: number[] = [];
  let place = 1;
  for (const t of totals) {
    radix.push(place);
    place *= t + 1;
  }
  // Per step: every composition of that group's size within the column totals.
  const stepCompositions = sizes.map((size) =>
    compositions(totals, size).map((counts) => ({ counts, add: contribution(rank2Sum(counts), size), code: counts.reduce((s, c, k) => s + c * radix[k]!, 0) })),
  );
  const ordersFrom = sizes.map((_, j) => distinctOrders(sizes.slice(j)));

  /** Least and most the groups j… can add, in key units, given the answers left. */
  const bounds = (remaining: readonly number[], j: number): [number, number] => {
    const restSize = remaining.reduce((s, c) => s + c, 0);
    const low = contribution(rank2Sum(remaining), restSize);
    // The last group takes what is left: its contribution is known exactly.
    if (j === groups - 1) return [low, low];
    // Prefix sums of the remaining doubled ranks, lowest first.
    const prefix = [0];
    for (let k = 0; k < columns; k++) for (let c = 0; c < remaining[k]!; c++) prefix.push(prefix[prefix.length - 1]! + rank2[k]!);
    let high = 0;
    for (const order of ordersFrom[j]!) {
      let start = 0;
      let sum = 0;
      for (const size of order) {
        sum += contribution(prefix[start + size]! - prefix[start]!, size);
        start += size;
      }
      if (sum > high) high = sum;
    }
    return [low - slack, high + slack];
  };

  // Forward: the smallest groups, one by one, from the pooled answers (weights: drawing without
  // replacement, so a state's future sums to 1), pruned by the bounds. Backward: the largest
  // groups, once for every set of answers they could take together (weights: multinomial, so the
  // distribution given a set is a ratio). The two meet at the answers left after the forward part.
  const backwardGroups = Math.max(1, Math.floor(groups / 2));
  const meet = groups - backwardGroups;
  const columnLog = totals.map((t) => (t > 0 ? Math.log(t / prepared.n) : 0));
  const multinomialWeight = (counts: readonly number[], size: number) => {
    let log = logFact[size]!;
    for (let k = 0; k < columns; k++) if (counts[k]! > 0) log += counts[k]! * columnLog[k]! - logFact[counts[k]!]!;
    return Math.exp(log);
  };

  interface State {
    remaining: number[];
    /** Partial S (key) → probability; equal partial sums are carried once. */
    keys: Map<number, number>;
  }
  let layer = new Map<number, State>([[totals.reduce((s, t, k) => s + t * radix[k]!, 0), { remaining: [...totals], keys: new Map([[0, 1]]) }]]);
  let remainingTotal = prepared.n;
  let atLeast = 0;
  let work = 0;
  for (let j = 0; j < meet && layer.size > 0; j++) {
    const size = sizes[j]!;
    const next = new Map<number, State>();
    for (const [code, { remaining, keys }] of layer) {
      // Each state costs its bounds and its compositions, besides the partial sums it carries.
      work += ordersFrom[j]!.length + stepCompositions[j]!.length;
      if (work > budget) return null;
      if (shouldStop?.()) return STOPPED;
      const [low, high] = bounds(remaining, j);
      const denominator = logChoose(remainingTotal, size);
      let expanded: { taken: (typeof stepCompositions)[number][number]; weight: number }[] | null = null;
      for (const [key, probability] of keys) {
        if (key + low >= threshold) {
          atLeast += probability;
          continue;
        }
        if (key + high < threshold) continue;
        if (!expanded) {
          expanded = [];
          for (const taken of stepCompositions[j]!) {
            let logWeight = -denominator;
            let fits = true;
            for (let k = 0; k < columns; k++) {
              const c = taken.counts[k]!;
              if (c > remaining[k]!) {
                fits = false;
                break;
              }
              if (c > 0) logWeight += logChoose(remaining[k]!, c);
            }
            if (fits) expanded.push({ taken, weight: Math.exp(logWeight) });
          }
        }
        work += expanded.length;
        if (work > budget) return null;
        for (const { taken, weight } of expanded) {
          const target = code - taken.code;
          let state = next.get(target);
          if (!state) {
            state = { remaining: remaining.map((r, k) => r - taken.counts[k]!), keys: new Map() };
            next.set(target, state);
          }
          const sum = key + taken.add;
          state.keys.set(sum, (state.keys.get(sum) ?? 0) + probability * weight);
        }
      }
    }
    layer = next;
    remainingTotal -= size;
  }
  if (layer.size === 0) return Math.min(1, Math.max(0, atLeast));

  // Backward: answers taken by the groups meet…last together (code) → their S (key) → weight.
  let backward = new Map<number, Map<number, number>>([[0, new Map([[0, 1]])]]);
  for (let j = groups - 1; j >= meet; j--) {
    const size = sizes[j]!;
    const next = new Map<number, Map<number, number>>();
    const weights = stepCompositions[j]!.map((taken) => multinomialWeight(taken.counts, size));
    const isLast = j === meet;
    for (const [code, keys] of backward) {
      const taken = decode(code, radix, totals);
      stepCompositions[j]!.forEach((c, i) => {
        for (let k = 0; k < columns; k++) if (taken[k]! + c.counts[k]! > totals[k]!) return;
        const target = code + c.code;
        // The last backward step only needs the sets the forward part reached.
        if (isLast && !layer.has(target)) return;
        let into = next.get(target);
        if (!into) next.set(target, (into = new Map()));
        work += keys.size;
        for (const [key, weight] of keys) {
          const sum = key + c.add;
          into.set(sum, (into.get(sum) ?? 0) + weight * weights[i]!);
        }
      });
      if (work > budget) return null;
      if (shouldStop?.()) return STOPPED;
    }
    backward = next;
  }

  // Meet: for each set of answers left, the forward partial sums against the backward sums,
  // the backward ones sorted (largest first) with their cumulative share.
  for (const [code, { keys }] of layer) {
    const rest = backward.get(code);
    if (!rest) continue;
    const sorted = [...rest.entries()].sort((x, y) => y[0] - x[0]);
    let mass = 0;
    const cumulative = sorted.map(([, weight]) => (mass += weight));
    work += sorted.length + keys.size;
    if (work > budget) return null;
    for (const [key, probability] of keys) {
      const need = threshold - key;
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]![0] >= need) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0) atLeast += (probability * cumulative[lo - 1]!) / mass;
    }
  }
  // The weights sum to 1 on paper; rounding can leave p a hair outside [0, 1].
  return Math.min(1, Math.max(0, atLeast));
}

function decode(code: number, radix: readonly number[], totals: readonly number[]): number[] {
  return radix.map((place, k) => Math.floor(code / place) % (totals[k]! + 1));
}

/**
 * The Monte Carlo p: the share of `permutations` random assignments (fixed seed) with S at least the
 * observed one, as (b + 1)/(M + 1) so that it is never 0, with the 99 % bound of its error.
 */
export function monteCarloRankTestP(table: RankTable, permutations = MONTE_CARLO_PERMUTATIONS, seed = MONTE_CARLO_SEED): RankTestP | null {
  const prepared = prepare(table);
  if (!prepared) return null;
  const { sizes, rows, totals, rank2 } = prepared;
  const columns = totals.length;
  const statistic = (rank2Sums: readonly number[]) => {
    let s = 0;
    for (let j = 0; j < sizes.length; j++) s += (rank2Sums[j]! * rank2Sums[j]!) / sizes[j]!;
    return s;
  };
  const observed = statistic(rows.map((row) => row.reduce((s, c, k) => s + c * rank2[k]!, 0)));
  const threshold = observed - Math.abs(observed) * RELATIVE_TOLERANCE;
  const random = createRandom(seed);
  const remaining = new Array<number>(columns).fill(0);
  const sums = new Array<number>(sizes.length).fill(0);
  let hits = 0;
  for (let m = 0; m < permutations; m++) {
    for (let k = 0; k < columns; k++) remaining[k] = totals[k]!;
    let left = prepared.n;
    for (let j = 0; j < sizes.length - 1; j++) {
      let sum = 0;
      for (let i = 0; i < sizes[j]!; i++) {
        let draw = Math.floor(random() * left);
        let k = 0;
        while (draw >= remaining[k]!) draw -= remaining[k++]!;
        remaining[k]!--;
        left--;
        sum += rank2[k]!;
      }
      sums[j] = sum;
    }
    let last = 0;
    for (let k = 0; k < columns; k++) last += remaining[k]! * rank2[k]!;
    sums[sizes.length - 1] = last;
    if (statistic(sums) >= threshold) hits++;
  }
  const p = (hits + 1) / (permutations + 1);
  return { p, method: 'monteCarlo', error: Z99 * Math.sqrt((p * (1 - p)) / permutations) };
}

/** Exact when the enumeration fits the budget; else the approximation when every group is large; else Monte Carlo. */
export function chooseRankTestP(table: RankTable, asymptoticP: () => number, knownExact?: number | null): RankTestP {
  const exact = knownExact !== undefined ? knownExact : exactRankTestP(table);
  if (exact !== null) return { p: exact, method: 'exact', error: null };
  const prepared = prepare(table);
  if (!prepared) return { p: asymptoticP(), method: 'asymptotic', error: null };
  if (prepared.sizes[0]! >= ASYMPTOTIC_MIN_SCORES) return { p: asymptoticP(), method: 'asymptotic', error: null };
  // Every group but the last is drawn answer by answer: the cost of one arrangement.
  const perArrangement = Math.max(1, prepared.n - prepared.sizes[prepared.sizes.length - 1]!);
  const permutations = Math.min(MONTE_CARLO_PERMUTATIONS, Math.floor(MONTE_CARLO_WORK_BUDGET / perArrangement));
  if (permutations < MONTE_CARLO_MIN_PERMUTATIONS) return { p: asymptoticP(), method: 'asymptotic', error: null };
  return monteCarloRankTestP(table, permutations) ?? { p: asymptoticP(), method: 'asymptotic', error: null };
}

const CACHE_LIMIT = 2_000;
const cache = new Map<string, RankTestP>();
/** The key a table is remembered under: the same counts, the same p. */
export const tableKey = (table: RankTable): string => table.map((row) => row.join(',')).join('|');

/**
 * Where the results page sends a table whose exact p takes longer than its first view may wait
 * (docs/analysis.md, "Which p-value", "Without delaying the first view"): a worker that computes
 * it and hands it back with `rememberExactP`. Only while an analysis pass is open
 * (`beginQuickPass`), and only when a page installed one: tests, benchmarks and the worker itself
 * compute every p on the spot.
 */
let deferExact: ((table: RankTable) => void) | null = null;
/** While a quick pass is open: whether its time is up. */
let quickStop: (() => boolean) | null = null;
/** Provisional results (Monte Carlo) of deferred tables, until the exact p arrives. */
const provisional = new Map<string, RankTestP>();

export function installExactDeferral(handler: ((table: RankTable) => void) | null): void {
  deferExact = handler;
}

/** Opens an analysis pass whose exact enumerations together may take `ms`; returns its end. */
export function beginQuickPass(ms: number, now: () => number): () => void {
  const deadline = now() + ms;
  quickStop = () => now() > deadline;
  return () => {
    quickStop = null;
  };
}

/** The exact p (or null: too large, keep the provisional one) of a deferred table, from the worker. */
export function rememberExactP(table: RankTable, p: number | null): void {
  const key = tableKey(table);
  const interim = provisional.get(key);
  provisional.delete(key);
  const result: RankTestP | undefined = p !== null ? { p, method: 'exact', error: null } : interim && { ...interim, provisional: undefined };
  if (!result) return;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
}

/**
 * chooseRankTestP, remembered per table (the same counts give the same p): the results page,
 * its filters and the slides analyse the same counts again and again. In a quick pass an
 * enumeration that outlasts the pass is stopped: the table gets a Monte Carlo p marked
 * `provisional` and goes to the worker.
 */
export function rankTestP(table: RankTable, asymptoticP: () => number): RankTestP {
  const key = tableKey(table);
  const known = cache.get(key) ?? provisional.get(key);
  if (known) return known;
  let knownExact: number | null | undefined;
  if (deferExact !== null && quickStop !== null) {
    knownExact = exactWithin(table, EXACT_WORK_BUDGET, quickStop);
    if (knownExact === STOPPED) {
      const interim = monteCarloRankTestP(table) ?? { p: asymptoticP(), method: 'asymptotic' as const, error: null };
      const stand: RankTestP = { ...interim, provisional: true };
      provisional.set(key, stand);
      deferExact(table);
      return stand;
    }
  }
  const result = chooseRankTestP(table, asymptoticP, knownExact);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

/** Forgets every remembered p: for benchmarks that time the computation itself. */
export function clearRankTestPCache(): void {
  cache.clear();
  provisional.clear();
}

/**
 * The exact null distribution of U for two groups (the first of size n1) when the pooled answers
 * fall in tie blocks of the given sizes: each possible U with its probability, U ascending. U is
 * the first group's rank sum minus n1(n1 + 1)/2 (ties count ½).
 */
export function mannWhitneyNullDistribution(totals: readonly number[], n1: number): { u: number; probability: number }[] {
  const n = sumOf(totals);
  const rank2: number[] = [];
  let below = 0;
  for (const t of totals) {
    rank2.push(2 * below + t + 1);
    below += t;
  }
  const logFact = logFactorials(n);
  const logChoose = (a: number, b: number) => logFact[a]! - logFact[b]! - logFact[a - b]!;
  const byRank2Sum = new Map<number, number>();
  for (const taken of compositions(totals, n1)) {
    let logWeight = -logChoose(n, n1);
    let r2 = 0;
    taken.forEach((c, k) => {
      logWeight += logChoose(totals[k]!, c);
      r2 += c * rank2[k]!;
    });
    byRank2Sum.set(r2, (byRank2Sum.get(r2) ?? 0) + Math.exp(logWeight));
  }
  return [...byRank2Sum.entries()].map(([r2, probability]) => ({ u: r2 / 2 - (n1 * (n1 + 1)) / 2, probability })).sort((a, b) => a.u - b.u);
}
