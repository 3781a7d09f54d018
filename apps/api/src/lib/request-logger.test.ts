import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { requestLogger } from './request-logger';

/** A Fastify app logging at `level` into `lines`, with the request logger of app.ts. */
async function appLoggingAt(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  const app = Fastify({ logger: { level, stream }, childLoggerFactory: requestLogger, disableRequestLogging: true });
  const childSpy = vi.spyOn(app.log, 'child');
  app.get('/quiet', async () => ({ ok: true }));
  app.get('/noisy', async (request) => {
    request.log.info('not at warn');
    request.log.warn({ detail: 'x' }, 'something to know');
    request.log.child({ step: 'inner' }).error('from a child');
    return { ok: true };
  });
  app.get('/level', async (request) => ({
    level: request.log.level,
    info: (request.log as unknown as { isLevelEnabled(level: string): boolean }).isLevelEnabled('info'),
  }));
  await app.ready();
  return { app, lines, childSpy };
}

describe('requestLogger', () => {
  it('makes no child logger for a request that writes nothing', async () => {
    const { app, lines, childSpy } = await appLoggingAt('warn');
    expect((await app.inject({ url: '/quiet' })).statusCode).toBe(200);
    expect(childSpy).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
  });

  it('writes a request’s lines with its request id, and only at enabled levels', async () => {
    const { app, lines } = await appLoggingAt('warn');
    const response = await app.inject({ url: '/noisy' });
    expect(response.statusCode).toBe(200);
    const reqId = lines[0]?.reqId;
    expect(reqId).toBeTypeOf('string');
    expect(lines.map(({ msg, level, step }) => ({ msg, level, step }))).toEqual([
      { msg: 'something to know', level: 40, step: undefined },
      { msg: 'from a child', level: 50, step: 'inner' },
    ]);
    expect(lines.every((line) => line.reqId === reqId)).toBe(true);
    expect(lines[0]).toMatchObject({ detail: 'x' });
  });

  it('answers level questions as the app’s logger does', async () => {
    const { app } = await appLoggingAt('info');
    expect((await app.inject({ url: '/level' })).json()).toEqual({ level: 'info', info: true });
  });

  it('keeps Fastify’s request logging at info', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    const app = Fastify({ logger: { level: 'info', stream }, childLoggerFactory: requestLogger });
    app.get('/', async () => ({ ok: true }));
    await app.inject({ url: '/' });
    expect(lines.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
    expect(lines[0]?.reqId).toBe(lines[1]?.reqId);
  });

  it('is a logger Fastify accepts', () => {
    const logger = requestLogger(Fastify({ logger: true }).log as FastifyBaseLogger, { reqId: 'r1' }, {});
    for (const method of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'child'] as const) {
      expect(typeof logger[method]).toBe('function');
    }
  });
});
