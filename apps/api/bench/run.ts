/**
 * The API benchmarks (never part of the test suite): `pnpm --filter @portal/api bench`.
 * Every figure is measured in this run against real PostgreSQL and set against a baseline of
 * the same run: a bare Fastify route as the ceiling (and the same route in the envelope every
 * API answer carries; for `/invoices` also one raw pg trip of its SQL), the invoice list at 100
 * invoices for the list at 100,000, and each route alone for the same route during a sign-in
 * flood (and beside a busy loop in idle time, what such work costs on this machine at all). The
 * API runs as built (`dist/server.js`), with the production image's NODE_OPTIONS.
 * BENCH_DATABASE_URL (server), BENCH_SECONDS (per round, 2), BENCH_ROUNDS (7, alternating; the median counts) and
 * BENCH_CONNECTIONS (20) and BENCH_FLOOD_RATE (1,000 sign-in attempts/s) tune it. Each figure also carries the server process's CPU time per request,
 * read from /proc before and after its round: steadier than throughput on a shared machine.
 * BENCH_PARTS (`ratios,cache,lists,flood`, all by default) runs some of the parts only.
 * BENCH_SMOKE=1 (`bench:smoke`, part of `pnpm test`) runs every part once, briefly, on a small data
 * set: it proves the benchmark still completes, and its figures mean nothing.
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  bearerFor,
  compare,
  cpuShares,
  createDatabase,
  DURATION_SECONDS,
  type Figures,
  measure,
  median,
  PORTS,
  PRODUCTION_NODE_OPTIONS,
  pidOf,
  ROUNDS,
  registerServer,
  row,
  SERVER_URL,
  signInFlood,
  startApi,
  stop,
  TABLE_HEAD,
} from './harness';
import { seedLarge } from './seed-large';

const log = (line: string) => console.log(line);
/** Sign-in attempts per second of the paced floods (BENCH_FLOOD_RATE). */
const FLOOD_RATE = Number(process.env.BENCH_FLOOD_RATE ?? 1_000);
const cleanups: Array<() => Promise<void> | void> = [];
/** The parts of the run that BENCH_PARTS names (every part without it). */
const SMOKE = process.env.BENCH_SMOKE === '1';
const WARM_UP_SECONDS = SMOKE ? 1 : 3;
/** The large data set: 1,000 customers' 100,000 invoices (a small one in the smoke run). */
const LARGE = SMOKE
  ? { customers: 20, invoices: 2_000, tickets: 200 }
  : { customers: 1_000, invoices: 100_000, tickets: 10_000 };
const parts = new Set((process.env.BENCH_PARTS ?? 'ratios,cache,lists,flood').split(',').map((part) => part.trim()));

/** A ceiling of bench/bare-server.ts: the bare route, the same in the API's envelope, or one raw pg trip. */
async function startBare(port: number, variant: 'bare' | 'envelope' | 'raw-pg', databaseUrl = '') {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./bare-server.ts', import.meta.url)), String(port), variant],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: PRODUCTION_NODE_OPTIONS, DATABASE_URL: databaseUrl },
    },
  );
  cleanups.push(() => void child.kill('SIGKILL'));
  registerServer(port, child.pid);
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
}

