import type { RouteContract } from '@portal/contracts';
import * as allContracts from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';

const ctx = useTestApp();

describe('OpenAPI', () => {
  it('documents every API route, generated from the contracts', async () => {
    const response = await ctx.app.inject({ url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    // Every route contract exported by packages/contracts must be in the document.
    const contracts = (Object.values(allContracts) as unknown[])
      .filter((group): group is Record<string, RouteContract> => typeof group === 'object' && group !== null)
      .flatMap((group) => Object.values(group))
      .filter((entry): entry is RouteContract => typeof entry === 'object' && entry !== null && 'responses' in entry);
    expect(contracts.length).toBeGreaterThan(4);
    for (const contract of contracts) expect(documented).toContain(`${contract.method} /api/v1${contract.path}`);
    expect(document.paths['/api/v1/me'].get.security).toEqual([{ bearerAuth: [] }, { cookieAuth: [] }]);
    expect(document.components.schemas.Problem).toBeDefined();
  });

  it('serves the reference page with its own content security policy', async () => {
    const response = await ctx.app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(String(response.headers['content-security-policy'])).toContain("script-src 'self'");
  });
});
