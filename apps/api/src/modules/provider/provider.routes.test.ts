import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';

const ctx = useTestApp({ PROVIDER_NAME: 'Test Provider AG', PROVIDER_PHONE: '+49 1 2' });

describe('GET /provider', () => {
  it('answers the configured contact details without a session', async () => {
    const response = await ctx.app.inject({ url: '/api/v1/provider' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Test Provider AG', phone: '+49 1 2', address: { country: 'DE' } });
  });
});
