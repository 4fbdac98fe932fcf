// Independent references for the exact rank tests (src/domain/analysis/rankTestP.ts), the slow
// way: every answer on its own, no counts, no dynamic programme, no weights.

/** Ranks of the pooled answers, ties sharing the mean of their positions. */
function averageRanks(pooled: readonly number[]): Map<number, number> {
  const sorted = [...pooled].sort((x, y) => x - y);
  const ranks = new Map<number, number>();
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    ranks.set(sorted[i]!, (i + 1 + j) / 2);
    i = j;
  }
  return ranks;
}

/**
 * The permutation p of Kruskal–Wallis: every order of the group labels over the pooled answers
 * (the multiset permutations, each equally likely), the share with Σ R_j²/n_j at least the
 * observed one. Null past `limit` orders (too slow to check by hand).
 */
export function permutationP(groups: readonly (readonly number[])[], limit = 200_000): number | null {
  const filled = groups.filter((g) => g.length > 0);
  const pooled = filled.flat();
  const ranks = averageRanks(pooled);
  const sizes = filled.map((g) => g.length);
  const statistic = (sums: readonly number[]) => sums.reduce((s, r, j) => s + (r * r) / sizes[j]!, 0);
  const observed = statistic(filled.map((g) => g.reduce((s, v) => s + ranks.get(v)!, 0)));
  // Count the orders first: n! / Π n_j!.
  let orders = 1;
  for (let i = 1; i <= pooled.length; i++) orders *= i;
  for (const size of sizes) for (let i = 2; i <= size; i++) orders /= i;
  if (orders > limit) return null;
  const values = [...pooled];
  const left = [...sizes];
  const sums = sizes.map(() => 0);
  let total = 0;
  let atLeast = 0;
  const visit = (i: number) => {
    if (i === values.length) {
      total++;
      if (statistic(sums) >= observed - 1e-9 * observed) atLeast++;
      return;
    }
    for (let j = 0; j < sizes.length; j++) {
      if (left[j] === 0) continue;
      left[j]!--;
      sums[j]! += ranks.get(values[i]!)!;
      visit(i + 1);
      sums[j]! -= ranks.get(values[i]!)!;
      left[j]!++;
    }
  };
  visit(0);
  return atLeast / total;
}

/**
 * The two-sided exact p of Mann–Whitney: every subset of n1 of the pooled answers (each answer its
 * own, so C(n, n1) subsets), counted by their rank sum one answer at a time; p is the share with
 * |U − n1·n2/2| at least the observed one.
 */
export function subsetP(a: readonly number[], b: readonly number[]): number {
  const pooled = [...a, ...b];
  const ranks = averageRanks(pooled);
  const n1 = a.length;
  // ways[m] maps twice a rank sum of m chosen answers to the number of subsets.
  let ways: Map<number, number>[] = [new Map([[0, 1]])];
  for (const value of pooled) {
    const r2 = 2 * ranks.get(value)!;
    const next = ways.map((m) => new Map(m));
    for (let m = 0; m < ways.length && m < n1; m++) {
      next[m + 1] ??= new Map();
      for (const [sum, count] of ways[m]!) next[m + 1]!.set(sum + r2, (next[m + 1]!.get(sum + r2) ?? 0) + count);
    }
    ways = next;
  }
  const mean2 = n1 * (pooled.length + 1); // twice the expected rank sum
  const observed = Math.abs(2 * a.reduce((s, v) => s + ranks.get(v)!, 0) - mean2);
  let total = 0;
  let atLeast = 0;
  for (const [sum, count] of ways[n1]!) {
    total += count;
    if (Math.abs(sum - mean2) >= observed - 1e-9) atLeast += count;
  }
  return atLeast / total;
}
