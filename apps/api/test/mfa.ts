import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { expect } from 'vitest';
import type { SignedIn } from './factories';

/**
 * A clock the app reads (`buildApp({ now })`) that a test moves instead of waiting: codes change
 * every 30 seconds and challenges expire after 5 minutes.
 */
export function testClock() {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance(ms: number) {
      offsetMs += ms;
    },
  };
}

/** The authenticator app's code at the clock's time (`steps` later or earlier). */
export const totpCode = (secret: string, now: Date, steps = 0) =>
  generate({ secret, epoch: Math.floor(now.getTime() / 1000) + steps * 30 });

/** Sets up the authenticator app through the API, as the security page does; answers the secret and codes. */
export async function enrolTotp(app: FastifyInstance, session: SignedIn, now: Date) {
  const started = await app.inject({ method: 'POST', url: '/api/v1/account/mfa/totp', headers: session.bearer });
  expect(started.statusCode, started.body).toBe(201);
  const { secret } = started.json<{ secret: string }>();
  const confirmed = await app.inject({
    method: 'POST',
    url: '/api/v1/account/mfa/totp/confirm',
    headers: session.bearer,
    payload: { code: await totpCode(secret, now) },
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret, recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

/** The first step of a sign-in for an account with a second factor: answers the challenge token. */
export async function passwordStep(
  app: FastifyInstance,
  email: string,
  password: string,
  tokenDelivery: 'cookie' | 'bearer' = 'cookie',
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password, tokenDelivery },
  });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json<{ mfaRequired: true; challengeToken: string; methods: string[] }>();
  expect(body.mfaRequired).toBe(true);
  return { response, body, challengeToken: body.challengeToken };
}
