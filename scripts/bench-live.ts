// Load benchmark of a live session: `npm run bench:live` (docs/live-sessions.md "Load").
// 200 simulated participants, each with its own HocuspocusProvider and WebSocket (the provider
// the app uses), join one session and submit a response sealed to the director; a director's
// provider receives, decrypts and deduplicates them by response id. Two relay processes, started
// as `npm run relay` starts them (`tsx relay/src/main.ts`), share one throw-away redis-server
// (no persistence, loopback); phones alternate between them, the director is on the first. Two
// scenarios: all 200 at once, and spread over 10 s (seeded random moments). Loopback only,
// bounded in time. The 201 clients share this process, so each phone's share of the CPU is far
// smaller than a real phone's (a conservative set-up).
//
// Every phone here connects from 127.0.0.1, so the relays run with the per-address limits
// raised (PER_ADDRESS_ENV, printed in the header); every other limit is at its default.
// Target (issue 12): every response on the director's device within 1 s of its submission.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createRandom, type Random } from '../src/domain/demo/random';
import { copyDefaultInstrument } from '../src/domain/instrument/defaultInstrument';
import {
  addResponseEnvelope,
  buildSessionDefinition,
  createResponseOpener,
  createResponseSealer,
  createSessionCipher,
  getResponsesMap,
  makeDirectorSecret,
  makeDirectorToken,
  makeRecipientKeyPair,
  makeRecordId,
  makeSessionId,
  makeSessionKey,
  openResponse,
  PHONE_TOKEN,
  sealDefinition,
  sealRecipientKey,
  sealResponse,
  selectCryptoBackend,
  writeDefinitionEnvelope,
  type SessionCipher,
} from '../src/domain/live';
import type { Answer, Scan, SubmittedResponse } from '../src/domain/types';
import { connectNodeClient, waitUntil, type NodeClient } from '../relay/src/nodeClient';

const PARTICIPANTS = 200;
/** 200 phones on one loopback address stand for 200 devices: the per-address limits are raised. */
const PER_ADDRESS_ENV = {
  RELAY_MAX_CONNECTIONS_PER_ADDRESS: '1000',
  RELAY_MAX_RECORDS_PER_ADDRESS: '1000',
  RELAY_MAX_RECORD_BYTES_PER_ADDRESS: String(8 * 1024 * 1024),
};
const REDIS_SERVER = '/usr/bin/redis-server';
const SPREAD_MS = 10_000;
const TARGET_MS = 1000;
const ARRIVAL_TIMEOUT_MS = 30_000;

const SCAN: Scan = {
  id: '6c2d9a1e-3b4f-4c5d-8e6f-7a8b9c0d1e2f',
  title: 'Bench live session',
  date: '2026-11-30',
  settings: { minGroupSize: 3, gapThreshold: 1, askLevel: true },
  instrument: copyDefaultInstrument(),
  organisations: ['Politie', 'Gemeente', 'Jeugdbescherming', 'Veiligheidshuis', 'Parlan'].map((name) => ({ id: name.toLowerCase(), name })),
  status: 'open',
  isDemo: false,
  createdAt: '2026-11-30T08:00:00.000Z',
};

function makeResponse(random: Random, index: number): SubmittedResponse {
  const answers: Record<string, Answer> = {};
  for (const item of SCAN.instrument.items) answers[item.id] = random() < 0.08 ? 'dk' : ((1 + Math.floor(random() * 5)) as 1 | 2 | 3 | 4 | 5);
  const hex = index.toString(16).padStart(12, '0');
  return {
    id: `0b5e1c2d-4a3f-4e6d-9c8b-${hex}`,
    scanId: SCAN.id,
    organisationId: SCAN.organisations[index % SCAN.organisations.length]!.id,
    level: 'uitvoering',
    answers,
    comments: index % 3 === 0 ? { q01: 'Goede afspraken, maar informatie komt laat.' } : {},
    keywords: ['betrokken'],
    improvement: index % 2 === 0 ? 'Eerder samen plannen.' : '',
    startedAt: '2026-11-30T09:00:00.000Z',
    submittedAt: '2026-11-30T09:05:00.000Z',
    status: 'submitted',
    position: 0,
  };
}

