/**
 * Fills a migrated PostgreSQL database with a large data set, set-based (INSERT … SELECT
 * generate_series), for the benchmarks and the query-plan checks:
 *
 *   pnpm --filter @portal/api bench:seed --url postgres://…/db [--customers 10000] [--invoices 1000000] [--tickets 100000]
 *
 * Every customer `bulk-<n>@example.com` signs in with BULK_PASSWORD; invoices, tickets and two
 * products each are spread evenly over the customers. Staff sign in with the same password, one
 * per back-office role (BULK_STAFF); a third of the tickets is assigned to the support user, and
 * the audit log holds a staff reply per ticket.
 * Migrates first; refuses a database that already holds bulk customers.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { hashPassword } from '../src/lib/password';
import { DAILY_RUN_JOB, DUNNING_JOB, MANDATE_EXPIRY_JOB } from '../src/modules/collection/collection.jobs';
import { ARCHIVE_BACKFILL_JOB } from '../src/modules/invoices/invoice-archive.service';

export const BULK_PASSWORD = 'bulk-passwort-2026';

/** The back office's users of the large data set, one per staff role (not `bulk-…`: those are customers). */
export const BULK_STAFF = {
  support: 'support-bulk@example.com',
  billing: 'billing-bulk@example.com',
  admin: 'admin-bulk@example.com',
} as const;

export interface SeedSize {
  customers: number;
  invoices: number;
  tickets: number;
}

