import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer } from '../../../test/factories';
import type * as mailer from '../../mail/mailer';
import { findEmailsTo } from '../../mail/outbox.repository';

/** Holds every reset mail at the mailer until released: the work after the answer, made visible. */
const held = vi.hoisted(() => ({ started: [] as string[], gate: Promise.resolve() }));
vi.mock('../../mail/mailer', async (importOriginal) => {
  const original = await importOriginal<typeof mailer>();
  return {
    ...original,
    sendEmail: async (...args: Parameters<typeof original.sendEmail>) => {
      held.started.push(args[1].to);
      await held.gate;
      return original.sendEmail(...args);
    },
  };
});

const ctx = useTestApp();

const requestReset = (email: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });

describe('password reset timing', () => {
  it('answers a known address before looking it up and mailing (the work happens after the answer)', async () => {
    let release: () => void = () => {};
    held.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const customer = await createCustomer(ctx.db);

    // The answer arrives while the mail for the known address is still held: the route does not
    // wait for the lookup and the mail, so a known address cannot answer later than an unknown one.
    expect((await requestReset(customer.email)).statusCode).toBe(202);
    await vi.waitFor(() => expect(held.started).toContain(customer.email));
    expect(await findEmailsTo(ctx.db, customer.email)).toHaveLength(0);
    expect((await requestReset(`nobody-${Date.now()}@example.com`)).statusCode).toBe(202);

    release();
    await vi.waitFor(async () => expect(await findEmailsTo(ctx.db, customer.email)).toHaveLength(1));
  });
});