interface ScenarioResult {
  label: string;
  /** 1-minute load average when the scenario ended. */
  load: number;
  /** Mean time to seal one response in this process (not part of submit→arrival). */
  sealMs: number;
  /** CPU time of this process (the 201 clients) per wall time, submit to last arrival. */
  clientCpu: number;
  arrived: number;
  duplicates: number;
  medianMs: number;
  p95Ms: number;
  worstMs: number;
  lastArrivalMs: number;
  afterLastSubmitMs: number;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

async function runScenario(urls: readonly [string, string], label: string, offsets: readonly number[]): Promise<ScenarioResult> {
  const [url] = urls;
  const sessionId = makeSessionId();
  const made = createSessionCipher(sessionId, makeSessionKey());
  if (!made.ok) throw new Error(made.error);
  const cipher: SessionCipher = made.value;
  // As in the app: phones seal to the director's public key, only the director opens.
  const recipient = makeRecipientKeyPair();
  const sealerMade = createResponseSealer(sessionId, recipient.publicKey);
  const openerMade = createResponseOpener(sessionId, recipient.secretKey);
  if (!sealerMade.ok || !openerMade.ok) throw new Error('key pair unusable');
  const sealer = sealerMade.value;
  const opener = openerMade.value;
  const clients: NodeClient[] = [];
  try {
    const director = connectNodeClient(url, sessionId, makeDirectorToken(makeDirectorSecret()));
    clients.push(director);
    await withDeadline(director.synced, 10_000, 'director synced');
    writeDefinitionEnvelope(director.doc, await sealDefinition(cipher, buildSessionDefinition(SCAN, new Date())), await sealRecipientKey(cipher, recipient.publicKey));

    // The director's side: every new record is decrypted and counted once per response id.
    const arrivals = new Map<string, number>();
    let duplicates = 0;
    const seenRecords = new Set<string>();
    const lookup = (id: string) => (id === SCAN.id ? SCAN : undefined);
    getResponsesMap(director.doc).observe((event: Y.YMapEvent<unknown>) => {
      for (const recordId of event.keysChanged) {
        if (seenRecords.has(recordId)) continue;
        seenRecords.add(recordId);
        const envelope = getResponsesMap(director.doc).get(recordId);
        void openResponse(opener, recordId, envelope, lookup).then((opened) => {
          if (!opened.ok) throw new Error(`Undecryptable record: ${JSON.stringify(opened.error)}`);
          if (arrivals.has(opened.responseId)) duplicates += 1;
          else arrivals.set(opened.responseId, performance.now());
        });
      }
    });

    // Alternating between the relays: half the phones reach the director through Redis.
    const phones = Array.from({ length: PARTICIPANTS }, (_, i) => connectNodeClient(urls[i % 2]!, sessionId, PHONE_TOKEN));
    clients.push(...phones);
    await withDeadline(Promise.all(phones.map((p) => p.synced)), 60_000, 'phones synced');
    await waitUntil(() => phones.every((p) => p.doc.getMap('meta').has('definition')), 30_000, 'definition on every phone');

    const random = createRandom(label.length * 7919);
    const responses = phones.map((_, i) => makeResponse(random, i));
    // Each phone seals its response on its own CPU when it submits (a few ms). Here all 200 share
    // one thread, where 200 seals in a row would be counted as waiting for the relay: they are
    // sealed before the clock starts, and the time one seal takes is printed apart.
    const sealStart = performance.now();
    const sealed: { recordId: string; envelope: Uint8Array }[] = [];
    for (const response of responses) {
      const recordId = makeRecordId();
      sealed.push({ recordId, envelope: await sealResponse(sealer, recordId, SCAN, response) });
    }
    const sealMs = (performance.now() - sealStart) / responses.length;
    const submitted = new Map<string, number>();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await Promise.all(
      phones.map(async (phone, i) => {
        await new Promise((resolve) => setTimeout(resolve, offsets[i] ?? 0));
        submitted.set(responses[i]!.id, performance.now());
        const result = addResponseEnvelope(phone.doc, sealed[i]!.recordId, sealed[i]!.envelope);
        if (result !== 'added') throw new Error(result);
      }),
    );
    const lastSubmit = Math.max(...submitted.values());
    await waitUntil(() => arrivals.size >= PARTICIPANTS, ARRIVAL_TIMEOUT_MS, `all ${PARTICIPANTS} responses (have ${arrivals.size})`);
    const cpu = process.cpuUsage(cpuStart);
    // How busy the clients' own thread was until the last arrival: near 100 % means the 201
    // clients in this process, not the relays, set the pace.
    const clientCpu = (cpu.user + cpu.system) / 1000 / (performance.now() - start);
    // A short look for late duplicates after the last arrival.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const latencies = [...submitted].map(([id, at]) => (arrivals.get(id) ?? NaN) - at);
    const lastArrival = Math.max(...arrivals.values());
    return {
      label,
      sealMs,
      clientCpu,
      load: os.loadavg()[0] ?? NaN,
      arrived: arrivals.size,
      duplicates,
      medianMs: quantile(latencies, 0.5),
      p95Ms: quantile(latencies, 0.95),
      worstMs: Math.max(...latencies),
      lastArrivalMs: lastArrival - start,
      afterLastSubmitMs: lastArrival - lastSubmit,
    };
  } finally {
    for (const client of clients) client.destroy();
  }
}

async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Timed out: ${what}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

function printTable(rows: readonly ScenarioResult[]): void {
  const header = ['scenario', 'arrived', 'duplicates', 'median ms', 'p95 ms', 'worst ms', 'last arrival ms', 'after last submit ms', 'load (1 min)', 'seal ms', 'client CPU'];
  const lines = rows.map((r) => [
    r.label,
    `${r.arrived}/${PARTICIPANTS}`,
    String(r.duplicates),
    r.medianMs.toFixed(1),
    r.p95Ms.toFixed(1),
    r.worstMs.toFixed(1),
    r.lastArrivalMs.toFixed(0),
    r.afterLastSubmitMs.toFixed(1),
    r.load.toFixed(1),
    r.sealMs.toFixed(1),
    `${(r.clientCpu * 100).toFixed(0)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const format = (cells: readonly string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

/** A free loopback port, picked by the system, so the bench never meets someone else's server. */
async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

interface RunningProcess {
  child: ChildProcess;
  output: () => string;
}

interface RelayProcess extends RunningProcess {
  url: string;
}

/** Starts a process and waits (bounded) until its output says it is ready. */
async function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, ready: string, what: string): Promise<RunningProcess> {
  const child = spawn(command, args, { cwd: join(import.meta.dirname, '..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} did not start within 30 s:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(ready)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${what} exited with ${code}:\n${output}`));
      });
    });
  } catch (error) {
    await stopProcess({ child, output: () => output });
    throw error;
  }
  return { child, output: () => output };
}

