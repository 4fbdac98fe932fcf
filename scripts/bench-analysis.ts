// Benchmark of the analysis engine: `npm run bench`.
// Generates synthetic scans deterministically (seeded PRNG: same data on every run and machine)
// with the 13 statements of the default instrument and 7 organisations, then times
// analyseScan at 1,000 / 10,000 / 100,000 submitted responses. Target: 100,000 in < 100 ms.

import os from 'node:os';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { analyseScan, type AnalysisInput, type ScanAnalysis } from '../src/domain/analysis';
import { clearRankTestPCache } from '../src/domain/analysis/rankTestP';
import { generateDemoScan, generateDemoSeries } from '../src/domain/demo/generateDemoScan';
import { createRandom, type Random } from '../src/domain/demo/random';
import { compareRounds } from '../src/domain/rounds/compareRounds';
import { DEFAULT_INSTRUMENT } from '../src/domain/instrument/defaultInstrument';
import { DEFAULT_SETTINGS, type Answer, type Level, type Organisation, type Response } from '../src/domain/types';

const TARGET_MS = 100;
const TARGET_RESPONSES = 100_000;
const SIZES = [1_000, 10_000, 100_000] as const;

/** Heap figures need a collection before and after; expose gc without a command-line flag. */
function obtainGc(): (() => void) | null {
  const existing: unknown = Reflect.get(globalThis, 'gc');
  if (typeof existing === 'function') return () => void existing();
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    if (typeof gc === 'function') return () => void gc();
  } catch {
    // Fall through: heap columns are then marked as not measured.
  }
  return null;
}

const ORGANISATIONS: Organisation[] = [
  { id: 'politie', name: 'Politie' },
  { id: 'openbaar-ministerie', name: 'Openbaar Ministerie' },
  { id: 'jeugdbescherming', name: 'Jeugdbescherming' },
  { id: 'gemeente', name: 'Gemeente' },
  { id: 'william-schrikker-groep', name: 'William Schrikker Groep' },
  { id: 'parlan', name: 'Parlan' },
  { id: 'veiligheidshuis', name: 'Veiligheidshuis' },
];
/** Share of respondents per organisation: unequal on purpose, as in a real chain. */
const ORGANISATION_WEIGHTS = [0.2, 0.08, 0.16, 0.24, 0.12, 0.08, 0.12];
const ORGANISATION_BASE = [3.3, 3.1, 2.9, 3.7, 3.2, 3.4, 3.6];
const WORDS = ['betrokken', 'Betrokken', 'snel', 'versnipperd', 'informatie delen', 'Informatie  delen', 'formeel', 'warm',
  'overbelast', 'regie', 'samen', 'zoekend', 'constructief', 'pragmatisch', 'druk', 'verbindend', ' betrokken ', 'ambitieus'];

function pickWeighted(random: Random, weights: readonly number[]): number {
  let r = random();
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

function generateResponses(count: number, seed: number): Response[] {
  const random = createRandom(seed);
  const items = DEFAULT_INSTRUMENT.items;
  const responses: Response[] = [];
  for (let r = 0; r < count; r++) {
    const org = pickWeighted(random, ORGANISATION_WEIGHTS);
    const base = ORGANISATION_BASE[org] ?? 3;
    const answers: Record<string, Answer> = {};
    for (const item of items) {
      const draw = random();
      if (draw < 0.03) continue; // left unanswered
      if (draw < 0.11) {
        answers[item.id] = 'dk';
        continue;
      }
      const value = Math.round(base + (random() + random() + random() - 1.5) * 1.4);
      answers[item.id] = Math.min(5, Math.max(1, value)) as 1 | 2 | 3 | 4 | 5;
    }
    const keywords: string[] = [];
    const wordCount = Math.floor(random() * 4);
    for (let k = 0; k < wordCount; k++) keywords.push(WORDS[Math.floor(random() * WORDS.length)] ?? '');
    const levelDraw = random();
    const level: Level = levelDraw < 0.6 ? 'uitvoering' : levelDraw < 0.9 ? 'management' : 'bestuur';
    responses.push({
      id: `r${r}`,
      scanId: 'bench',
      organisationId: ORGANISATIONS[org]?.id ?? 'politie',
      level,
      answers,
      comments: {},
      keywords,
      improvement: '',
      startedAt: '2026-11-22T09:00:00.000Z',
      submittedAt: '2026-11-22T09:10:00.000Z',
      status: 'submitted',
      position: 0,
    });
  }
  return responses;
}

interface Row {
  label: string;
  responses: number;
  answers: number;
  runs: number;
  medianMs: number;
  minMs: number;
  nsPerAnswer: number;
  heapAllocatedKb: number | null;
  heapRetainedKb: number | null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** Collect garbage left by data generation and give the concurrent sweeper time to finish. */
async function settle(gc: (() => void) | null): Promise<void> {
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 300));
}

async function measure(label: string, input: AnalysisInput, gc: (() => void) | null): Promise<Row> {
  const responses = input.responses.length;
  const answers = responses * DEFAULT_INSTRUMENT.items.length;
  const runs = responses >= 100_000 ? 15 : responses >= 10_000 ? 41 : 101;
  let sink: ScanAnalysis | null = null;
  for (let i = 0; i < 10; i++) sink = analyseScan(input); // warm-up: let the JIT settle
  await settle(gc);

  // No forced gc between timed runs: on 2 cores the collector's concurrent sweeping after a
  // forced gc competes with the next run and makes timings jump by 2–10×. The analysis itself
  // allocates well under 1 MB, so it seldom triggers a collection of its own.
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink = analyseScan(input);
    times.push(performance.now() - start);
  }

  let heapAllocatedKb: number | null = null;
  let heapRetainedKb: number | null = null;
  if (gc !== null) {
    // eslint-disable-next-line no-useless-assignment -- dropping the last result lets gc() collect it before the measurement
    sink = null;
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    sink = analyseScan(input);
    const after = process.memoryUsage().heapUsed;
    gc();
    const retained = process.memoryUsage().heapUsed;
    heapAllocatedKb = (after - before) / 1024;
    heapRetainedKb = (retained - before) / 1024;
  }
  if (sink === null || sink.totals.countedResponses === 0) throw new Error('benchmark analysed nothing');

  const medianMs = median(times);
  return { label, responses, answers, runs, medianMs, minMs: Math.min(...times), nsPerAnswer: (medianMs * 1e6) / answers, heapAllocatedKb, heapRetainedKb };
}

