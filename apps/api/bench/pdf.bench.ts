/**
 * PDF benchmark (prints figures; never a timed test). Run: pnpm --filter @portal/api bench:pdf
 * Measures, in one run: a warm render of the same invoice HTML through the pool, an archived
 * download through the API, `chromium --headless --print-to-pdf`, then issuing 1,000 invoices
 * through the staff API (number, Factur-X PDF, XRechnung, archive) with throughput, memory after
 * 100 and 1,000 issues and peak RSS, and downloads of the issued invoices. BENCH_RENDERS
 * overrides the 1,000. With BENCH_DATABASE_URL the data lives in a database of its own on that
 * PostgreSQL server, as in production, so that the process's memory is the API's alone; without
 * it in embedded PGlite in memory, where the archive itself grows the process.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { invoiceDocuments } from '../src/db/schema/index';
import { seedDemoDataIfEmpty } from '../src/db/seed/index';
import { invoiceDocument } from '../src/modules/invoices/invoice-document';
import { findInvoice } from '../src/modules/invoices/invoices.repository';
import { createDatabase } from './harness';

const run = promisify(execFile);
// Issuing 1,000 invoices takes longer than an access token lives (15 minutes): the bench's tokens
// live a day, so that one sign-in serves the whole run.
const config = loadConfig({
  ...process.env,
  LOG_LEVEL: 'silent',
  NODE_ENV: 'test',
  PDF_POOL_SIZE: '2',
  ACCESS_TOKEN_TTL_MINUTES: '1440',
});
const totalRenders = Number(process.env.BENCH_RENDERS ?? 1000);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const line = (label: string, values: number[]) =>
  console.log(
    `${label.padEnd(44)} n=${String(values.length).padStart(4)}  p50 ${percentile(values, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(values, 95).toFixed(1).padStart(7)} ms`,
  );
const time = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};
/** RSS of this process and of the Chromium it started (its own session: puppeteer detaches it), in MB. */
const memory = () => {
  const own = process.memoryUsage().rss / 2 ** 20;
  let chromium = 0;
  try {
    const children = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)]).toString();
    for (const child of children.split('\n').filter((row) => /chrom/.test(row))) {
      const sid = child.trim().split(/\s+/)[0] ?? '';
      const rows = execFileSync('ps', ['-o', 'rss=', '--sid', sid]).toString();
      for (const rss of rows.split('\n').filter(Boolean)) chromium += Number(rss.trim()) / 1024;
    }
  } catch {
    // ps missing: report the Node figure alone.
  }
  // Summed RSS counts pages shared between Chromium's processes more than once: an upper bound.
  return `node ${own.toFixed(0)} MB, chromium ${chromium.toFixed(0)} MB`;
};

const server = process.env.BENCH_DATABASE_URL ? await createDatabase('bench_pdf') : null;
const database = server
  ? await openDatabase({ databaseUrl: server.url, dataDir: '' })
  : await openDatabase({ dataDir: tmpdir(), inMemory: true });
console.log(server ? 'database: PostgreSQL server (BENCH_DATABASE_URL)' : 'database: embedded PGlite in memory');
await runMigrations(database);
const app = await buildApp({ config, database, logger: false });
await app.ready();
await seedDemoDataIfEmpty(database.db, { renderer: app.pdf });

const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { email: 'demo@example.com', password: 'demo-passwort-2026', tokenDelivery: 'bearer' },
});
const headers = { authorization: `Bearer ${login.json().accessToken}` };
const [first] = (await app.inject({ url: '/api/v1/invoices?status=open', headers })).json().items;
const me = (await app.inject({ url: '/api/v1/me', headers })).json();
const invoice = await findInvoice(app.db, me.id, first.id);
if (!invoice) throw new Error('no demo invoice');
const document = await invoiceDocument(invoice, invoice.lines);

console.log(`PDF benchmark · pool ${config.PDF_POOL_SIZE} · ${new Date().toISOString()}`);
await app.pdf.render(document); // launch + first render
const warm: number[] = [];
for (let i = 0; i < 50; i++) warm.push(await time(() => app.pdf.render(document)));
line('warm render (pool, setContent + pdf)', warm);

await app.inject({ url: `/api/v1/invoices/${first.id}/pdf`, headers }); // archives it
const archived: number[] = [];
for (let i = 0; i < 200; i++)
  archived.push(await time(() => app.inject({ url: `/api/v1/invoices/${first.id}/pdf`, headers })));
line('archived download (GET /invoices/:id/pdf)', archived);

const dir = await mkdtemp(path.join(tmpdir(), 'pdf-bench-'));
const htmlFile = path.join(dir, 'invoice.html');
await writeFile(htmlFile, document.value);
const cli: number[] = [];
for (let i = 0; i < 10; i++) {
  cli.push(
    await time(() =>
      run(config.CHROMIUM_PATH, [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        `--print-to-pdf=${path.join(dir, `${i}.pdf`)}`,
        `file://${htmlFile}`,
      ]),
    ),
  );
}
line('chromium --headless --print-to-pdf (cold)', cli);
await rm(dir, { recursive: true, force: true });

