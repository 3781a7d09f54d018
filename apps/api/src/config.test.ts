import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('fills every default for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', DATA_DIR: './data', secureCookies: false });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad key at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' })).toThrowError(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' });
    } catch (error) {
      const message = (error as Error).message;
      for (const key of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(message).toContain(key);
    }
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(/JWT_SECRET/);
  });

  it('uses secure cookies behind an https public URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://portal.example.com' }).secureCookies).toBe(true);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});

/** A strong MFA key of its own, for the production configurations below. */
const mfaKey = 'Mk4pQ7wZ1xC9vB3nR6tY8uI2oP5aS0dF';

describe('secrets in production', () => {
  const strong = 'Zq3v9LkP2xW8rT6yN4mB7cJ1hF5dS0gA'; // 32 characters, 32 distinct
  const production = (env: Record<string, string>) =>
    loadConfig({
      NODE_ENV: 'production',
      MFA_ENCRYPTION_KEY: mfaKey,
      PROVIDER_CREDITOR_ID: 'DE13ZZZ00000012345',
      ...env,
    });

  it.each([
    ['the published development secret', 'development-only-secret-never-use-in-production!'],
    ['a secret under 32 characters', 'Zq3v9LkP2xW8rT6yN4mB7cJ1hF5dS0g'],
    ['one repeated character', 'a'.repeat(64)],
    ['few distinct characters', 'abababababababababababababababab'],
    ['a repeated short phrase', 'secret1-secret1-secret1-secret1-secret1-'],
  ])('refuses %s as JWT_SECRET, naming the variable', (_what, secret) => {
    expect(() => production({ JWT_SECRET: secret })).toThrowError(/JWT_SECRET/);
  });

  it('accepts a random secret of 32 or more characters', () => {
    expect(production({ JWT_SECRET: strong }).jwtSecret).toBe(strong);
    // `openssl rand -hex 32` has only 16 possible characters and must pass.
    expect(
      production({ JWT_SECRET: '9f2c4e1a7b3d8e6f0a5c2b9d4e7f1a3c6b8d0e2f4a6c8e1b3d5f7a9c2e4b6d8f' }).jwtSecret,
    ).toHaveLength(64);
  });

  it('keeps allowing the fixed development secret outside production', () => {
    expect(loadConfig({}).jwtSecret).toBe('development-only-secret-never-use-in-production!');
  });

  it('requires a strong MFA_ENCRYPTION_KEY of its own in production', () => {
    const base = { NODE_ENV: 'production', JWT_SECRET: strong, PROVIDER_CREDITOR_ID: 'DE13ZZZ00000012345' };
    expect(() => loadConfig(base)).toThrowError(/MFA_ENCRYPTION_KEY: is required/);
    expect(() =>
      loadConfig({ ...base, MFA_ENCRYPTION_KEY: 'development-only-mfa-key-never-use-in-production!' }),
    ).toThrowError(/MFA_ENCRYPTION_KEY: is the published development secret/);
    expect(() => loadConfig({ ...base, MFA_ENCRYPTION_KEY: 'key1-key1-key1-key1-key1-key1-key1-' })).toThrowError(
      /MFA_ENCRYPTION_KEY/,
    );
    expect(() => loadConfig({ ...base, MFA_ENCRYPTION_KEY: strong })).toThrowError(
      /MFA_ENCRYPTION_KEY: must differ from JWT_SECRET/,
    );
    expect(loadConfig({ ...base, MFA_ENCRYPTION_KEY: mfaKey }).mfaEncryptionKey).toBe(mfaKey);
  });

  it('falls back to the published MFA key outside production only', () => {
    expect(loadConfig({}).mfaEncryptionKey).toBe('development-only-mfa-key-never-use-in-production!');
  });
});

