import { sql } from 'drizzle-orm';
import type { PdfRenderer } from '../../pdf/pdf-renderer';
import type { Database, DbOrTx } from '../client';
import { users } from '../schema/index';
import { seedAccountSection } from './account';
import { type SeededAccounts, seedAccounts } from './accounts';
import { seedAnnouncements } from './announcements';
import { seedCollection } from './collection';
import { seedInvoices } from './invoices';
import { seedProducts } from './products';
import { seedTickets } from './tickets';

/**
 * Each portal section adds its demo data as one step here. Steps receive the seeded accounts
 * and run in one transaction: the demo is either all there or not at all.
 */
const sectionSeeds: Array<(tx: DbOrTx, accounts: SeededAccounts, context: SeedContext) => Promise<void>> = [
  seedAnnouncements,
  seedAccountSection,
  seedProducts,
  seedTickets,
  seedInvoices,
  seedCollection,
];

/** What seeding needs besides the database: invoices are issued with their archived documents. */
export interface SeedContext {
  renderer: PdfRenderer;
}

/** Fills an empty database with the demo data of ../shared/API.md; returns false if it was not empty. */
export async function seedDemoDataIfEmpty(db: Database, context: SeedContext): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two processes starting at once must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
    const [existing] = await tx.select({ count: sql<number>`count(*)::int` }).from(users);
    if ((existing?.count ?? 0) > 0) return false;
    const accounts = await seedAccounts(tx);
    for (const seed of sectionSeeds) await seed(tx, accounts, context);
    return true;
  });
}
