import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../lib/app-error';
import { html } from '../lib/html';
import { createPdfRenderer, type PdfRenderer } from './pdf-renderer';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const renderers: PdfRenderer[] = [];
const make = (options: { poolSize?: number; maxQueue?: number; timeoutMs?: number; relaunchAfter?: number } = {}) => {
  const renderer = createPdfRenderer({ executablePath, poolSize: 1, ...options });
  renderers.push(renderer);
  return renderer;
};
afterEach(async () => {
  await Promise.all(renderers.splice(0).map((renderer) => renderer.close()));
});

const doc = (text: string) => html`<!doctype html><html><body><p>${text}</p></body></html>`;

/** Chromium processes started by this test process (puppeteer spawns them as children). */
function chromiumChildren(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)]).toString();
  return out
    .split('\n')
    .filter((line) => /chrom/i.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** Puppeteer starts Chromium in its own process group: killing the group leaves no orphans. */
function killGroup(pid: number) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    process.kill(pid, 'SIGKILL');
  }
}

describe('PDF renderer limits', () => {
  it('answers 429 with Retry-After once the queue is full', async () => {
    const renderer = make({ poolSize: 1, maxQueue: 2 });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, index) => renderer.render(doc(`n${index}`))),
    );
    const rejected = results.filter((result) => result.status === 'rejected');
    // One rendering, two waiting; the other three are turned away at once.
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    expect(rejected).toHaveLength(3);
    for (const result of rejected) {
      const error = (result as PromiseRejectedResult).reason as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.status).toBe(429);
      expect(error.headers['retry-after']).toBe('5');
    }
    expect(renderer.stats()).toMatchObject({ active: 0, queued: 0 });
  });

  it('answers 503 when a render passes its deadline and frees the slot', async () => {
    const renderer = make({ timeoutMs: 1 });
    const error = await renderer.render(doc('slow')).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(503);
    expect(renderer.stats().active).toBe(0);
  });

  it('relaunches Chromium after a crash', async () => {
    const renderer = make({ timeoutMs: 60_000 });
    await renderer.render(doc('before'));
    const pids = chromiumChildren();
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) killGroup(pid);
    // The renderer has noticed the crash once it no longer counts that Chromium as alive.
    await vi.waitFor(() => expect(renderer.stats().browsers).toBe(0), { timeout: 60_000 });
    const pdf = await renderer.render(doc('after'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(renderer.stats().launches).toBe(2);
  }, 120_000);

  it('survives a crash in the middle of a render by retrying on a fresh Chromium', async () => {
    const renderer = make({ timeoutMs: 60_000 });
    await renderer.render(doc('warm'));
    const pending = renderer.render(
      html`<!doctype html><html><body>${Array.from({ length: 1000 }, (_, index) => html`<p>Zeile ${index}</p>`)}</body></html>`,
    );
    // Kill as soon as the render holds its slot (a long document keeps it busy well past that).
    await vi.waitFor(() => expect(renderer.stats().active).toBe(1), { timeout: 60_000, interval: 1 });
    for (const pid of chromiumChildren()) killGroup(pid);
    const pdf = await pending;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Exactly one relaunch: the crash hit this render, which was retried on a fresh Chromium.
    expect(renderer.stats().launches).toBe(2);
  }, 120_000);

  it('replaces Chromium after N renders, also under constant load, and closes the old one', async () => {
    const renderer = make({ poolSize: 2, relaunchAfter: 3, timeoutMs: 60_000 });
    await Promise.all(Array.from({ length: 7 }, (_, index) => renderer.render(doc(`r${index}`))));
    expect(renderer.stats()).toMatchObject({ renders: 7, launches: 3 });
    // The retired ones close once their last render is done.
    await vi.waitFor(() => expect(renderer.stats().browsers).toBe(1), { timeout: 60_000 });
  }, 120_000);
});
