import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's PostgreSQL binaries; PG_BIN overrides. */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const privatePostgresAvailable = existsSync(path.join(PG_BIN, 'pg_ctl'));

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user. */
const asOwner = (tool: string, args: string[]) => {
  const binary = path.join(PG_BIN, tool);
  return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', binary, ...args]) : run(binary, args);
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address !== 'string' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A throwaway PostgreSQL cluster of this test alone, which it may stop and start at will
 * without disturbing the shared server other tests use.
 */
export async function startPrivatePostgres() {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  if (process.getuid?.() === 0) await run('chown', ['postgres', dir]);
  await asOwner('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const ctl = (...args: string[]) => asOwner('pg_ctl', ['-D', dataDir, '-w', '-t', '30', ...args]);
  const start = () => ctl('-o', options, '-l', path.join(dir, 'server.log'), 'start');
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    /** A fast shutdown: sessions are terminated, new connections refused. */
    stop: () => ctl('-m', 'fast', 'stop'),
    start,
    async destroy() {
      await ctl('-m', 'immediate', 'stop').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
