/**
 * The back office's lists on the large data set (never part of the test suite):
 *
 *   pnpm --filter @portal/api bench:staff --url postgres://postgres@127.0.0.1:5432/portal_large
 *
 * The database comes from `bench:seed` (it is read, never changed). The API runs as production
 * runs it, in its own process; the benchmark signs in as the seed's support, billing and admin
 * users and requests every staff list under /api/v1/admin/ — first page and the page its
 * `nextCursor` points to, each filter and search — one request after another, and prints each
 * one's p50 and p95 (BENCH_REQUESTS, 40, after 3 warm-ups; at least 5 where 15 s do not suffice). Before that a second API process,
 * loaded with `capture-sql.mjs`, answers each request once and records the statements it sent to
 * PostgreSQL; those very statements (text and parameters) then run under
 * `EXPLAIN (ANALYZE, BUFFERS)` and the plan's scans are printed, with any sequential scan of a
 * table of more than 10,000 rows marked.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { bearerFor, PORTS, startApi, stop } from './harness';
import { BULK_STAFF } from './seed-large';

type Role = keyof typeof BULK_STAFF;

interface Scenario {
  label: string;
  role: Role;
  path: string;
  /** Also measure the page the first page's `nextCursor` points to. */
  nextPage?: boolean;
}

interface Statement {
  text: string;
  values: unknown[];
}

interface PlanSummary {
  scans: string[];
  largeSeqScans: string[];
  milliseconds: number;
  buffers: number;
}

/** A table this large read from end to end is a finding. */
const LARGE_TABLE_ROWS = 10_000;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const WARM_UPS = 3;
/** A list slower than this stops after 5 requests: a figure, without minutes of waiting. */
const PAGE_SECONDS = 15;

const log = (line: string) => console.log(line);

async function fixtures(client: pg.Client) {
  const one = async <T>(text: string, values: unknown[] = []) => {
    const { rows } = await client.query(text, values);
    if (!rows[0]) throw new Error(`the database has no row for: ${text} — seeded by bench:seed?`);
    return rows[0] as T;
  };
  const customer = await one<{ id: string; number: string; name: string; company: string; email: string }>(
    `select c.id, c.customer_number as number, c.name, c.company, u.email
     from customers c join users u on u.id = c.id where u.email = 'bulk-5000@example.com'`,
  );
  const invoice = await one<{ number: string }>(
    'select number from invoices where customer_id = $1 order by issue_date desc limit 1',
    [customer.id],
  );
  const ticket = await one<{ number: number; subject: string }>(
    'select number, subject from tickets where customer_id = $1 order by number desc limit 1',
    [customer.id],
  );
  const contract = await one<{ number: string }>(
    'select contract_number as number from customer_products where customer_id = $1 limit 1',
    [customer.id],
  );
  const support = await one<{ id: string }>('select id from users where email = $1', [BULK_STAFF.support]);
  const counts = await one<Record<string, string>>(
    `select (select count(*) from customers) as customers, (select count(*) from invoices) as invoices,
       (select count(*) from tickets) as tickets, (select count(*) from customer_products) as contracts,
       (select count(*) from staff_audit_events) as audit_events, (select count(*) from users where role = 'staff') as staff`,
  );
  return { customer, invoice, ticket, contract, support, counts };
}