// Issuing: what the back office does at every billing run — number, PDF (Factur-X), XRechnung,
// archive with SHA-256 — through the staff API, so the figure includes the whole unit of work.
const staffLogin = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { email: 'billing@example.com', password: 'demo-passwort-2026', tokenDelivery: 'bearer' },
});
const staffHeaders = { authorization: `Bearer ${staffLogin.json().accessToken}` };
const issueBody = {
  customerId: me.id,
  servicePeriod: { start: '2026-11-01', end: '2026-11-30' },
  lines: [
    { description: 'Cloud-Server M (Vertrag P-1001)', quantity: 1, unit: 'Monat', unitPrice: 7900 },
    { description: 'Remote Hands', quantity: 1.5, unit: 'Stunde', unitPrice: 8500 },
    { description: 'Strom Rack B-07', quantity: 312.25, unit: 'kWh', unitPrice: 38, vatRate: 'standard' },
  ],
};
// What the process still holds after a full garbage collection: RSS alone also counts heap V8
// has grown into and keeps, which is not memory the issued invoices hold on to.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
const settledHeap = () => {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss / 2 ** 20);
};
const issueTimes: number[] = [];
const issued: string[] = [];
const issueUntil = async (target: number) => {
  while (issued.length < target) {
    const start = performance.now();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/invoices',
      headers: staffHeaders,
      payload: issueBody,
    });
    if (response.statusCode !== 201) throw new Error(`issue failed: ${response.statusCode} ${response.body}`);
    issueTimes.push(performance.now() - start);
    issued.push(response.json().id);
    sampleRss();
  }
};
/** Node's memory by kind, in MB: where RSS beyond the heap in use sits. */
const breakdown = () => {
  const usage = process.memoryUsage();
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)}`;
  return `rss ${mb(usage.rss)}, heap total ${mb(usage.heapTotal)}, heap used ${mb(usage.heapUsed)}, external ${mb(usage.external)}, array buffers ${mb(usage.arrayBuffers)} MB`;
};
const issueStart = performance.now();
await issueUntil(100);
const rssAt100 = process.memoryUsage().rss / 2 ** 20;
console.log(`memory after ${issued.length} issues: ${memory()} · ${breakdown()}`);
const heapAt100 = settledHeap();
const settledRssAt100 = process.memoryUsage().rss / 2 ** 20;
console.log(`  after a full GC: ${breakdown()}`);
await issueUntil(totalRenders);
const issueSeconds = (performance.now() - issueStart) / 1000;
const rssAtEnd = process.memoryUsage().rss / 2 ** 20;
console.log(
  `memory after ${issued.length} issues: ${memory()} · ${breakdown()} · Chromium launches ${app.pdf.stats().launches}`,
);
const heapAtEnd = settledHeap();
const settledRssAtEnd = process.memoryUsage().rss / 2 ** 20;
console.log(`  after a full GC: ${breakdown()}`);
line('issue (POST /admin/invoices: render + XML + archive)', issueTimes);
console.log(
  `issued ${issued.length} invoices in ${issueSeconds.toFixed(1)} s: ${(issued.length / issueSeconds).toFixed(2)} invoices/s · peak node RSS ${peakRss.toFixed(0)} MB`,
);

// Downloads of issued invoices serve the archived bytes: no render.
const issuedDownloads: number[] = [];
for (const id of issued.slice(-200)) {
  issuedDownloads.push(await time(() => app.inject({ url: `/api/v1/invoices/${id}/pdf`, headers })));
}
line('archived download of an issued invoice', issuedDownloads);
console.log(
  `ratios: archived download p50 / warm render p50 = ${(percentile(issuedDownloads, 50) / percentile(warm, 50)).toFixed(3)} (goal ≤ 0.02) · node RSS after ${issued.length} / after 100 issues = ${(rssAtEnd / rssAt100).toFixed(2)} (goal ≤ 1.1)`,
);
console.log(
  `node RSS after a full GC: ${settledRssAt100.toFixed(0)} MB after 100 issues, ${settledRssAtEnd.toFixed(0)} MB after ${issued.length}: ${(settledRssAtEnd / settledRssAt100).toFixed(2)}`,
);
console.log(
  `heap in use after a full GC: ${heapAt100.toFixed(0)} MB after 100 issues, ${heapAtEnd.toFixed(0)} MB after ${issued.length}: ${(heapAtEnd / heapAt100).toFixed(2)}`,
);

const [archive] = await database.db
  .select({
    documents: sql<number>`count(*)::int`,
    bytes: sql<number>`coalesce(sum(octet_length(${invoiceDocuments.pdf}) + coalesce(octet_length(${invoiceDocuments.xml}), 0)), 0)::bigint`,
  })
  .from(invoiceDocuments);
console.log(
  `archive: ${archive?.documents} invoices' documents, ${(Number(archive?.bytes) / 2 ** 20).toFixed(0)} MB (PDF + XML)`,
);

await app.close();
await database.close();
await server?.drop();
