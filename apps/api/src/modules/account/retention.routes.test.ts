import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { signedInCustomer, signedInStaff, TEST_PASSWORD } from '../../../test/factories';
import { issueInvoiceFor } from '../../../test/invoice-factories';
import {
  outboxEmails,
  publicCancellationRequests,
  scheduledJobs,
  sepaMandates,
  sessions,
  users,
} from '../../db/schema/index';
import { findEmailsTo } from '../../mail/outbox.repository';

// A correspondence period other than the default proves the setting reaches the job and the texts.
const ctx = useTestApp({ CORRESPONDENCE_RETENTION_YEARS: '4' });
const bank = { accountHolder: 'Erika Mustermann', iban: 'DE89370400440532013000' };
const JOB = 'account.retention-purge';

const deleteAccount = (headers: Record<string, string>) =>
  ctx.app.inject({
    method: 'DELETE',
    url: '/api/v1/account',
    headers,
    payload: { password: TEST_PASSWORD, confirm: true },
  });

/** Runs the daily job now, whatever ran before in this file. */
async function runPurge() {
  await ctx.db
    .update(scheduledJobs)
    .set({ lastStartedAt: sql`now() - interval '2 days'` })
    .where(eq(scheduledJobs.name, JOB));
  expect(await ctx.app.jobs.runDue(JOB)).toBe(true);
  const [row] = await ctx.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, JOB));
  return row;
}

const monthsAgo = (months: number) => sql`now() - make_interval(months => ${months})`;

describe('account deletion', () => {
  it('erases every session at once, with its address and browser', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    await signedInCustomer(ctx.app, ctx.db); // another customer's sessions stay
    expect(await ctx.db.select().from(sessions).where(eq(sessions.userId, customer.user.id))).toHaveLength(1);
    expect((await deleteAccount(customer.bearer)).statusCode).toBe(204);
    expect(await ctx.db.select().from(sessions).where(eq(sessions.userId, customer.user.id))).toEqual([]);
  });

  it('keeps the SEPA mandate, revoked, until 14 months after the last collection', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const saved = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/bank-account',
      headers: customer.bearer,
      payload: bank,
    });
    expect(saved.statusCode).toBe(200);
    expect((await deleteAccount(customer.bearer)).statusCode).toBe(204);
    const [kept] = await ctx.db.select().from(sepaMandates).where(eq(sepaMandates.customerId, customer.user.id));
    expect(kept?.iban).toBe(bank.iban);
    expect(kept?.revokedAt).not.toBeNull();

    await ctx.db
      .update(sepaMandates)
      .set({ revokedAt: monthsAgo(13) })
      .where(eq(sepaMandates.customerId, customer.user.id));
    await runPurge();
    expect(await ctx.db.select().from(sepaMandates).where(eq(sepaMandates.customerId, customer.user.id))).toHaveLength(
      1,
    );
    expect(await ctx.db.select().from(users).where(eq(users.id, customer.user.id))).toHaveLength(1);

    await ctx.db
      .update(sepaMandates)
      .set({ revokedAt: monthsAgo(15) })
      .where(eq(sepaMandates.customerId, customer.user.id));
    const run = await runPurge();
    expect(run?.lastError).toBeNull();
    expect(await ctx.db.select().from(sepaMandates).where(eq(sepaMandates.customerId, customer.user.id))).toEqual([]);
    expect(await ctx.db.select().from(users).where(eq(users.id, customer.user.id))).toEqual([]);
  });

  it('tells the customer which records are kept and for how long, on the page and in the farewell', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const info = await ctx.app.inject({ url: '/api/v1/account/deletion', headers: customer.bearer });
    expect(info.statusCode, info.body).toBe(200);
    const body = info.json<{ blockers: unknown[]; kept: Array<{ category: string; amount: number; unit: string }> }>();
    expect(body.blockers).toEqual([]);
    expect(body.kept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: 'invoices', amount: 8, unit: 'yearsFromEndOfYear' }),
        expect.objectContaining({ category: 'sepaMandates', amount: 14, unit: 'months' }),
        expect.objectContaining({ category: 'publicDeclarations', amount: 4 }),
        expect.objectContaining({ category: 'emails', amount: 4 }),
        expect.objectContaining({ category: 'securityLog', amount: 180, unit: 'days' }),
      ]),
    );

    const email = customer.user.email;
    expect((await deleteAccount(customer.bearer)).statusCode).toBe(204);
    const [farewell] = await findEmailsTo(ctx.db, email);
    expect(farewell?.template).toBe('account.deleted');
    for (const period of ['8 Jahre', '14 Monate', '4 Jahre', '180 Tage']) expect(farewell?.textBody).toContain(period);
  });
});

