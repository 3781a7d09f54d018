import * as argon2 from '@node-rs/argon2';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@node-rs/argon2', async (importOriginal) => {
  const original = await importOriginal<typeof argon2>();
  return { ...original, verify: vi.fn(original.verify) };
});

const { hashPassword, verifyPassword } = await import('./password');

describe('password hashing', () => {
  it('uses argon2id with m=19456, t=2, p=1 and verifies', async () => {
    const stored = await hashPassword('a long enough passphrase');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'a long enough passphrase')).toBe(true);
    expect(await verifyPassword(stored, 'another passphrase')).toBe(false);
  });

  it('spends a real verification when there is no stored hash, and still fails', async () => {
    const verify = vi.mocked(argon2.verify);
    verify.mockClear();
    expect(await verifyPassword(null, 'whatever')).toBe(false);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(String(verify.mock.calls[0]?.[0])).toMatch(/^\$argon2id\$/);
  });
});
