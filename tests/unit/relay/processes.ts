import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HOST } from './helpers';

// Real relay processes (`tsx relay/src/main.ts`, as `npm run relay` starts it) and a real
// redis-server, for the scale-out test. Every wait is bounded; every process is stopped by its
// own handle, never by name.

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX_CLI = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
export const REDIS_SERVER = '/usr/bin/redis-server';

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, readyPattern: RegExp, what: string, timeoutMs: number): Promise<RunningProcess> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const running: RunningProcess = {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void running.stop();
      reject(new Error(`${what} did not start within ${timeoutMs} ms. Output:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (readyPattern.test(output)) {
        clearTimeout(timer);
        resolve(running);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code} before it was ready. Output:\n${output}`));
    });
  });
}

export async function startRedis(port: number): Promise<RunningProcess> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`${REDIS_SERVER} is missing: install Debian's redis-server (apt-get install -y redis-server); .ci/run does this.`);
  }
  // No persistence: a throw-away Redis for this test only, on loopback.
  return startProcess(REDIS_SERVER, ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no'], process.env, /Ready to accept connections/, 'redis-server', 10_000);
}

export async function startRelayProcess(port: number, dataDir: string, redisUrl: string): Promise<RunningProcess> {
  const env = { ...process.env, RELAY_PORT: String(port), RELAY_HOST: HOST, RELAY_DATA_DIR: dataDir, REDIS_URL: redisUrl };
  return startProcess(process.execPath, [TSX_CLI, 'relay/src/main.ts'], env, /Ketenscan relay listening on/, `relay on ${port}`, 30_000);
}

/** Runs `tsx relay/src/main.ts` with extra environment until it exits (bounded): its exit code and output. */
export function runRelayProcessToExit(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [TSX_CLI, 'relay/src/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`relay did not exit within ${timeoutMs} ms. Output:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