describe('payment provider', () => {
  const strong = 'Zq3v9LkP2xW8rT6yN4mB7cJ1hF5dS0gA';
  const sandboxSecret = 'Hq8wE2rT5yU9iO3pA6sD1fG4hJ7kL0zX';

  it('is the sandbox by default outside production, with a random per-process key', () => {
    const first = loadConfig({});
    const second = loadConfig({});
    expect(first.payments.provider).toBe('sandbox');
    expect(first.payments.provider === 'sandbox' && first.payments.sandboxSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.payments).not.toEqual(second.payments);
    expect(first.startupWarnings).toEqual([]);
  });

  it('is none by default in production: no sandbox without explicit configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: strong,
      MFA_ENCRYPTION_KEY: mfaKey,
      PROVIDER_CREDITOR_ID: 'DE13ZZZ00000012345',
    });
    expect(config.payments).toEqual({ provider: 'none' });
  });

  it('can be switched off outside production', () => {
    expect(loadConfig({ PAYMENT_PROVIDER: 'none' }).payments).toEqual({ provider: 'none' });
  });

  it('runs the sandbox in production only with its own strong secret, and warns loudly', () => {
    const base = {
      NODE_ENV: 'production',
      JWT_SECRET: strong,
      MFA_ENCRYPTION_KEY: mfaKey,
      PAYMENT_PROVIDER: 'sandbox',
      PROVIDER_CREDITOR_ID: 'DE13ZZZ00000012345',
    };
    expect(() => loadConfig(base)).toThrowError(/PAYMENT_SANDBOX_SECRET: is required/);
    expect(() => loadConfig({ ...base, PAYMENT_SANDBOX_SECRET: 'x'.repeat(40) })).toThrowError(
      /PAYMENT_SANDBOX_SECRET/,
    );
    expect(() => loadConfig({ ...base, PAYMENT_SANDBOX_SECRET: strong })).toThrowError(
      /PAYMENT_SANDBOX_SECRET: must differ from JWT_SECRET/,
    );
    const config = loadConfig({ ...base, PAYMENT_SANDBOX_SECRET: sandboxSecret });
    expect(config.payments).toEqual({ provider: 'sandbox', sandboxSecret: Buffer.from(sandboxSecret) });
    expect(config.startupWarnings.join('\n')).toMatch(/sandbox.*production.*test/i);
  });

  it('signs with the configured sandbox secret, never one derived from JWT_SECRET', () => {
    const config = loadConfig({ JWT_SECRET: strong, PAYMENT_SANDBOX_SECRET: sandboxSecret });
    expect(config.payments).toEqual({ provider: 'sandbox', sandboxSecret: Buffer.from(sandboxSecret) });
  });
});

describe('direct-debit settings', () => {
  const strong = 'Zq3v9LkP2xW8rT6yN4mB7cJ1hF5dS0gA-prod';
  it('production refuses the demo creditor identifier unless a staging system says so, and then warns', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: strong, MFA_ENCRYPTION_KEY: mfaKey };
    expect(() => loadConfig(production)).toThrowError(/PROVIDER_CREDITOR_ID/);
    const staging = loadConfig({ ...production, SEPA_DEMO_CREDITOR_ID_ALLOWED: 'true' });
    expect(staging.startupWarnings.join('\n')).toMatch(/demo creditor identifier/);
    expect(loadConfig({}).provider.creditorId).toBe('DE98ZZZ09999999999');
  });

  it('checks the creditor identifier and reads the pre-notification days and dunning steps', () => {
    expect(() => loadConfig({ PROVIDER_CREDITOR_ID: 'DE99ZZZ09999999999' })).toThrowError(/PROVIDER_CREDITOR_ID/);
    const config = loadConfig({ SEPA_PRE_NOTIFICATION_DAYS: '5', DUNNING_STEP_DAYS: '10,30' });
    expect(config.SEPA_PRE_NOTIFICATION_DAYS).toBe(5);
    expect(config.DUNNING_STEP_DAYS).toEqual([10, 30]);
    expect(loadConfig({}).SEPA_PRE_NOTIFICATION_DAYS).toBe(14);
    expect(() => loadConfig({ DUNNING_STEP_DAYS: '21,7' })).toThrowError(/DUNNING_STEP_DAYS/);
  });
});

describe('staff second factor', () => {
  const strong = 'Zq3v9LkP2xW8rT6yN4mB7cJ1hF5dS0gA-prod';
  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: strong,
    MFA_ENCRYPTION_KEY: mfaKey,
    PROVIDER_CREDITOR_ID: 'DE13ZZZ00000012345',
  };
  it('is required in production unless switched off, and then said loudly at every start', () => {
    expect(loadConfig(production).staffSecondFactorRequired).toBe(true);
    expect(loadConfig({}).staffSecondFactorRequired).toBe(false);
    const lax = loadConfig({ ...production, STAFF_SECOND_FACTOR: 'optional' });
    expect(lax.staffSecondFactorRequired).toBe(false);
    expect(lax.startupWarnings.join('\n')).toMatch(/STAFF_SECOND_FACTOR=optional in production/);
  });
});