describe('retention purge job', () => {
  it('purges ended and expired sessions 90 days after they ended, and no running one', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const base = { userId: customer.user.id, ipAddress: '203.0.113.9', userAgent: 'Firefox' };
    const day = (days: number) => sql`now() - make_interval(days => ${days})`;
    const [revokedOld, expiredOld, revokedRecent] = await ctx.db
      .insert(sessions)
      .values([
        { ...base, createdAt: day(120), expiresAt: day(110), revokedAt: day(91) },
        { ...base, createdAt: day(120), expiresAt: day(91) },
        { ...base, createdAt: day(120), expiresAt: day(80), revokedAt: day(89) },
      ])
      .returning();
    await runPurge();
    const left = (await ctx.db.select().from(sessions).where(eq(sessions.userId, customer.user.id))).map(
      (row) => row.id,
    );
    expect(left).not.toContain(revokedOld?.id);
    expect(left).not.toContain(expiredOld?.id);
    expect(left).toContain(revokedRecent?.id);
    expect(left).toHaveLength(2); // and the one signed in now
  });

  it('purges public declarations and e-mails once the configured correspondence period has ended', async () => {
    const declaration = (reference: string, receivedAt: Date) => ({
      reference,
      type: 'ordinary' as const,
      name: 'Max Muster',
      email: 'max@example.org',
      contract: 'V-999999',
      status: 'pending_review' as const,
      receivedAt,
    });
    const year = new Date().getUTCFullYear();
    // Four years from the end of the year of receipt: 5 years back has ended, 3 years back has not.
    const old = new Date(Date.UTC(year - 5, 5, 1));
    const recent = new Date(Date.UTC(year - 3, 5, 1));
    await ctx.db
      .insert(publicCancellationRequests)
      .values([declaration('K-OLD-1', old), declaration('K-NEW-1', recent)]);
    const mail = { toAddress: 'max@example.org', subject: 's', textBody: 't', htmlBody: 'h', template: 'x.test' };
    await ctx.db.insert(outboxEmails).values([
      { ...mail, subject: 'old', createdAt: old, sentAt: old },
      { ...mail, subject: 'recent', createdAt: recent, sentAt: recent },
    ]);
    await runPurge();
    const references = (await ctx.db.select().from(publicCancellationRequests)).map((row) => row.reference);
    expect(references).toContain('K-NEW-1');
    expect(references).not.toContain('K-OLD-1');
    const subjects = (await findEmailsTo(ctx.db, 'max@example.org')).map((row) => row.subject);
    expect(subjects).toEqual(['recent']);
  });

  it('fails loudly when a table nobody registered still holds a deleted customer', async () => {
    await ctx.db.execute(sql`create table forgotten_records (user_id uuid not null references users(id))`);
    try {
      const customer = await signedInCustomer(ctx.app, ctx.db);
      await ctx.db.execute(sql`insert into forgotten_records values (${customer.user.id})`);
      expect((await deleteAccount(customer.bearer)).statusCode).toBe(204);
      const run = await runPurge();
      expect(run?.lastError).toContain(customer.user.id);
      expect(await ctx.db.select().from(users).where(eq(users.id, customer.user.id))).toHaveLength(1);
      const metrics = await ctx.app.metrics.render();
      expect(metrics).toMatch(/portal_retention_purge_failures_total\{[^}]*\} [1-9]/);
    } finally {
      await ctx.db.execute(sql`drop table forgotten_records`);
    }
  });

  it('keeps a deleted customer with invoices in their retention period, and purges the rest', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/invoices/${invoice.id}/transfers`,
      headers: staff.bearer,
      payload: { amount: invoice.amounts.gross, receivedOn: '2026-03-02' },
    });
    expect((await deleteAccount(customer.bearer)).statusCode).toBe(204);
    await runPurge();
    expect(await ctx.db.select().from(users).where(eq(users.id, customer.user.id))).toHaveLength(1);
  });
});
