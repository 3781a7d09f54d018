import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box';

const key = 'Mk4pQ7wZ1xC9vB3nR6tY8uI2oP5aS0dF';

describe('secret box', () => {
  it('opens what it sealed, for the same owner only', () => {
    const box = createSecretBox(key, 'totp');
    const sealed = box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DP');
    expect(box.open(sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'user-2')).toBeUndefined();
  });

  it('seals the same value differently each time (a fresh nonce)', () => {
    const box = createSecretBox(key, 'totp');
    expect(box.seal('same', 'u')).not.toBe(box.seal('same', 'u'));
  });

  it('does not open under another key or purpose, nor a tampered value', () => {
    const sealed = createSecretBox(key, 'totp').seal('secret', 'u');
    expect(createSecretBox(`${key}x`, 'totp').open(sealed, 'u')).toBeUndefined();
    expect(createSecretBox(key, 'other').open(sealed, 'u')).toBeUndefined();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] as string, 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64url');
    expect(createSecretBox(key, 'totp').open(parts.join('.'), 'u')).toBeUndefined();
    expect(createSecretBox(key, 'totp').open('v2.a.b.c', 'u')).toBeUndefined();
    expect(createSecretBox(key, 'totp').open('garbage', 'u')).toBeUndefined();
  });
});
