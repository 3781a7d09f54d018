import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { RequestDurations } from './request-durations';

const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const help = 'Time from receiving a request to sending its answer, by route pattern.';

/** Answers of several routes, methods and statuses, on and between the bounds and above them. */
const answers: Array<[string, string, number, number]> = [
  ['GET', '/api/v1/me', 200, 0.0004],
  ['GET', '/api/v1/me', 200, 0.005],
  ['GET', '/api/v1/me', 401, 0.0051],
  ['POST', '/api/v1/auth/login', 429, 0.002],
  ['POST', '/api/v1/auth/login', 200, 0.31],
  ['GET', '/api/v1/invoices', 200, 12],
  ['GET', 'unmatched', 404, 0.07],
  ['GET', '/api/v1/me', 200, 1],
];

const lines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .sort();

describe('request durations', () => {
  it('are written as prom-client writes the same histogram', async () => {
    const ours = new Registry();
    const durations = new RequestDurations({ help, buckets });
    ours.registerMetric(durations.asMetric());
    const theirs = new Registry();
    const histogram = new Histogram({
      name: 'http_request_duration_seconds',
      help,
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets,
      registers: [theirs],
    });
    for (const [method, route, status, seconds] of answers) {
      durations.observe(method, route, status, seconds);
      histogram.observe({ method, route, status_code: String(status) }, seconds);
    }
    const written = await ours.metrics();
    expect(lines(written)).toEqual(lines(await theirs.metrics()));
    expect(written).toContain('# TYPE http_request_duration_seconds histogram');
    expect(written).toContain(
      'http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/me",status_code="200"} 2',
    );
  });

  it('start again from nothing when the registry is reset', async () => {
    const registry = new Registry();
    const durations = new RequestDurations({ help, buckets });
    registry.registerMetric(durations.asMetric());
    durations.observe('GET', '/api/v1/me', 200, 0.001);
    registry.resetMetrics();
    expect(lines(await registry.metrics())).toEqual([]);
  });
});
