/**
 * Where the API's CPU goes: starts the API as the benchmark does, under `node --cpu-prof`, loads
 * the given paths with autocannon, then stops it gracefully so V8 writes the profile.
 *   pnpm --filter @portal/api bench:profile [/health /me /invoices /auth/login]
 * `/auth/login` is a sign-in flood: failed attempts, each for another e-mail (what bench/flood.ts
 * sends), most of them over the instance's budget of password hashes.
 * BENCH_PROFILE_DIR (default /tmp/portal-profile) receives the .cpuprofile; a top list prints.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { bearerFor, createDatabase, PORTS, startApi } from './harness';
import { seedLarge } from './seed-large';

/** CPU µs per thread of a process (name → µs), from /proc: the profile shows the main thread only. */
function threadCpu(pid: number): Map<string, number> {
  const result = new Map<string, number>();
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const micros = (Number(fields[11]) + Number(fields[12])) * 10_000;
      result.set(`${name}#${task}`, micros);
    } catch {
      // the thread ended
    }
  }
  return result;
}

const dir = process.env.BENCH_PROFILE_DIR ?? '/tmp/portal-profile';
const paths = process.argv.slice(2).filter((arg) => arg.startsWith('/'));
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
mkdirSync(dir, { recursive: true });

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

interface Profile {
  nodes: Node[];
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function over the samples of the load alone (`fromEndMs`…`toEndMs` before the profile's end). */
function topSelf(file: string, fromEndMs: number, toEndMs: number, limit = 40) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const hitsOf = new Map<number, number>();
  let at = profile.endTime - profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
  for (const [index, id] of profile.samples.entries()) {
    at += profile.timeDeltas[index] ?? 0;
    const beforeEndMs = (profile.endTime - at) / 1000;
    if (beforeEndMs <= fromEndMs && beforeEndMs >= toEndMs) hitsOf.set(id, (hitsOf.get(id) ?? 0) + 1);
  }
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    node.hitCount = hitsOf.get(node.id) ?? 0;
    total += node.hitCount;
    const where = node.callFrame.url
      .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
      .replace(/^file:\/\/.*\/apps\/api\//, '');
    const key = `${node.callFrame.functionName || '(anon)'} ${where}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + node.hitCount);
  }
  const byPackage = new Map<string, number>();
  for (const [key, hits] of self) {
    const where = key.split(' ')[1] ?? '';
    const pkg = where.startsWith('src/')
      ? (where.split(':')[0] ?? where)
      : where
          .split('/')
          .slice(0, where.startsWith('@') ? 2 : 1)
          .join('/') ||
        key.split(' ')[0] ||
        '?';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
  }
  const print = (title: string, entries: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [key, hits] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
      console.log(`${((hits / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
    }
  };
  print('self time by function', self);
  // Inclusive time: a function's samples with it anywhere on the stack (counted once per sample).
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const node of profile.nodes) {
    if (!node.hitCount) continue;
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parentOf.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (!frame) break;
      const where = frame.url
        .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
        .replace(/^file:\/\/.*\/apps\/api\//, '');
      seen.add(`${frame.functionName || '(anon)'} ${where}:${frame.lineNumber + 1}`);
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + node.hitCount);
  }
  print('inclusive time by function', inclusive);
  print('self time by package/file', byPackage);
}

const database = await createDatabase('bench_profile');
try {
  await seedLarge(database.url, { customers: 4, invoices: 100, tickets: 40 }, () => {});
  const api = await startApi(
    PORTS.scale,
    database.url,
    process.env.SESSION_CACHE_SECONDS ? { SESSION_CACHE_SECONDS: process.env.SESSION_CACHE_SECONDS } : {},
    ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  );
  const before = new Set(readdirSync(dir));
  const authorization = await bearerFor(PORTS.scale, 'bulk-1@example.com');
  let attempt = 0;
  const load = (route: string): autocannon.Options =>
    route === '/auth/login'
      ? {
          url: `http://127.0.0.1:${PORTS.scale}/api/v1${route}`,
          requests: [
            {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              setupRequest: (request) => ({
                ...request,
                body: JSON.stringify({ email: `flood-${attempt++}@example.com`, password: 'not the password' }),
              }),
            },
          ],
        }
      : { url: `http://127.0.0.1:${PORTS.scale}/api/v1${route}`, headers: { authorization } };
  // Warm-up (JIT, lazily compiled serializers, pool), then the measured load.
  for (const route of paths.length ? paths : ['/health', '/me', '/invoices']) {
    await autocannon({ ...load(route), duration: 2 });
  }
  const loadStarted = Date.now();
  for (const route of paths.length ? paths : ['/health', '/me', '/invoices']) {
    const cpuBefore = threadCpu(api.child.pid ?? 0);
    const result = await autocannon({ ...load(route), connections: 20, duration: seconds });
    console.log(
      `${route}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
    );
    const answered = result.requests.total;
    for (const [thread, micros] of threadCpu(api.child.pid ?? 0)) {
      const used = micros - (cpuBefore.get(thread) ?? 0);
      if (used > 0) console.log(`  thread ${thread}: ${Math.round(used / answered)} µs CPU/request`);
    }
  }
  const loadEnded = Date.now();
  api.child.kill('SIGINT');
  await api.exited;
  const exited = Date.now();
  const written = readdirSync(dir).filter((name) => !before.has(name) && name.endsWith('.cpuprofile'));
  for (const name of written) {
    console.log(`\nprofile: ${path.join(dir, name)}`);
    topSelf(path.join(dir, name), exited - loadStarted, exited - loadEnded);
  }
} finally {
  await database.drop();
}
