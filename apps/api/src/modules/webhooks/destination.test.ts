import { describe, expect, it } from 'vitest';
import { destinationRefusal, guardedLookup, isPublicAddress } from './destination';

describe('webhook destinations (SSRF)', () => {
  it('knows private, loopback, link-local and mapped addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
    ])
      expect(isPublicAddress(address), address).toBe(false);
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])
      expect(isPublicAddress(address), address).toBe(true);
  });

  it('refuses in production what resolves privately, plain http and unresolvable hosts; allows anything elsewhere', async () => {
    expect(await destinationRefusal('https://127.0.0.1/hook', true)).toMatch(/private/);
    expect(await destinationRefusal('https://[::1]/hook', true)).toMatch(/private/);
    expect(await destinationRefusal('https://localhost/hook', true)).toMatch(/private/);
    expect(await destinationRefusal('https://169.254.169.254/latest/meta-data', true)).toMatch(/private/);
    expect(await destinationRefusal('http://93.184.216.34/hook', true)).toMatch(/https/);
    expect(await destinationRefusal('https://no-such-host.invalid/hook', true)).toMatch(/resolve/);
    expect(await destinationRefusal('https://93.184.216.34/hook', true)).toBeUndefined();
    expect(await destinationRefusal('http://127.0.0.1:9/hook', false)).toBeUndefined();
  });

  it('checks the addresses again when connecting, so a host cannot rebind to a private one after the check', async () => {
    const resolve = (production: boolean) =>
      new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((done) =>
        guardedLookup(production)('localhost', {}, (error, address) => done({ error, address })),
      );
    const refused = await resolve(true);
    expect(refused.error?.code).toBe('EBLOCKED');
    const allowed = await resolve(false);
    expect(allowed.error).toBeNull();
    expect(allowed.address).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
