import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, type SignedIn, signedInCustomer, signIn } from '../../../test/factories';
import { enrolTotp } from '../../../test/mfa';
import { accountTokens, securityEvents } from '../../db/schema/index';
import { findEmailsTo } from '../../mail/outbox.repository';

const ctx = useTestApp();
const password = 'ein langes neues Passwort';
const address = (label: string) => `${label}-${randomUUID()}@example.com`;

const invite = (owner: SignedIn, payload: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/account/team', headers: owner.bearer, payload });
const team = (session: SignedIn) => ctx.app.inject({ url: '/api/v1/account/team', headers: session.bearer });
const changeRole = (session: SignedIn, id: string, role: string) =>
  ctx.app.inject({ method: 'PATCH', url: `/api/v1/account/team/${id}`, headers: session.bearer, payload: { role } });
const remove = (session: SignedIn, id: string) =>
  ctx.app.inject({ method: 'DELETE', url: `/api/v1/account/team/${id}`, headers: session.bearer });
const setPassword = (token: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset/confirm',
    payload: { token, newPassword: password },
  });

/** The link of the newest invitation to the address. */
async function invitationToken(email: string) {
  const [mail] = await findEmailsTo(ctx.db, email);
  expect(mail?.template).toBe('team.invitation');
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.textBody ?? '')?.[1];
  if (!token) throw new Error(`no link in the mail to ${email}`);
  return token;
}

/** An owner with a member who accepted the invitation, both signed in. */
async function ownerWithMember(role: 'owner' | 'billing' | 'technical' | 'readonly') {
  const owner = await signedInCustomer(ctx.app, ctx.db);
  const email = address('member');
  const invited = await invite(owner, { email, name: 'Berta Beispiel', role });
  expect(invited.statusCode, invited.body).toBe(201);
  expect((await setPassword(await invitationToken(email))).statusCode).toBe(204);
  return { owner, memberId: invited.json().id as string, email, member: await signIn(ctx.app, email, password) };
}

describe('team: inviting members', () => {
  it('invites by e-mail; the link sets the password once, and the member acts for the account in their role', async () => {
    const owner = await signedInCustomer(ctx.app, ctx.db);
    const email = address('berta');
    const invited = await invite(owner, { email, name: 'Berta Beispiel', role: 'billing' });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email, role: 'billing', status: 'invited', you: false });
    const expiresAt = new Date(invited.json().invitationExpiresAt).getTime();
    expect(expiresAt - Date.now()).toBeGreaterThan(71 * 3_600_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(72 * 3_600_000);
    // No password yet: nobody can sign in as the invited address.
    expectProblem(
      await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } }),
      401,
    );

    const token = await invitationToken(email);
    expect((await setPassword(token)).statusCode).toBe(204);
    expectProblem(await setPassword(token), 400, 'validation_failed');

    const member = await signIn(ctx.app, email, password);
    const me = await ctx.app.inject({ url: '/api/v1/me', headers: member.bearer });
    expect(me.json()).toMatchObject({ customerId: owner.user.id, memberRole: 'billing' });
    const list = await team(owner);
    expect(list.json().items.map((item: { email: string; status: string }) => [item.email, item.status])).toEqual([
      [owner.user.email, 'active'],
      [email, 'active'],
    ]);
    const types = (await ctx.db.select().from(securityEvents).where(eq(securityEvents.userId, owner.user.id))).map(
      (event) => event.type,
    );
    expect(types).toContain('team.member_invited');
  });

  it('refuses an expired invitation link and sends a new one on request', async () => {
    const owner = await signedInCustomer(ctx.app, ctx.db);
    const email = address('late');
    const invited = await invite(owner, { email, name: 'Lena Spät', role: 'readonly' });
    const old = await invitationToken(email);
    await ctx.db
      .update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountTokens.userId, invited.json().id));
    expectProblem(await setPassword(old), 400, 'validation_failed');
    const resent = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/account/team/${invited.json().id}/invitation`,
      headers: owner.bearer,
    });
    expect(resent.statusCode).toBe(200);
    expect((await setPassword(await invitationToken(email))).statusCode).toBe(204);
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/account/team/${invited.json().id}/invitation`,
      headers: owner.bearer,
    });
    expectProblem(again, 409, 'conflict');
  });

  it('refuses an address that signs in elsewhere (409 on email)', async () => {
    const owner = await signedInCustomer(ctx.app, ctx.db);
    const other = await signedInCustomer(ctx.app, ctx.db);
    const answer = await invite(owner, { email: other.user.email.toUpperCase(), name: 'X', role: 'readonly' });
    expect(expectProblem(answer, 409, 'conflict').errors).toEqual([expect.objectContaining({ path: 'email' })]);
  });
});

