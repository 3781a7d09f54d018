import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { type ApiProcess, runApi, waitFor } from '../test/scale-out.helpers';
import { BULK_PASSWORD } from './seed-large';

/**
 * The options the production image starts node with (its `ENV NODE_OPTIONS` line, ADR 0030-a): the
 * API and the ceilings run with them, so a ratio compares what production runs.
 */
export const PRODUCTION_NODE_OPTIONS = (() => {
  const dockerfile = readFileSync(fileURLToPath(new URL('../../../docker/Dockerfile', import.meta.url)), 'utf8');
  const options = /^ENV NODE_OPTIONS="([^"]+)"$/m.exec(dockerfile)?.[1];
  if (!options)
    throw new Error('docker/Dockerfile sets no NODE_OPTIONS: the benchmark would not run what production runs');
  return options;
})();

/** The benchmarks' ports (4195–4201 are set aside for them). */
export const PORTS = {
  bare: 4195,
  small: 4196,
  large: 4197,
  scale: 4198,
  staff: 4199,
  envelope: 4200,
  rawPg: 4201,
} as const;

export const SERVER_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
/** Short rounds per figure, alternating between the scenarios compared; the median counts. */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

/** The server process behind each benchmark port, so a figure can carry that process's CPU time. */
const serverPids = new Map<number, number>();

export function registerServer(port: number, pid: number | undefined) {
  if (pid) serverPids.set(port, pid);
}

/** The process of the server registered on `port`. */
export function pidOf(port: number): number {
  const pid = serverPids.get(port);
  if (pid === undefined) throw new Error(`no server registered on ${port}`);
  return pid;
}

const clockTicksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * The CPU time (user + system) a process has used, in microseconds, from /proc: unlike
 * throughput it hardly moves with what else runs on the machine. Undefined where /proc is absent.
 */
export function cpuMicros(pid: number): number | undefined {
  return statCpuMicros(`/proc/${pid}/stat`);
}

/** The CPU time in a process's or thread's `stat` file (`/proc/<pid>/task/<tid>/stat`), in µs. */
function statCpuMicros(statFile: string): number | undefined {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / clockTicksPerSecond;
  } catch {
    return undefined;
  }
}

/**
 * Where the CPU went while `work` ran, in ms per second (from /proc): the API's main thread, its
 * other threads (password hashing, the garbage collector's helpers), and the machine's idle time
 * summed over its cores. Undefined where /proc is absent.
 */
export async function cpuShares<T>(pid: number, work: () => Promise<T>) {
  const threads = () => {
    let main = 0;
    let others = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const micros = statCpuMicros(`/proc/${pid}/task/${task}/stat`) ?? 0;
      if (task === String(pid)) main += micros;
      else others += micros;
    }
    return { main, others };
  };
  // The first line of /proc/stat: `cpu user nice system idle iowait …`, in clock ticks, all cores.
  const idle = () => {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.split(/\s+/) ?? [];
    return ((Number(fields[4]) + Number(fields[5])) * 1_000_000) / clockTicksPerSecond;
  };
  const reading = () => {
    try {
      return { ...threads(), idle: idle(), at: performance.now() };
    } catch {
      return undefined; // no /proc here
    }
  };
  const before = reading();
  const result = await work();
  const after = reading();
  if (!before || !after) return { result, shares: undefined };
  const perSecond = (micros: number) => Math.round(micros / (after.at - before.at));
  return {
    result,
    shares: {
      apiMain: perSecond(after.main - before.main),
      apiOtherThreads: perSecond(after.others - before.others),
      machineIdle: perSecond(after.idle - before.idle),
    },
  };
}

