import { readFileSync } from 'node:fs';
import type { TBankStatementEntry, TDirectDebitRun, TInvoiceSummary } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { importXml } from '../../../test/collection-factories';
import { signIn } from '../../../test/factories';
import { DEMO_PASSWORD } from '../../db/seed/accounts';
import { DIRECT_DEBIT_DEMO_EMAIL } from '../../db/seed/collection';
import { seedDemoDataIfEmpty } from '../../db/seed/index';
import { today } from '../../lib/calendar';
import { addDays } from '../invoices/invoice-format';
import { onOrAfterBusinessDay } from './rules/target2-calendar';

const ctx = useTestApp();
const example = readFileSync(new URL('../../../../../docs/examples/camt053-demo.xml', import.meta.url), 'utf8');

describe('demo data for direct debits', () => {
  it('has a mandate customer with debits announced for today and next week, a past run, and an entry for staff; the docs example settles the run', async () => {
    expect(await seedDemoDataIfEmpty(ctx.db, { renderer: ctx.app.pdf })).toBe(true);
    const customer = await signIn(ctx.app, DIRECT_DEBIT_DEMO_EMAIL, DEMO_PASSWORD);
    const staff = await signIn(ctx.app, 'billing@example.com', DEMO_PASSWORD);
    const list = async () =>
      (await ctx.app.inject({ url: '/api/v1/invoices', headers: customer.bearer })).json<{ items: TInvoiceSummary[] }>()
        .items;
    const debits = (await list()).map(
      (item) => item.directDebit && `${item.directDebit.status} ${item.directDebit.collectionDate}`,
    );
    const day = today();
    expect(debits).toEqual(
      expect.arrayContaining([
        `announced ${onOrAfterBusinessDay(day)}`,
        `announced ${onOrAfterBusinessDay(addDays(day, 7))}`,
        `submitted ${onOrAfterBusinessDay(addDays(day, -16))}`,
        `submitted ${onOrAfterBusinessDay(addDays(day, -16))}`,
      ]),
    );
    const runs = (await ctx.app.inject({ url: '/api/v1/admin/direct-debit-runs', headers: staff.bearer })).json<{
      items: TDirectDebitRun[];
    }>();
    expect(runs.items).toEqual([expect.objectContaining({ messageId: 'DDDEMORUN01', count: 2, totalAmount: 23_800 })]);
    const waiting = (
      await ctx.app.inject({ url: '/api/v1/admin/bank-statement-entries', headers: staff.bearer })
    ).json<{ items: TBankStatementEntry[] }>();
    expect(waiting.items).toHaveLength(1);

    const imported = await importXml(ctx.app, staff, example);
    expect(imported.json()).toEqual({ entries: 1, matched: 1, unmatched: 0, duplicates: 0 });
    expect(
      (await list()).filter((item) => item.directDebit?.status === 'collected' && item.status === 'paid'),
    ).toHaveLength(2);
    // Seeding renders every demo invoice's PDF: as slow as the other suites that seed (180 s there).
  }, 180_000);
});