describe('team: roles and removal', () => {
  it('lets only owners manage the team; a member cannot raise their own role', async () => {
    const { memberId, member } = await ownerWithMember('billing');
    expectProblem(await invite(member, { email: address('x'), name: 'X', role: 'owner' }), 403, 'role_forbidden');
    expectProblem(await changeRole(member, memberId, 'owner'), 403, 'role_forbidden');
    expect((await team(member)).statusCode).toBe(200);
  });

  it('keeps the last owner: neither demoted nor removed, until another owner exists', async () => {
    const { owner, memberId } = await ownerWithMember('technical');
    expect(expectProblem(await changeRole(owner, owner.user.id, 'readonly'), 409, 'conflict').reason).toBe(
      'last_owner',
    );
    expectProblem(await remove(owner, owner.user.id), 409, 'conflict');
    expect((await changeRole(owner, memberId, 'owner')).json()).toMatchObject({ role: 'owner' });
    const demoted = await changeRole(owner, owner.user.id, 'billing');
    expect(demoted.json()).toMatchObject({ role: 'billing', you: true });
  });

  it('ends a removed member’s session and tokens at once, and the address can be invited again', async () => {
    const { owner, memberId, email, member } = await ownerWithMember('technical');
    const token = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/account/tokens',
      headers: member.bearer,
      payload: { name: 'CI', scopes: ['tickets:read'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(token.statusCode).toBe(201);
    await enrolTotp(ctx.app, member, new Date());
    expect((await remove(owner, memberId)).statusCode).toBe(204);
    expectProblem(await ctx.app.inject({ url: '/api/v1/tickets', headers: member.bearer }), 401);
    const byToken = { authorization: `Bearer ${token.json().token}` };
    expectProblem(await ctx.app.inject({ url: '/api/v1/tickets', headers: byToken }), 401);
    expectProblem(
      await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } }),
      401,
    );
    expect((await team(owner)).json().items).toHaveLength(1);

    const again = await invite(owner, { email, name: 'Berta Wieder', role: 'readonly' });
    expect(again.json()).toMatchObject({ id: memberId, status: 'invited', role: 'readonly' });
    // Back in the team, nothing of the earlier membership works again: not its token, not its factors.
    expect((await setPassword(await invitationToken(email))).statusCode).toBe(204);
    expectProblem(await ctx.app.inject({ url: '/api/v1/tickets', headers: byToken }), 401);
    const factors = await ctx.app.inject({
      url: '/api/v1/account/mfa',
      headers: (await signIn(ctx.app, email, password)).bearer,
    });
    expect(factors.json()).toMatchObject({ totp: { enabled: false } });
  });

  it("answers 404 for another account's member", async () => {
    const { memberId } = await ownerWithMember('readonly');
    const stranger = await signedInCustomer(ctx.app, ctx.db);
    expectProblem(await changeRole(stranger, memberId, 'readonly'), 404, 'not_found');
    expectProblem(await remove(stranger, memberId), 404, 'not_found');
  });
});

describe('team: owners require an authenticator app of every member', () => {
  const requireMfa = (session: SignedIn, mfaRequired: boolean) =>
    ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/team/mfa-requirement',
      headers: session.bearer,
      payload: { mfaRequired },
    });

  it('needs the owner to have one first, then holds a member without one to their security settings', async () => {
    const { owner, member } = await ownerWithMember('billing');
    expect(expectProblem(await requireMfa(owner, true), 409, 'conflict').reason).toBe('own_second_factor_missing');

    await enrolTotp(ctx.app, owner, new Date());
    expect((await requireMfa(owner, true)).json()).toEqual({ mfaRequired: true });

    const me = await ctx.app.inject({ url: '/api/v1/me', headers: member.bearer });
    expect(me.json()).toMatchObject({ mfaRequired: true, secondFactorSetupRequired: true });
    expectProblem(
      await ctx.app.inject({ url: '/api/v1/invoices', headers: member.bearer }),
      403,
      'second_factor_required',
    );
    expect((await ctx.app.inject({ url: '/api/v1/account/mfa', headers: member.bearer })).statusCode).toBe(200);
    // The owner, who has one, works on.
    expect((await ctx.app.inject({ url: '/api/v1/invoices', headers: owner.bearer })).statusCode).toBe(200);

    await enrolTotp(ctx.app, member, new Date());
    expect((await ctx.app.inject({ url: '/api/v1/invoices', headers: member.bearer })).statusCode).toBe(200);
  });

  it("holds a member's personal API token too, and lets go when the owners lift the rule", async () => {
    const { owner, member } = await ownerWithMember('billing');
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/account/tokens',
      headers: member.bearer,
      payload: { name: 'CI', scopes: ['invoices:read'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    const byToken = { authorization: `Bearer ${created.json().token}` };
    await enrolTotp(ctx.app, owner, new Date());
    await requireMfa(owner, true);
    expectProblem(await ctx.app.inject({ url: '/api/v1/invoices', headers: byToken }), 403, 'second_factor_required');
    expect((await requireMfa(owner, false)).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/v1/invoices', headers: byToken })).statusCode).toBe(200);
  });
});
