import fc from 'fast-check';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import {
  acceptedTotpStep,
  hashRecoveryCode,
  looksLikeTotpCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUrl,
  TOTP_PERIOD_SECONDS,
} from './totp';

const at = (seconds: number) => new Date(seconds * 1000);
const codeAt = (secret: string, seconds: number) => generate({ secret, epoch: seconds });

describe('TOTP codes', () => {
  const secret = newTotpSecret();
  const t = 1_800_000_000; // a step boundary: 1_800_000_000 / 30 is whole
  const step = t / TOTP_PERIOD_SECONDS;

  it('accepts the current code and one step either side, answering its step', async () => {
    expect(await acceptedTotpStep(secret, await codeAt(secret, t), at(t + 5), null)).toBe(step);
    expect(await acceptedTotpStep(secret, await codeAt(secret, t - 30), at(t + 5), null)).toBe(step - 1);
    expect(await acceptedTotpStep(secret, await codeAt(secret, t + 30), at(t + 5), null)).toBe(step + 1);
    expect(await acceptedTotpStep(secret, await codeAt(secret, t - 90), at(t + 5), null)).toBeUndefined();
    expect(await acceptedTotpStep(secret, await codeAt(secret, t + 90), at(t + 5), null)).toBeUndefined();
  });

  it('refuses a code of a step already used, and every earlier one', async () => {
    const code = await codeAt(secret, t);
    expect(await acceptedTotpStep(secret, code, at(t + 5), step)).toBeUndefined();
    expect(await acceptedTotpStep(secret, await codeAt(secret, t - 30), at(t + 5), step)).toBeUndefined();
    expect(await acceptedTotpStep(secret, await codeAt(secret, t + 30), at(t + 5), step)).toBe(step + 1);
  });

  it('takes spaces, and refuses anything but six digits without throwing', async () => {
    const code = await codeAt(secret, t);
    expect(await acceptedTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at(t), null)).toBe(step);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 12 }), async (input) => {
        if (/^\d{6}$/.test(input.replace(/[\s-]/g, ''))) return;
        expect(await acceptedTotpStep(secret, input, at(t), null)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
    expect(looksLikeTotpCode('123 456')).toBe(true);
    expect(looksLikeTotpCode('abcd-efgh-jkmn')).toBe(false);
  });

  it('refuses everything while the remembered step lies in the future (a clock set back)', async () => {
    expect(await acceptedTotpStep(secret, await codeAt(secret, t), at(t), step + 10)).toBeUndefined();
  });

  it('names issuer and account in the otpauth URL', () => {
    const url = new URL(otpauthUrl(secret, 'Nordwind Rechenzentren GmbH', 'a@example.com'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('issuer')).toBe('Nordwind Rechenzentren GmbH');
  });
});

describe('recovery codes', () => {
  it('are ten distinct, readable codes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}$/);
  });

  it('hash the same however they are typed', () => {
    const [code = ''] = newRecoveryCodes();
    expect(hashRecoveryCode(code.toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
  });
});
