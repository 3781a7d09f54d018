import { sql } from 'drizzle-orm';
import { hashPassword } from '../../lib/password';
import type { DbOrTx } from '../client';
import { type UserRow, users } from '../schema/index';

export const DEMO_PASSWORD = 'demo-passwort-2026';
export const CONSUMER_DEMO_EMAIL = 'privat@example.com';

export interface SeededAccounts {
  demo: UserRow;
  other: UserRow;
  staff: UserRow;
  /** A consumer (§13 BGB): contracts under consumer terms, gross prices. */
  consumer: UserRow;
}

export async function seedAccounts(tx: DbOrTx): Promise<SeededAccounts> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const customerNumber = sql`nextval('customer_number_seq')::text`;
  const [demo, other, staff, consumer] = await tx
    .insert(users)
    .values([
      {
        role: 'customer',
        customerType: 'business',
        customerNumber,
        email: 'demo@example.com',
        passwordHash,
        name: 'Erika Mustermann',
        company: 'Mustermann Hosting GmbH',
        street: 'Hafenstraße 12',
        postalCode: '24937',
        city: 'Flensburg',
        country: 'DE',
        phone: '+49 461 1234567',
        vatId: 'DE123456789',
      },
      {
        role: 'customer',
        customerType: 'business',
        customerNumber,
        email: 'other@example.com',
        passwordHash,
        name: 'Max Beispiel',
        company: 'Beispiel IT UG (haftungsbeschränkt)',
        street: 'Lindenallee 5',
        postalCode: '20259',
        city: 'Hamburg',
        country: 'DE',
        phone: '+49 40 7654321',
        vatId: null,
      },
      { role: 'staff', staffRole: 'support', email: 'support@example.com', passwordHash, name: 'Sven Support' },
      {
        role: 'customer',
        customerType: 'consumer',
        customerNumber,
        email: CONSUMER_DEMO_EMAIL,
        passwordHash,
        name: 'Jonas Privat',
        company: null,
        street: 'Süderstraße 7',
        postalCode: '25899',
        city: 'Niebüll',
        country: 'DE',
        phone: null,
        vatId: null,
      },
    ])
    .returning();
  if (!demo || !other || !staff || !consumer) throw new Error('seeding the accounts returned nothing');
  // The back office's other roles (the demo logins).
  await tx.insert(users).values([
    { role: 'staff', staffRole: 'billing', email: 'billing@example.com', passwordHash, name: 'Berta Buchhaltung' },
    { role: 'staff', staffRole: 'admin', email: 'admin@example.com', passwordHash, name: 'Anna Admin' },
  ]);
  return { demo, other, staff, consumer };
}
