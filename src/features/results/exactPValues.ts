import { useSyncExternalStore } from 'react';
import { beginQuickPass, installExactDeferral, rememberExactP, tableKey, type RankTable } from '../../domain/analysis/rankTestP';

// The first view never waits long for an exact p (docs/analysis.md, "Which p-value", "Without
// delaying the first view"). An analysis pass runs its exact enumerations for at most
// QUICK_PASS_MS together; a table that takes longer shows a Monte Carlo p first (with its bound)
// and goes to a worker, whose exact p replaces it a moment later: every view that reads the
// analysis follows through `useExactPVersion`. Without workers (tests, old browsers) every p is
// computed on the spot, as before.

/** Main-thread time an analysis pass may spend on exact enumerations. */
export const QUICK_PASS_MS = 250;

let worker: Worker | null = null;
let failed = false;
let version = 0;
const listeners = new Set<() => void>();
const inFlight = new Map<string, RankTable>();
let batch: RankTable[] = [];

function changed(): void {
  version++;
  for (const listener of listeners) listener();
}

/** The worker could not start or broke: the Monte Carlo p-values stay, as final ones. */
function giveUp(): void {
  failed = true;
  worker = null;
  for (const table of inFlight.values()) rememberExactP(table, null);
  inFlight.clear();
  changed();
}

function startWorker(): Worker | null {
  if (worker || failed) return worker;
  try {
    worker = new Worker(new URL('./exactPValuesWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    giveUp();
    return null;
  }
  worker.onmessage = (event: MessageEvent<{ table: RankTable; p: number | null }>) => {
    inFlight.delete(tableKey(event.data.table));
    rememberExactP(event.data.table, event.data.p);
    changed();
  };
  worker.onerror = giveUp;
  return worker;
}

function defer(table: RankTable): void {
  const key = tableKey(table);
  if (inFlight.has(key)) return;
  inFlight.set(key, table);
  batch.push(table);
  // One message for the tables of one pass, sent when the pass is over.
  if (batch.length === 1) {
    queueMicrotask(() => {
      const tables = batch;
      batch = [];
      const target = startWorker();
      if (target) target.postMessage(tables);
      else for (const t of tables) rememberExactP(t, null);
    });
  }
}

const hasWorkers = typeof Worker !== 'undefined';
if (hasWorkers) installExactDeferral(defer);

/** Runs an analysis as a quick pass: slow exact p-values go to the worker. */
export function analyseQuickly<T>(run: () => T): T {
  if (!hasWorkers || failed) return run();
  const end = beginQuickPass(QUICK_PASS_MS, () => performance.now());
  try {
    return run();
  } finally {
    end();
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes each time an exact p arrives from the worker: a dependency of the analysis. */
export function useExactPVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