function scenarios(f: Awaited<ReturnType<typeof fixtures>>): Scenario[] {
  const q = (text: string | number) => encodeURIComponent(String(text));
  const company = f.customer.company.replace(/ GmbH$/, '');
  return [
    { label: 'customers', role: 'support', path: '/admin/customers', nextPage: true },
    { label: 'customers q=customer number', role: 'support', path: `/admin/customers?q=${q(f.customer.number)}` },
    { label: 'customers q=name', role: 'support', path: `/admin/customers?q=${q(f.customer.name)}` },
    { label: 'customers q=e-mail', role: 'support', path: `/admin/customers?q=${q(f.customer.email)}` },
    { label: 'customers q=company', role: 'support', path: `/admin/customers?q=${q(company)}` },
    { label: 'customers q=no match', role: 'support', path: '/admin/customers?q=zzzz' },
    { label: 'customer detail (latest invoices, tickets)', role: 'support', path: `/admin/customers/${f.customer.id}` },
    { label: 'invoices', role: 'billing', path: '/admin/invoices', nextPage: true },
    { label: 'invoices status=open', role: 'billing', path: '/admin/invoices?status=open', nextPage: true },
    { label: 'invoices status=overdue', role: 'billing', path: '/admin/invoices?status=overdue', nextPage: true },
    { label: 'invoices status=paid', role: 'billing', path: '/admin/invoices?status=paid', nextPage: true },
    {
      label: 'invoices customerId=',
      role: 'billing',
      path: `/admin/invoices?customerId=${f.customer.id}`,
      nextPage: true,
    },
    { label: 'invoices q=invoice number', role: 'billing', path: `/admin/invoices?q=${q(f.invoice.number)}` },
    { label: 'invoices q=customer number', role: 'billing', path: `/admin/invoices?q=${q(f.customer.number)}` },
    { label: 'invoices q=name', role: 'billing', path: `/admin/invoices?q=${q(f.customer.name)}`, nextPage: true },
    { label: 'invoices q=company', role: 'billing', path: `/admin/invoices?q=${q(company)}`, nextPage: true },
    { label: 'tickets', role: 'support', path: '/admin/tickets', nextPage: true },
    { label: 'tickets status=open', role: 'support', path: '/admin/tickets?status=open', nextPage: true },
    {
      label: 'tickets status=waiting_for_customer',
      role: 'support',
      path: '/admin/tickets?status=waiting_for_customer',
      nextPage: true,
    },
    { label: 'tickets status=closed', role: 'support', path: '/admin/tickets?status=closed', nextPage: true },
    {
      label: 'tickets queue: open,in_progress unassigned oldest',
      role: 'support',
      path: '/admin/tickets?status=open,in_progress&assignee=unassigned&order=oldest',
      nextPage: true,
    },
    { label: 'tickets assignee=me', role: 'support', path: '/admin/tickets?assignee=me', nextPage: true },
    { label: 'tickets assignee=me status=open', role: 'support', path: '/admin/tickets?assignee=me&status=open' },
    {
      label: 'tickets assignee=unassigned',
      role: 'support',
      path: '/admin/tickets?assignee=unassigned',
      nextPage: true,
    },
    { label: 'tickets category=billing', role: 'support', path: '/admin/tickets?category=billing', nextPage: true },
    { label: 'tickets customerId=', role: 'support', path: `/admin/tickets?customerId=${f.customer.id}` },
    { label: 'tickets q=ticket number', role: 'support', path: `/admin/tickets?q=${f.ticket.number}` },
    { label: 'tickets q=subject', role: 'support', path: `/admin/tickets?q=${q(f.ticket.subject)}` },
    { label: 'tickets q=customer number', role: 'support', path: `/admin/tickets?q=${q(f.customer.number)}` },
    { label: 'tickets q=name', role: 'support', path: `/admin/tickets?q=${q(f.customer.name)}` },
    { label: 'tickets q=e-mail', role: 'support', path: `/admin/tickets?q=${q(f.customer.email)}` },
    { label: 'contracts', role: 'billing', path: '/admin/contracts', nextPage: true },
    { label: 'contracts status=active', role: 'billing', path: '/admin/contracts?status=active', nextPage: true },
    { label: 'contracts q=contract number', role: 'billing', path: `/admin/contracts?q=${q(f.contract.number)}` },
    { label: 'contracts q=customer number', role: 'billing', path: `/admin/contracts?q=${q(f.customer.number)}` },
    { label: 'contracts q=name', role: 'billing', path: `/admin/contracts?q=${q(f.customer.name)}` },
    { label: 'contracts q=company', role: 'billing', path: `/admin/contracts?q=${q(company)}` },
    { label: 'pending cancellations', role: 'support', path: '/admin/cancellations', nextPage: true },
    { label: 'cancellation declarations', role: 'support', path: '/admin/cancellation-declarations', nextPage: true },
    { label: 'dunning overview', role: 'billing', path: '/admin/dunning', nextPage: true },
    { label: 'dunning overview status=stopped', role: 'billing', path: '/admin/dunning?status=stopped' },
    { label: 'dunning overview level=0', role: 'billing', path: '/admin/dunning?level=0', nextPage: true },
    { label: 'dunning overview q=customer number', role: 'billing', path: `/admin/dunning?q=${q(f.customer.number)}` },
    {
      label: 'customer security log',
      role: 'support',
      path: `/admin/customers/${f.customer.id}/security-log`,
      nextPage: true,
    },
    { label: 'direct-debit runs', role: 'billing', path: '/admin/direct-debit-runs' },
    { label: 'bank statement entries (unmatched)', role: 'billing', path: '/admin/bank-statement-entries' },
    { label: 'audit log', role: 'admin', path: '/admin/audit-events', nextPage: true },
    { label: 'audit log customerId=', role: 'admin', path: `/admin/audit-events?customerId=${f.customer.id}` },
    { label: 'audit log staffUserId=', role: 'admin', path: `/admin/audit-events?staffUserId=${f.support.id}` },
    { label: 'staff users', role: 'admin', path: '/admin/staff-users' },
    { label: 'announcements', role: 'support', path: '/admin/announcements', nextPage: true },
    { label: 'product catalogue', role: 'billing', path: '/admin/product-catalog' },
  ];
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function get(port: number, auth: string, url: string) {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1${url}`, { headers: { authorization: auth } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as { items?: unknown[]; nextCursor?: string | null };
}

/** The first page, and the next page's URL when asked for and there is one. */
async function urlsOf(port: number, auth: string, scenario: Scenario) {
  const urls: Array<{ label: string; url: string; rows: number }> = [];
  const body = await get(port, auth, scenario.path);
  urls.push({ label: scenario.label, url: scenario.path, rows: body.items?.length ?? 1 });
  if (scenario.nextPage && body.nextCursor) {
    const url = `${scenario.path}${scenario.path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(body.nextCursor)}`;
    const next = await get(port, auth, url);
    urls.push({ label: `${scenario.label}, next page`, url, rows: next.items?.length ?? 1 });
  }
  return urls;
}

async function timings(port: number, auth: string, url: string) {
  for (let i = 0; i < WARM_UPS; i++) await get(port, auth, url);
  const times: number[] = [];
  const deadline = performance.now() + PAGE_SECONDS * 1000;
  for (let i = 0; i < REQUESTS && (i < 5 || performance.now() < deadline); i++) {
    const started = performance.now();
    await get(port, auth, url);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

async function explain(client: pg.Client, statement: Statement, tableRows: Map<string, number>): Promise<PlanSummary> {
  const { rows } = await client.query(`explain (analyze, buffers, format json) ${statement.text}`, statement.values);
  const result = (rows[0] as { 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> })['QUERY PLAN'][0];
  if (!result) throw new Error('EXPLAIN answered nothing');
  const scans: string[] = [];
  const largeSeqScans: string[] = [];
  const walk = (node: PlanNode) => {
    const relation = node['Relation Name'];
    if (relation) {
      const loops = (node['Actual Loops'] ?? 1) > 1 ? ` ×${node['Actual Loops']}` : '';
      scans.push(`${node['Node Type']} ${relation}${node['Index Name'] ? ` (${node['Index Name']})` : ''}${loops}`);
      if (node['Node Type'] === 'Seq Scan' && (tableRows.get(relation) ?? 0) > LARGE_TABLE_ROWS)
        largeSeqScans.push(relation);
    } else if (node['Index Name']) {
      scans.push(`${node['Node Type']} (${node['Index Name']})`);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(result.Plan);
  const buffers = (result.Plan['Shared Hit Blocks'] ?? 0) + (result.Plan['Shared Read Blocks'] ?? 0);
  return { scans, largeSeqScans, milliseconds: result['Execution Time'], buffers };
}

function capturedSince(file: string, offset: number): Statement[] {
  return readFileSync(file)
    .subarray(offset)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Statement);
}

const isRead = (text: string) => /^\s*(select|with)\b/i.test(text) && !/\b(insert|update|delete)\b/i.test(text);

async function main() {
  const { values } = parseArgs({ options: { url: { type: 'string' } } });
  const url = values.url ?? process.env.DATABASE_URL;
  if (!url) {
    console.error('give the database bench:seed filled: --url postgres://… (or DATABASE_URL)');
    process.exit(2);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const port = PORTS.staff;
  const env = { STAFF_SECOND_FACTOR: 'optional' };
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ');
  try {
    const f = await fixtures(client);
    const { rows: sizes } = await client.query<{ relname: string; rows: string }>(
      "select relname, reltuples::bigint as rows from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace",
    );
    const tableRows = new Map(sizes.map((row) => [row.relname, Number(row.rows)]));
    log(`# Back-office lists — ${new Date().toISOString()}`);
    log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, shared; load average (1/5/15 min) ${load()}`);
    log(
      `data: ${Object.entries(f.counts)
        .map(([table, count]) => `${count} ${table}`)
        .join(', ')}\n`,
    );

    // 1. Plans: the statements the API sends for each request, captured in its process.
    const directory = mkdtempSync(path.join(tmpdir(), 'bench-staff-'));
    const sqlLog = path.join(directory, 'statements.jsonl');
    const preload = fileURLToPath(new URL('./capture-sql.mjs', import.meta.url));
    let api = await startApi(port, url, { ...env, BENCH_SQL_LOG: sqlLog, NODE_OPTIONS: `--import=${preload}` });
    const plans = new Map<string, PlanSummary[]>();
    const pages: Array<{ label: string; url: string; rows: number; role: Role }> = [];
    try {
      const auth = Object.fromEntries(
        await Promise.all(
          (Object.keys(BULK_STAFF) as Role[]).map(async (role) => [role, await bearerFor(port, BULK_STAFF[role])]),
        ),
      ) as Record<Role, string>;
      const size = () => {
        try {
          return statSync(sqlLog).size;
        } catch {
          return 0;
        }
      };
      // What every authenticated request sends (the session check) is not the list's.
      let offset = size();
      await get(port, auth.support, '/me');
      const common = new Set(capturedSince(sqlLog, offset).map((statement) => statement.text));
      for (const scenario of scenarios(f)) {
        for (const page of await urlsOf(port, auth[scenario.role], scenario)) {
          pages.push({ ...page, role: scenario.role });
          offset = size();
          await get(port, auth[scenario.role], page.url);
          const statements = capturedSince(sqlLog, offset).filter(
            (statement) => !common.has(statement.text) && isRead(statement.text),
          );
          const summaries: PlanSummary[] = [];
          for (const statement of statements) summaries.push(await explain(client, statement, tableRows));
          plans.set(page.url, summaries);
        }
      }
    } finally {
      stop(api);
      await api.exited;
      rmSync(directory, { recursive: true, force: true });
    }

    // 2. Timings, from an API process without the capture.
    api = await startApi(port, url, env);
    try {
      const auth = Object.fromEntries(
        await Promise.all(
          (Object.keys(BULK_STAFF) as Role[]).map(async (role) => [role, await bearerFor(port, BULK_STAFF[role])]),
        ),
      ) as Record<Role, string>;
      log(
        `${REQUESTS} requests each, one after another, after ${WARM_UPS} warm-ups; plans of the statements captured.\n`,
      );
      log(
        '| list | rows | p50 ms | p95 ms | statements: scans (EXPLAIN ANALYZE time, buffers) | seq scan > 10k rows |',
      );
      log('| --- | ---: | ---: | ---: | --- | --- |');
      const slow: string[] = [];
      for (const page of pages) {
        const { p50, p95 } = await timings(port, auth[page.role], page.url);
        const summaries = plans.get(page.url) ?? [];
        const planText = summaries
          .map((plan) => `${plan.scans.join(', ')} (${plan.milliseconds.toFixed(2)} ms, ${plan.buffers} buf)`)
          .join('; ');
        const seq = [...new Set(summaries.flatMap((plan) => plan.largeSeqScans))].join(', ');
        if (p50 > 20 || seq) slow.push(page.label);
        log(
          `| ${page.label} | ${page.rows} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${planText} | ${seq ? `**${seq}**` : '—'} |`,
        );
      }
      log(`\nload average at the end ${load()}`);
      log(
        slow.length
          ? `over 20 ms or scanning a large table: ${slow.join('; ')}`
          : 'every list: p50 ≤ 20 ms, no sequential scan of a large table',
      );
    } finally {
      stop(api);
    }
  } finally {
    await client.end();
  }
}

await main();
