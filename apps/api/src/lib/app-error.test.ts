import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';

describe('AppError', () => {
  it('carries a stack for a fault (5xx) and none for an answer (4xx)', () => {
    const limit = Error.stackTraceLimit;
    const fault = new AppError('internal', 'broken');
    const answer = new AppError('rate_limited', 'Too many sign-ins at this moment.');
    expect(fault.stack).toMatch(/\n\s+at /);
    expect(answer.stack).not.toMatch(/\n\s+at /);
    expect(answer.stack).toContain('Too many sign-ins');
    expect(answer.status).toBe(429);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('later').stack).toMatch(/\n\s+at /);
  });
});