async function main() {
  log(
    `# API benchmarks — ${new Date().toISOString()}${SMOKE ? ' — smoke run: it must complete, its figures mean nothing' : ''}`,
  );
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; client, API and PostgreSQL share them`);
  log(`PostgreSQL: ${SERVER_URL.replace(/\/\/[^@]*@/, '//')}; ${DURATION_SECONDS} s per scenario\n`);

  // 4 customers × 25 invoices = 100 invoices in the database; 1,000 × 100 = 100,000.
  const small = await createDatabase('bench_small');
  cleanups.push(() => small.drop());
  const large = await createDatabase('bench_large');
  cleanups.push(() => large.drop());
  log('seeding the databases:');
  await seedLarge(small.url, { customers: 4, invoices: 100, tickets: 40 }, log);
  await seedLarge(large.url, LARGE, log);

  await startBare(PORTS.bare, 'bare');
  await startBare(PORTS.envelope, 'envelope');
  await startBare(PORTS.rawPg, 'raw-pg', small.url);
  const apiSmall = await startApi(PORTS.small, small.url);
  cleanups.push(() => stop(apiSmall));
  const apiLarge = await startApi(PORTS.large, large.url);
  cleanups.push(() => stop(apiLarge));
  const smallAuth = await bearerFor(PORTS.small, 'bulk-1@example.com');
  const largeAuth = await bearerFor(PORTS.large, 'bulk-1@example.com');
  const get = (port: number, path: string, authorization: string) => ({
    url: `http://127.0.0.1:${port}${path}`,
    headers: { authorization },
  });

  // Warm-up: JIT, pool connections, PostgreSQL's caches — every route measured, on both
  // instances (a route first answered during its measured rounds would be compiled there).
  for (const [port, auth] of [
    [PORTS.small, smallAuth],
    [PORTS.large, largeAuth],
  ] as const) {
    for (const path of ['/me', '/invoices', '/tickets', '/products']) {
      await measure('warm-up', { ...get(port, `/api/v1${path}`, auth), duration: WARM_UP_SECONDS });
    }
  }
  for (const port of [PORTS.bare, PORTS.envelope]) {
    await measure('warm-up', { url: `http://127.0.0.1:${port}/hello`, duration: WARM_UP_SECONDS });
  }
  await measure('warm-up', { url: `http://127.0.0.1:${PORTS.rawPg}/page`, duration: WARM_UP_SECONDS });

  const results: string[] = [];
  const at = (port: number, path: string, auth: string) => get(port, `/api/v1${path}`, auth);
  if (parts.has('ratios')) await ratios();
  if (parts.has('cache')) await cache();
  if (parts.has('lists')) await lists();
  if (parts.has('flood')) await floods();
  log(`\n${TABLE_HEAD}\n${results.join('\n')}`);

  async function ratios() {
    const [bare, envelope, live, ready, me, list100, rawPage] = (await compare([
      { label: 'bare Fastify GET /hello', options: { url: `http://127.0.0.1:${PORTS.bare}/hello` } },
      {
        label: 'the same in the API answer’s envelope (logger, request id, security headers)',
        options: { url: `http://127.0.0.1:${PORTS.envelope}/hello` },
      },
      { label: 'GET /health (all plugins, no database)', options: at(PORTS.small, '/health', smallAuth) },
      { label: 'GET /health/ready (one `select 1`)', options: at(PORTS.small, '/health/ready', smallAuth) },
      { label: 'GET /me', options: at(PORTS.small, '/me', smallAuth) },
      { label: 'GET /invoices (25 rows), 100 in the database', options: at(PORTS.small, '/invoices', smallAuth) },
      {
        label: 'one raw pg trip: the same page’s SQL through pg alone, rows as JSON',
        options: { url: `http://127.0.0.1:${PORTS.rawPg}/page` },
      },
    ])) as [Figures, Figures, Figures, Figures, Figures, Figures, Figures];
    results.push(
      row(bare),
      row(envelope, bare),
      row(live, bare),
      row(ready, bare),
      row(me, bare, '≥ 0.5×, ≤ 60 µs CPU'),
      row(list100, bare, '≥ 0.12×, p99 ≤ 50 ms'),
      row(rawPage, bare),
      row({ ...list100, label: 'GET /invoices against the raw pg trip of its query' }, rawPage),
    );
  }

  async function cache() {
    // What the session cache (ADR 0025-d) brings: the same route on an instance without it.
    const uncached = await startApi(PORTS.scale, small.url, { SESSION_CACHE_SECONDS: '0' });
    const uncachedAuth = await bearerFor(PORTS.scale, 'bulk-3@example.com');
    const [meCached, meUncached] = (await compare([
      { label: 'GET /me, session cache on', options: at(PORTS.small, '/me', smallAuth) },
      { label: 'GET /me, session cache off', options: at(PORTS.scale, '/me', uncachedAuth) },
    ])) as [Figures, Figures];
    stop(uncached);
    await uncached.exited;
    results.push(row(meUncached), row(meCached, meUncached));
  }

  async function lists() {
    for (const path of ['/invoices', '/tickets', '/products']) {
      const [a, b] = (await compare([
        { label: `GET ${path}: 100 invoices, 40 tickets`, options: at(PORTS.small, path, smallAuth) },
        {
          label: `GET ${path}: ${LARGE.invoices.toLocaleString('en')} invoices, ${LARGE.tickets.toLocaleString('en')} tickets`,
          options: at(PORTS.large, path, largeAuth),
        },
      ])) as [Figures, Figures];
      results.push(row(a), row(b, a, '≥ 0.77× (within 1.3×)'));
    }
  }

  async function floods() {
    // Other routes during a sign-in flood: alone and beside the flood, in alternating rounds. The
    // flood comes from a process of its own, at FLOOD_RATE attempts per second (open loop: what an
    // attacker's bandwidth allows, whatever the answers) or unbounded (closed loop, 50 connections
    // as fast as they are answered: the route then gets the event loop's share of its 20
    // connections among 70, however cheap a refusal is — a bound of the method, told beside it).
    const floodRounds = async (port: number, path: string, auth: string, label: string, rate?: number) => {
      const alone: Figures[] = [];
      const during: Figures[] = [];
      const pace = rate ? `, ${rate.toLocaleString('en')} attempts/s` : ', unbounded';
      // Where the CPU went, in ms per second: the API's main thread, its other threads (hashing),
      // the machine's idle time over all cores (ADR 0029-e).
      const cpu = (shares: Awaited<ReturnType<typeof cpuShares>>['shares']) =>
        shares
          ? `API main thread ${shares.apiMain}, its other threads ${shares.apiOtherThreads}, machine idle ${shares.machineIdle} ms/s`
          : 'no /proc';
      for (let round = 0; round < ROUNDS; round++) {
        const quiet = await cpuShares(pidOf(port), () => measure(`GET ${path} alone${label}`, at(port, path, auth)));
        alone.push(quiet.result);
        const flood = signInFlood(port, DURATION_SECONDS + 2, rate);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const busy = await cpuShares(pidOf(port), () =>
          measure(`GET ${path} during a sign-in flood${pace}${label}`, at(port, path, auth)),
        );
        during.push(busy.result);
        const result = await flood;
        log(
          `  flood${pace} beside ${path}${label}: ${Math.round(result.average)} sign-ins/s, ${result.non2xx} refused; its client used ${result.cpuMsPerSecond} ms CPU/s of the shared cores`,
        );
        log(`    alone: ${cpu(quiet.shares)}; during: ${cpu(busy.shares)}`);
      }
      results.push(row(median(alone)), row(median(during), median(alone), '≥ 0.8×'));
    };
    // Worst case: a flood from many addresses (the per-address limit lifted), every attempt hashed
    // as far as the hashing budget allows.
    await floodRounds(PORTS.small, '/me', smallAuth, '', FLOOD_RATE);
    await floodRounds(PORTS.small, '/invoices', smallAuth, '', FLOOD_RATE);
    await floodRounds(PORTS.small, '/me', smallAuth, '');
    // A flood from one address under the production limit (10/min): refused before any hash.
    const limited = await startApi(PORTS.scale, small.url, { LOGIN_RATE_LIMIT_PER_MINUTE: '10' });
    cleanups.push(() => stop(limited));
    // Signed in through the unlimited instance: the counters are shared, the floods above count.
    const limitedAuth = await bearerFor(PORTS.small, 'bulk-2@example.com');
    await floodRounds(PORTS.scale, '/me', limitedAuth, ', one address, limit 10/min', FLOOD_RATE);
    await idleTimeCost();
  }

  /**
   * What work in the machine's idle time costs the API here, whatever the work: `/me` alone and
   * beside a busy loop under SCHED_IDLE (which runs only when no other thread wants a CPU, as the
   * flood's hashes do, ADR 0029-e), in alternating rounds. Where two cores are not independent (a
   * virtual machine's), this bounds what any flood that is hashed at all can leave the API.
   */
  async function idleTimeCost() {
    const alone: Figures[] = [];
    const beside: Figures[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      alone.push(await measure('GET /me alone', at(PORTS.small, '/me', smallAuth)));
      const spinner = spawn('chrt', ['--idle', '0', process.execPath, '-e', 'for (;;);'], { stdio: 'ignore' });
      cleanups.push(() => void spinner.kill('SIGKILL'));
      const started = await new Promise<boolean>((resolve) => {
        spinner.once('spawn', () => resolve(true)).once('error', () => resolve(false));
      });
      if (!started) {
        // Not Linux, or no util-linux: no SCHED_IDLE to measure (the flood's hashes then run at nice +10).
        log('  /me beside a busy loop under SCHED_IDLE: skipped, `chrt` could not be started');
        return;
      }
      beside.push(await measure('GET /me beside a busy loop under SCHED_IDLE', at(PORTS.small, '/me', smallAuth)));
      spinner.kill('SIGKILL');
    }
    results.push(row(median(alone)), row(median(beside), median(alone)));
  }
}

if (SMOKE && !process.env.BENCH_DATABASE_URL) {
  // `pnpm test` without a PostgreSQL server (the route tests then run on PGlite): nothing to run against.
  log('bench:smoke skipped: no PostgreSQL server named (TEST_DATABASE_URL or BENCH_DATABASE_URL)');
  process.exit(0);
}
try {
  await main();
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
}
