import type { TMe } from '@portal/contracts';

/** A `/me` answer of a customer member, as the API gives it; tests override what they need. */
export function meOf(overrides: Partial<TMe> = {}): TMe {
  const id = '0b6f3c2a-1d4e-4f5a-9b8c-7d6e5f4a3b2c';
  return {
    id,
    customerNumber: '10001',
    email: 'erika@example.com',
    name: 'Erika Mustermann',
    company: null,
    role: 'customer',
    staffRole: null,
    customerType: 'business',
    customerId: id,
    memberRole: 'owner',
    permissions: ['account:read'],
    mfaRequired: false,
    language: 'de',
    secondFactorSetupRequired: false,
    ...overrides,
  };
}
