import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHashingLanes, firstOf, type HashingLane } from './hashing-lanes';

/** A task whose outcome the test decides, by lane. */
function controlledTask() {
  const started: HashingLane[] = [];
  const finish = new Map<HashingLane, (value: string) => void>();
  const task = (lane: HashingLane) => {
    started.push(lane);
    return new Promise<string>((resolve) => finish.set(lane, resolve));
  };
  return { task, started, finish: (lane: HashingLane, value: string) => finish.get(lane)?.(value) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('hashing lanes', () => {
  it('hash in the idle lane, and nowhere else when it finishes in time', async () => {
    const lanes = createHashingLanes({ idleThreads: 1, starvedAfterMs: 150 });
    const { task, started, finish } = controlledTask();
    const result = lanes.run(task);
    await vi.advanceTimersByTimeAsync(149);
    finish('idle', 'from the idle lane');
    expect(await result).toBe('from the idle lane');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toEqual(['idle']);
    expect(lanes.idleBusy).toBe(0);
    expect(lanes.started).toEqual({ idle: 1, fallback: 0 });
  });

  it('run a hash that finds no idle time again in the fallback lane; the first answer counts', async () => {
    const lanes = createHashingLanes({ idleThreads: 1, starvedAfterMs: 150 });
    const { task, started, finish } = controlledTask();
    const result = lanes.run(task);
    await vi.advanceTimersByTimeAsync(150);
    expect(started).toEqual(['idle', 'fallback']);
    finish('fallback', 'from the fallback lane');
    expect(await result).toBe('from the fallback lane');
    // The abandoned hash holds its idle thread until it is done, in idle time.
    expect(lanes.idleBusy).toBe(1);
    finish('idle', 'late');
    await vi.advanceTimersByTimeAsync(0);
    expect(lanes.idleBusy).toBe(0);
    expect(lanes.started).toEqual({ idle: 1, fallback: 1 });
  });

  it('send hashes to the fallback lane at once while every idle thread is taken', async () => {
    const lanes = createHashingLanes({ idleThreads: 1, starvedAfterMs: 150 });
    const first = controlledTask();
    void lanes.run(first.task);
    const second = controlledTask();
    const result = lanes.run(second.task);
    expect(second.started).toEqual(['fallback']);
    second.finish('fallback', 'at once');
    expect(await result).toBe('at once');
    first.finish('idle', 'done');
  });
});

describe('firstOf', () => {
  it('passes on a failure of the primary before the backup starts', async () => {
    const backup = vi.fn(async () => 'backup');
    const outcome = firstOf(Promise.reject(new Error('broken hash')), backup, 150);
    await expect(outcome).rejects.toThrow('broken hash');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(backup).not.toHaveBeenCalled();
  });

  it('answers with the backup when the primary fails after it started, and drops the failure', async () => {
    let failPrimary: (error: Error) => void = () => {};
    const primary = new Promise<string>((_resolve, reject) => {
      failPrimary = reject;
    });
    const outcome = firstOf(primary, async () => 'backup', 150);
    await vi.advanceTimersByTimeAsync(150);
    expect(await outcome).toBe('backup');
    failPrimary(new Error('too late to matter'));
    await vi.advanceTimersByTimeAsync(0);
  });
});
