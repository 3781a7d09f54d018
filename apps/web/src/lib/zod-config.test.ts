import { describe, expect, it } from 'vitest';

describe('zod settings', () => {
  it('are adopted by zod from the global the entry sets, without importing zod', async () => {
    await import('./zod-config');
    const { config } = await import('zod');
    expect(config().jitless).toBe(true);
  });
});