export async function seedLarge(url: string, size: SeedSize, log: (line: string) => void = console.log) {
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 1 });
  const db = database.db;
  const step = async (what: string, query: ReturnType<typeof sql>) => {
    const started = Date.now();
    await db.execute(query);
    log(`  ${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  try {
    await runMigrations(database);
    const existing = await db.execute(sql`select 1 from users where email like 'bulk-%' limit 1`);
    if ((existing as unknown as { rows: unknown[] }).rows.length > 0)
      throw new Error('the database holds bulk data already');
    const hash = await hashPassword(BULK_PASSWORD);
    const { customers: n, invoices: m, tickets: t } = size;
    log(`seeding ${n} customers, ${m} invoices, ${t} tickets`);

    // Customer accounts apart from the users who sign in (ADR 0020): each account's id is its
    // owner's user id, as for every account made before teams.
    await step(
      'users',
      sql`insert into users (role, email, password_hash, name)
        select 'customer', 'bulk-' || g || '@example.com', ${hash}, 'Kundin ' || g
        from generate_series(1, ${n}) g`,
    );
    await step(
      'customers',
      sql`insert into customers (id, customer_number, customer_type, name, company, street, postal_code, city, country, vat_id)
        select u.id, nextval('customer_number_seq')::text, 'business', u.name, 'Firma ' || rn || ' GmbH',
               'Hafenstraße ' || (rn % 200 + 1), '24937', 'Flensburg', 'DE', 'DE' || lpad((100000000 + rn)::text, 9, '0')
        from (select id, name, split_part(split_part(email, '@', 1), '-', 2)::int as rn
              from users where email like 'bulk-%') u`,
    );
    await step(
      'owners',
      sql`insert into customer_members (customer_id, user_id, role)
        select id, id, 'owner' from users where email like 'bulk-%'`,
    );
    await step(
      'staff',
      sql`insert into users (role, staff_role, email, password_hash, name)
        values ('staff', 'support', ${BULK_STAFF.support}, ${hash}, 'Sven Support'),
               ('staff', 'billing', ${BULK_STAFF.billing}, ${hash}, 'Berta Buchhaltung'),
               ('staff', 'admin', ${BULK_STAFF.admin}, ${hash}, 'Anna Admin')`,
    );
    await step(
      'customer index',
      sql`create temp table bulk_customers as
        select c.id, c.customer_number, c.name, c.company, c.street, c.vat_id,
               split_part(split_part(u.email, '@', 1), '-', 2)::int as rn
        from customers c join users u on u.id = c.id where u.email like 'bulk-%'`,
    );
    await db.execute(sql`create unique index on bulk_customers (rn)`);
    await db.execute(sql`analyze bulk_customers`);

    const provider = sql`jsonb_build_object('name', 'Nordwind Rechenzentren GmbH', 'street', 'Am Windpark 1',
      'postalCode', '25917', 'city', 'Enge-Sande', 'country', 'DE', 'phone', '+49 4662 123450',
      'email', 'support@nordwind-rz.example', 'website', 'https://nordwind-rz.example', 'vatId', 'DE312345678',
      'taxNumber', '1529/123/45678', 'register', 'Amtsgericht Flensburg, HRB 12345 FL',
      'managingDirectors', 'Jana Petersen, Ole Hansen', 'bankName', 'Nord-Ostsee Sparkasse',
      'iban', 'DE02120300000000202051', 'bic', 'BYLADEM1001', 'creditorId', 'DE98ZZZ09999999999')`;
    // Invoice g belongs to customer 1 + g % n; each customer's are a month apart, newest first.
    await step(
      'invoices',
      sql`insert into invoices (customer_id, number, kind, state, issue_date, service_period_start,
          service_period_end, due_date, net_cents, tax_cents, gross_cents, taxes, billing_address, provider)
        select c.id, 'B-' || lpad(g::text, 8, '0'), 'invoice',
               (case when g / ${n} = 0 then 'open' else 'paid' end)::invoice_state,
               d, d - 30, d - 1, d + 14, net, net * 19 / 100, net + net * 19 / 100,
               jsonb_build_array(jsonb_build_object('taxRate', 19, 'net', net, 'tax', net * 19 / 100, 'gross', net + net * 19 / 100)),
               jsonb_build_object('name', c.name, 'company', c.company, 'street', c.street, 'postalCode', '24937',
                 'city', 'Flensburg', 'country', 'DE', 'vatId', c.vat_id, 'customerNumber', c.customer_number),
               ${provider}
        from generate_series(0, ${m - 1}) g
        cross join lateral (select (date '2026-11-01' - ((g / ${n}) * 30))::date as d, 10000 + (g % 977) * 100 as net) v
        join bulk_customers c on c.rn = 1 + g % ${n}`,
    );
    await step(
      'invoice lines',
      sql`insert into invoice_lines (invoice_id, position, description, quantity_milli, unit, unit_price_cents, tax_rate, net_cents)
        select i.id, 1, 'Colocation 1 HE', 1000, 'Monat', i.net_cents, 19, i.net_cents
        from invoices i where i.number like 'B-%'`,
    );
    await step(
      'products',
      sql`with catalog as (
          insert into product_catalog (sku, kind, name, specs)
          values ('BULK-1HE', 'colocation_unit', 'Colocation 1 HE', '[]') returning id
        )
        insert into customer_products (customer_id, catalog_id, contract_number, name, start_date, price_cents,
          billing_interval, minimum_term_months, notice_period_months, renewal_months)
        select c.id, catalog.id, 'BV-' || lpad((c.rn * 2 + k)::text, 8, '0'), 'Colocation 1 HE #' || k,
               date '2020-01-01' + (c.rn % 1000), 4900, 'monthly', 12, 3, 12
        from bulk_customers c cross join generate_series(0, 1) k cross join catalog`,
    );
    await step(
      'tickets',
      sql`insert into tickets (customer_id, subject, category, status, assignee_id, created_at, updated_at)
        select c.id, 'Anfrage ' || g,
               (array['technical','billing','contract','remote_hands','other'])[1 + g % 5]::ticket_category,
               (array['closed','closed','closed','open','in_progress','waiting_for_customer'])[1 + (g / ${n}) % 6]::ticket_status,
               case when g % 3 = 0 then (select id from users where email = ${BULK_STAFF.support}) end,
               now() - make_interval(hours => g), now() - make_interval(hours => g)
        from generate_series(1, ${t}) g
        join bulk_customers c on c.rn = 1 + g % ${n}`,
    );
    await step(
      'ticket messages',
      sql`insert into ticket_messages (ticket_id, author, author_user_id, body, created_at)
        select tk.id, 'customer', tk.customer_id, 'Bitte prüfen Sie die Stromversorgung in Rack ' || tk.number, tk.created_at
        from tickets tk join bulk_customers c on c.id = tk.customer_id`,
    );
    // The back office's audit log: one staff reply per ticket.
    await step(
      'audit log',
      sql`insert into staff_audit_events (occurred_at, staff_user_id, action, subject_id, customer_id, request_id)
        select tk.updated_at, s.id, 'adminReplyToTicket', tk.id::text, tk.customer_id, 'bulk-' || tk.number
        from tickets tk cross join (select id from users where email = ${BULK_STAFF.support}) s`,
    );
    // Bulk invoices have no archived documents; the back-fill job would render their PDFs
    // (Chromium, pdf-lib) for the first hour of every benchmark instance, and the benchmark would
    // measure that instead of requests. Its period is claimed as if it had just started.
    // The same holds for the daily collection jobs: a database that has been running has had
    // today's dunning run, not 1 % of a million invoices to remind at once in the first minute.
    for (const job of [ARCHIVE_BACKFILL_JOB, DUNNING_JOB, DAILY_RUN_JOB, MANDATE_EXPIRY_JOB]) {
      await step(
        `${job} claimed`,
        sql`insert into scheduled_jobs (name, last_started_at) values (${job}, now())
          on conflict (name) do update set last_started_at = now()`,
      );
    }
    // VACUUM as autovacuum would have by the time a database holds this much: it also moves the
    // rows inserted after the trigram (GIN) indexes existed out of their pending lists, which
    // every search would otherwise read in full (the planner then prefers sequential scans).
    await step('vacuum analyze', sql`vacuum analyze`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      customers: { type: 'string', default: '10000' },
      invoices: { type: 'string', default: '1000000' },
      tickets: { type: 'string', default: '100000' },
    },
  });
  const url = values.url ?? process.env.DATABASE_URL;
  if (!url) {
    console.error('give the database: --url postgres://… (or DATABASE_URL)');
    process.exit(2);
  }
  const started = Date.now();
  await seedLarge(url, {
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    tickets: Number(values.tickets),
  });
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
