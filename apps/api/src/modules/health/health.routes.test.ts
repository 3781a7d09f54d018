import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/app';
import { openTestDatabase } from '../../../test/database';
import { expectProblem } from '../../../test/factories';
import { buildApp } from '../../app';

describe('health', () => {
  it('is alive and ready while the database answers, and not ready once it is gone', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ config: testConfig(), database, logger: false });
    expect((await app.inject({ url: '/api/v1/health' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/api/v1/health/ready' })).statusCode).toBe(200);

    await database.close();
    expectProblem(await app.inject({ url: '/api/v1/health/ready' }), 503, 'service_unavailable');
    expect((await app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
    await app.close();
  });
});
