// Starts the built portal for the Playwright run on its own, freshly seeded database: a new
// database on the PostgreSQL server when TEST_DATABASE_URL is set (CI), else embedded PGlite.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startSmtpSink } from '../apps/api/test/smtp-sink.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// E2E_FROM_SOURCE=1 runs the API from its TypeScript sources (no API build needed while developing).
const fromSource = process.env.E2E_FROM_SOURCE === '1';
const node = (entry) =>
  fromSource
    ? ['node', ['--import', 'tsx', path.join(root, `apps/api/src/${entry === 'cli' ? 'db/cli' : entry}.ts`)]]
    : ['node', [path.join(root, `apps/api/dist/${entry}.js`)]];
const env = {
  ...process.env,
  PORT: process.env.E2E_PORT ?? '4173',
  HOST: '127.0.0.1',
  // `localhost`, not 127.0.0.1: WebAuthn takes the relying party from it, and an IP address is none.
  PUBLIC_URL: `http://localhost:${process.env.E2E_PORT ?? '4173'}`,
  WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? path.join(root, 'apps/web/dist'),
  LOG_LEVEL: 'warn',
  // Every journey signs in from 127.0.0.1; the throttling itself is tested in the API suite.
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  // Background work the journeys wait for (matching public cancellations) runs every second.
  JOBS_TICK_SECONDS: '1',
};
let cleanup = async () => {};

// The e-mails the portal sends (welcome links, resets) are delivered by its outbox to this SMTP
// catch-all and listed as JSON on E2E_PORT + 1 (`GET /mails?to=`), for journeys that follow a link.
const smtp = await startSmtpSink();
// Quoted-printable soft breaks and escapes undone, so links read as sent.
const readable = (data) =>
  data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
const mailList = createHttpServer((request, response) => {
  const to = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('to')?.toLowerCase();
  response.setHeader('content-type', 'application/json');
  const caught = smtp.messages.map((mail) => ({
    to: mail.to.map((address) => address.toLowerCase()),
    text: readable(mail.data),
  }));
  response.end(JSON.stringify(caught.filter((mail) => !to || mail.to.includes(to))));
});
await new Promise((resolve) => mailList.listen(Number(env.PORT) + 1, '127.0.0.1', resolve));
env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
env.OUTBOX_INTERVAL_SECONDS = '1';
env.JOBS_TICK_SECONDS = '0.5';

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const name = `portal_e2e_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  const [command, args] = node('cli');
  const seeded = spawnSync(command, [...args, 'seed'], { env, stdio: 'inherit', cwd: root });
  if (seeded.status !== 0) process.exit(seeded.status ?? 1);
  cleanup = async () => {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
} else {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portal-e2e-'));
  env.DATA_DIR = dataDir;
  delete env.DATABASE_URL;
  cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
}

const [command, args] = node('server');
const server = spawn(command, args, { env, stdio: 'inherit', cwd: root });
const stop = async () => {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await cleanup();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', async (code) => {
  await cleanup();
  process.exit(code ?? 1);
});
