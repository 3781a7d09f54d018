import { describe, expect, it } from 'vitest';
import { Semaphore, SemaphoreFullError } from './semaphore';

describe('Semaphore', () => {
  it('never runs more than its capacity at once and runs everything', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const task = async (value: number) => {
      running++;
      peak = Math.max(peak, running);
      // Yield to the event loop, so the other tasks start while this one "runs".
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return value;
    };
    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => semaphore.run(() => task(index))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(2);
    expect(semaphore.queued).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await semaphore.run(async () => 'next')).toBe('next');
  });

  it('refuses new tasks while its waiting line is full, and takes them again once it drains', async () => {
    const semaphore = new Semaphore(1, 2);
    let release: () => void = () => {};
    const blocker = semaphore.run(() => new Promise<void>((resolve) => (release = resolve)));
    const waiting = [semaphore.run(async () => 1), semaphore.run(async () => 2)];
    await expect(semaphore.run(async () => 3)).rejects.toBeInstanceOf(SemaphoreFullError);
    expect(semaphore.queued).toBe(2);
    release();
    await blocker;
    expect(await Promise.all(waiting)).toEqual([1, 2]);
    expect(await semaphore.run(async () => 4)).toBe(4);
  });
});