async function startRedis(port: number): Promise<RunningProcess> {
  if (!existsSync(REDIS_SERVER)) throw new Error(`${REDIS_SERVER} is missing: install Debian's redis-server (apt-get install -y redis-server).`);
  // No persistence: a throw-away Redis for this run only, on loopback.
  return startProcess(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], process.env, 'Ready to accept connections', 'redis-server');
}

async function startRelayProcess(dataDir: string, redisUrl: string): Promise<RelayProcess> {
  const port = await findFreePort();
  const tsx = join(import.meta.dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const env = { ...process.env, RELAY_PORT: String(port), RELAY_HOST: '127.0.0.1', RELAY_DATA_DIR: dataDir, REDIS_URL: redisUrl, ...PER_ADDRESS_ENV };
  const running = await startProcess(process.execPath, [tsx, 'relay/src/main.ts'], env, 'Ketenscan relay listening on', `relay on ${port}`);
  return { ...running, url: `ws://127.0.0.1:${port}` };
}

async function stopProcess(running: RunningProcess): Promise<void> {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => running.child.once('exit', () => resolve()));
  running.child.kill('SIGTERM');
  const timer = setTimeout(() => running.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(os.tmpdir(), 'ketenscan-bench-live-'));
  const redisPort = await findFreePort();
  const started: RunningProcess[] = [];
  const relays: RelayProcess[] = [];
  const rows: ScenarioResult[] = [];
  try {
    started.push(await startRedis(redisPort));
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    // Both relays share the data folder, as they would share a volume (docs/live-sessions.md).
    relays.push(...(await Promise.all([startRelayProcess(dataDir, redisUrl), startRelayProcess(dataDir, redisUrl)])));
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    // Loopback latency here is mostly CPU time: on a shared machine the load average says how
    // much of it this run had.
    const load = os.loadavg().map((value) => value.toFixed(1)).join(' / ');
    console.log(`live session benchmark — node ${process.version}, ${os.cpus().length} × ${cpu}, load average ${load}`);
    console.log(`${PARTICIPANTS} phones (HocuspocusProvider + ws) and 1 director in this process; relay processes at ${relays.map((r) => r.url).join(' and ')} sharing redis-server on 127.0.0.1:${redisPort}; AES-GCM via ${selectCryptoBackend().name}`);
    console.log(`phones alternate between the relays, the director is on the first; all phones come from 127.0.0.1, so the per-address limits are raised: ${Object.entries(PER_ADDRESS_ENV).map(([k, v]) => `${k}=${v}`).join(' ')} (every other limit at its default)\n`);
    const urls: [string, string] = [relays[0]!.url, relays[1]!.url];
    const random = createRandom(12);
    rows.push(await runScenario(urls, 'all at once', Array.from({ length: PARTICIPANTS }, () => 0)));
    rows.push(await runScenario(urls, `spread over ${SPREAD_MS / 1000} s`, Array.from({ length: PARTICIPANTS }, () => Math.floor(random() * SPREAD_MS))));
  } finally {
    // Relays first (they store on SIGTERM), Redis last.
    for (const relay of relays) await stopProcess(relay);
    for (const running of started) await stopProcess(running);
    await rm(dataDir, { recursive: true, force: true });
  }
  printTable(rows);
  const refusals = relays.flatMap((relay) => relay.output().split('\n').filter((line) => line.includes('refused')));
  const allArrived = rows.every((r) => r.arrived === PARTICIPANTS && r.duplicates === 0);
  const worst = Math.max(...rows.map((r) => r.worstMs));
  console.log(`\nrelay refusals: ${refusals.length}${refusals.length > 0 ? ` (${refusals.slice(0, 3).join('; ')})` : ''}`);
  console.log(`all ${PARTICIPANTS} arrived exactly once in every scenario: ${allArrived ? 'yes' : 'NO'}`);
  console.log(`worst submit→arrival ${worst.toFixed(1)} ms — target < ${TARGET_MS} ms ${worst < TARGET_MS ? 'MET' : 'NOT MET'}`);
  if (!allArrived || refusals.length > 0) process.exitCode = 1;
}

await main();
