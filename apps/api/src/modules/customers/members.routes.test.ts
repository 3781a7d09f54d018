import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer, expectProblem, signIn, TEST_PASSWORD } from '../../../test/factories';
import { createProduct } from '../../../test/product-factories';
import { hashPassword } from '../../lib/password';
import { insertMember } from './customers.repository';

const ctx = useTestApp();

/** A customer with a member in the given role, both signed in. */
async function customerWithMember(role: 'billing' | 'technical' | 'readonly') {
  const owner = await createCustomer(ctx.db);
  const email = `member-${randomUUID()}@example.com`;
  const user = await insertMember(
    ctx.db,
    owner.id,
    { email, passwordHash: await hashPassword(TEST_PASSWORD), name: 'Mia Mitglied' },
    role,
  );
  return { owner, user, member: await signIn(ctx.app, email) };
}

describe('members of a customer account (ADR 0020)', () => {
  it('act for the customer: /me names the customer, the role and its permissions', async () => {
    const { owner, user, member } = await customerWithMember('billing');
    const me = await ctx.app.inject({ url: '/api/v1/me', headers: member.bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      id: user.id,
      customerId: owner.id,
      customerNumber: owner.customerNumber,
      memberRole: 'billing',
      permissions: expect.arrayContaining(['invoices:pay', 'bank:write']),
    });
    expect(me.json().permissions).not.toContain('products:cancel');
  });

  it('see the customer data their role may read', async () => {
    const { owner, member } = await customerWithMember('technical');
    const product = await createProduct(ctx.db, owner.id);
    const answer = await ctx.app.inject({ url: `/api/v1/products/${product.id}`, headers: member.bearer });
    expect(answer.statusCode).toBe(200);
    expectProblem(await ctx.app.inject({ url: '/api/v1/invoices', headers: member.bearer }), 403, 'role_forbidden');
  });

  it('may neither cancel a contract nor delete the customer account: both are the owner’s', async () => {
    const { owner, member } = await customerWithMember('technical');
    const product = await createProduct(ctx.db, owner.id);
    const cancel = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/products/${product.id}/cancellation`,
      headers: member.bearer,
      payload: { type: 'ordinary' },
    });
    expectProblem(cancel, 403, 'role_forbidden');
    const deletion = await ctx.app.inject({
      method: 'DELETE',
      url: '/api/v1/account',
      headers: member.bearer,
      payload: { password: TEST_PASSWORD, confirm: true },
    });
    expectProblem(deletion, 403, 'role_forbidden');
  });
});
