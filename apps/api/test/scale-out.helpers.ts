import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = fileURLToPath(new URL('..', import.meta.url));

export { type SinkMessage, startSmtpSink } from './smtp-sink.mjs';

export interface ApiProcess {
  child: ChildProcess;
  /** Every stdout line that parsed as JSON (pino's log records). */
  logs: Array<Record<string, unknown>>;
  output: string[];
  exited: Promise<number | null>;
}

/**
 * Runs an entry of the API from its TypeScript sources, the way `pnpm dev` and e2e do, or the
 * server as built for production (`bundle`: dist/server.js, which `node build.mjs` writes).
 */
export function runApi(
  entry: 'server' | 'cli' | 'bundle',
  args: string[],
  env: Record<string, string>,
  /** Options for node itself (the profiler's `--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs: string[] = [],
): ApiProcess {
  const file = { server: 'src/server.ts', cli: 'src/db/cli.ts', bundle: 'dist/server.js' }[entry];
  const loader = entry === 'bundle' ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, path.join(apiDir, file), ...args], {
    cwd: apiDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log record (a plain message of the CLI)
      }
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, logs, output, exited };
}

/** Throws with the instance's last output when it has exited: a crash reads as one, not as a refused connection. */
export function expectRunning(instance: ApiProcess): void {
  const { exitCode, signalCode } = instance.child;
  if (exitCode === null && signalCode === null) return;
  throw new Error(
    `the instance exited (code ${exitCode}, signal ${signalCode}):\n${instance.output.slice(-30).join('\n')}`,
  );
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

/** Ports free on 127.0.0.1 right now, so parallel runs on one machine never collide. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