function formatKb(kb: number | null): string {
  if (kb === null) return 'n/a';
  if (kb < 1) return '< 1 kB';
  return kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb.toFixed(0)} kB`;
}

function printTable(rows: readonly Row[]): void {
  const header = ['scan', 'responses', 'answers', 'runs', 'median ms', 'min ms', 'ns/answer', 'heap allocated', 'heap retained'];
  const lines = rows.map((row) => [
    row.label,
    row.responses.toLocaleString('en-US'),
    row.answers.toLocaleString('en-US'),
    String(row.runs),
    row.medianMs.toFixed(2),
    row.minMs.toFixed(2),
    row.nsPerAnswer.toFixed(1),
    formatKb(row.heapAllocatedKb),
    formatKb(row.heapRetainedKb),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)));
  const format = (cells: readonly string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

/** A workshop: `sizes` people per partner, every answer a score, partners a little apart. */
function workshopResponses(sizes: readonly number[], seed: number): { organisations: Organisation[]; responses: Response[] } {
  const random = createRandom(seed);
  const organisations = sizes.map((_, j) => ({ id: `p${j}`, name: `Partner ${j + 1}` }));
  const responses: Response[] = [];
  sizes.forEach((size, j) => {
    for (let r = 0; r < size; r++) {
      const answers: Record<string, Answer> = {};
      for (const item of DEFAULT_INSTRUMENT.items) {
        answers[item.id] = Math.min(5, Math.max(1, Math.round(2.6 + 0.2 * j + (random() + random() - 1) * 2))) as 1 | 2 | 3 | 4 | 5;
      }
      responses.push({
        id: `w${j}-${r}`, scanId: 'bench', organisationId: `p${j}`, level: 'uitvoering', answers, comments: {}, keywords: [],
        improvement: '', startedAt: '2026-11-22T09:00:00.000Z', submittedAt: '2026-11-22T09:10:00.000Z', status: 'submitted', position: 0,
      });
    }
  });
  return { organisations, responses };
}

/** Cold timings (the p-value cache emptied before every run): the exact p-values are the cost here. */
function measureCold(label: string, run: () => unknown, runs = 7): string {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    clearRankTestPCache();
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return `| ${label} | ${runs} | ${median(times).toFixed(1)} | ${Math.min(...times).toFixed(1)} |`;
}

function printSmallScans(): void {
  const settings = { minGroupSize: DEFAULT_SETTINGS.minGroupSize, gapThreshold: DEFAULT_SETTINGS.gapThreshold };
  const workshop = workshopResponses([3, 3, 4, 4, 5, 6], 25);
  const demo = generateDemoScan({ now: new Date('2026-11-22T09:00:00.000Z') });
  const [first, second] = generateDemoSeries({ now: new Date('2026-11-22T09:00:00.000Z') });
  console.log('\nSmall scans, p-values computed afresh (exact where the budget allows; docs/analysis.md, "Which p-value")\n');
  console.log('| scan | runs | median ms | min ms |');
  console.log('|:--|--:|--:|--:|');
  console.log(measureCold('25 people in 6 groups, 13 statements, exact', () => analyseScan({ instrument: DEFAULT_INSTRUMENT, ...workshop, settings: { ...settings, minGroupSize: 3 } })));
  console.log(measureCold('demo workshop (26 people, 6 partners)', () => analyseScan({ instrument: demo.scan.instrument, organisations: demo.scan.organisations, responses: demo.responses, settings: demo.scan.settings })));
  console.log(measureCold('rounds comparison of the demo series', () => compareRounds({ scan: first.scan, responses: first.responses }, { scan: second.scan, responses: second.responses })));
}

async function main(): Promise<void> {
  const gc = obtainGc();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`analyseScan benchmark — node ${process.version}, ${os.cpus().length} × ${cpu}`);
  console.log(`13 statements, 7 organisations, ~8% don't know, ~3% unanswered, 0–3 keywords per response; gc ${gc ? 'available' : 'not available'}\n`);

  const rows: Row[] = [];
  const base = { instrument: DEFAULT_INSTRUMENT, organisations: ORGANISATIONS, settings: { minGroupSize: DEFAULT_SETTINGS.minGroupSize, gapThreshold: DEFAULT_SETTINGS.gapThreshold } };
  for (const size of SIZES) {
    const responses = generateResponses(size, 20261122 + size);
    rows.push(await measure('all', { ...base, responses }, gc));
    if (size === TARGET_RESPONSES) rows.push(await measure('level filter', { ...base, responses, filters: { levels: ['uitvoering'] } }, gc));
  }
  printTable(rows);
  printSmallScans();

  const target = rows.find((row) => row.responses === TARGET_RESPONSES && row.label === 'all');
  const isMet = target !== undefined && target.medianMs < TARGET_MS;
  console.log(`\n100,000 responses: median ${target?.medianMs.toFixed(2) ?? '?'} ms — target < ${TARGET_MS} ms ${isMet ? 'MET' : 'NOT MET'}`);
  if (!isMet) process.exitCode = 1;
}

await main();
