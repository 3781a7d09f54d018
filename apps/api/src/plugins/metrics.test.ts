import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { expectProblem } from '../../test/factories';

const TOKEN = 'metrics-token-0123456789';
const ctx = useTestApp({ METRICS_TOKEN: TOKEN });

describe('GET /metrics', () => {
  it('looks like an unknown path without the token', async () => {
    expectProblem(await ctx.app.inject({ url: '/metrics' }), 404, 'not_found');
    expectProblem(
      await ctx.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token-0123456789' } }),
      404,
      'not_found',
    );
  });

  it('reports request rate and latency by route pattern, PDF queue and pool usage', async () => {
    await ctx.app.inject({ url: '/api/v1/health' });
    await ctx.app.inject({ url: '/api/v1/health' });
    await ctx.app.inject({ url: '/no/such/path/123' });
    const response = await ctx.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const body = response.body;
    expect(body).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/health",status_code="200"\} 2/);
    expect(body).toMatch(/http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/health"/);
    expect(body).toContain('route="unmatched",status_code="404"');
    expect(body).not.toContain('/no/such/path');
    expect(body).toMatch(/^portal_pdf_queue_length 0$/m);
    expect(body).toMatch(/^portal_pdf_renders_active 0$/m);
    expect(body).toContain('process_cpu_user_seconds_total');
    if (ctx.database.kind === 'postgres') {
      expect(body).toMatch(/^portal_db_pool_connections\{state="total"\} \d+$/m);
    }
  });

  it('counts password hashes by the lane they ran in', async () => {
    const scrape = async () =>
      (await ctx.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
    // Where a hash runs depends on the machine's idle time: the test counts both lanes.
    const hashes = (body: string) =>
      ['idle', 'fallback']
        .map((lane) => new RegExp(`^portal_password_hashes_total\\{lane="${lane}"\\} (\\d+)$`, 'm').exec(body)?.[1])
        .reduce((sum, count) => sum + Number(count ?? Number.NaN), 0);
    const before = hashes(await scrape());
    expect(before).not.toBeNaN();
    await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody-here@example.com', password: 'not the password' },
    });
    expect(hashes(await scrape())).toBeGreaterThan(before);
  });
});