/** The round with the median throughput. */
export function median(rounds: Figures[]): Figures {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error('no rounds measured');
  return middle;
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A database of the benchmark's own on the server; `drop()` removes it again. */
export async function createDatabase(prefix: string) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  return {
    name,
    url: withDatabase(SERVER_URL, name),
    async drop() {
      const client = new pg.Client({ connectionString: SERVER_URL });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

/** The API as production runs it: its own process, PostgreSQL, limits set out of the way. */
export async function startApi(
  port: number,
  databaseUrl: string,
  extra: Record<string, string> = {},
  nodeArgs: string[] = [],
) {
  const env = {
    NODE_ENV: 'production',
    NODE_OPTIONS: PRODUCTION_NODE_OPTIONS,
    PROVIDER_CREDITOR_ID: 'DE13ZZZ00000012345',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'benchmark-secret-benchmark-secret-0123456789',
    MFA_ENCRYPTION_KEY: 'benchmark-mfa-key-3e5a7c9b1d2f4068ace1',
    // Request logs go to a pipe the benchmark drains; warn keeps them from measuring the logger.
    LOG_LEVEL: 'warn',
    MIGRATE_ON_START: 'false',
    WEB_DIST_DIR: '',
    // One client address sends everything here: lift the per-address limits off its path.
    GLOBAL_RATE_LIMIT_PER_MINUTE: '100000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000000',
    ...extra,
  };
  // What production runs: the bundle (`node build.mjs`, which the bench scripts run first). From
  // the sources, tsx keeps every function's name with a call per closure made: up to 8 µs more
  // per request than the bundle.
  const api = runApi('bundle', [], env, nodeArgs);
  registerServer(port, api.child.pid);
  await waitFor(
    `the API on ${port}`,
    async () => (await fetch(`http://127.0.0.1:${port}/api/v1/health/ready`)).ok,
    60_000,
  );
  return api;
}

export function stop(process: ApiProcess | undefined) {
  process?.child.kill('SIGKILL');
}

export async function bearerFor(port: number, email: string, password = BULK_PASSWORD) {
  const signIn = () =>
    fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, tokenDelivery: 'bearer' }),
    });
  let response = await signIn();
  // Right after a flood the hashing budget may be spent: a client waits as Retry-After says.
  for (let attempt = 0; response.status === 429 && attempt < 5; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
    response = await signIn();
  }
  if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  return `Bearer ${((await response.json()) as { accessToken: string }).accessToken}`;
}

export interface Figures {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The server process's CPU time per answered request, in µs (undefined without /proc). */
  cpuMicrosPerRequest: number | undefined;
}

export async function measure(
  label: string,
  options: autocannon.Options,
  { expectOk = true }: { expectOk?: boolean } = {},
): Promise<Figures> {
  const pid = serverPids.get(Number(new URL(String(options.url)).port));
  const cpuBefore = pid ? cpuMicros(pid) : undefined;
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_SECONDS, ...options });
  const cpuAfter = pid ? cpuMicros(pid) : undefined;
  const answered = result.requests.total;
  const figures = {
    label,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    cpuMicrosPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined && answered > 0
        ? Math.round((cpuAfter - cpuBefore) / answered)
        : undefined,
  };
  if (expectOk && (result.non2xx > 0 || result.errors > 0)) {
    throw new Error(`${label}: ${result.non2xx} non-2xx answers and ${result.errors} errors — not a valid figure`);
  }
  return figures;
}

/**
 * Several scenarios measured in short alternating rounds (A, B, A, B, …), each figure the median
 * of its rounds: a neighbour's burst of load then hits both sides alike instead of one.
 */
export async function compare(
  scenarios: Array<{ label: string; options: autocannon.Options }>,
  rounds = ROUNDS,
): Promise<Figures[]> {
  const measured: Figures[][] = scenarios.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, scenario] of scenarios.entries()) {
      measured[index]?.push(await measure(scenario.label, scenario.options));
    }
  }
  return measured.map(median);
}

/**
 * A flood of failed sign-ins from a process of its own (bench/flood.ts): at `rate` attempts per
 * second, or as fast as 50 connections are answered when no rate is given.
 */
export function signInFlood(port: number, seconds: number, rate?: number) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./flood.ts', import.meta.url)),
      String(port),
      String(seconds),
      String(rate ?? 0),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise<{ average: number; non2xx: number; total: number; cpuMsPerSecond: number }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(output));
      else reject(new Error(`the sign-in flood ended with ${code}`));
    });
  });
}

export function row(figures: Figures, baseline?: Figures, target?: string) {
  const ratio = baseline ? (figures.requestsPerSecond / baseline.requestsPerSecond).toFixed(2) : '';
  const cpu = figures.cpuMicrosPerRequest ?? '—';
  return `| ${figures.label} | ${figures.requestsPerSecond} | ${figures.p50} | ${figures.p99} | ${cpu} | ${ratio ? `${ratio}× ${baseline?.label}` : '—'} | ${target ?? ''} |`;
}

export const TABLE_HEAD =
  '| scenario | req/s | p50 ms | p99 ms | server CPU µs/request | ratio | target |\n| --- | ---: | ---: | ---: | ---: | --- | --- |';
