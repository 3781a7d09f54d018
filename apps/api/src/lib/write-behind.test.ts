import { describe, expect, it } from 'vitest';
import { WriteBehind } from './write-behind';

type Seen = readonly [string, Date];

describe('WriteBehind', () => {
  it('keeps the last item per key and writes everything pending in one batch per flush', async () => {
    const batches: Array<readonly Seen[]> = [];
    const batch = new WriteBehind<Seen>({
      write: async (items) => void batches.push(items),
      intervalMs: 0,
      onError: () => {},
      key: ([id]) => id,
    });
    batch.add(['a', new Date(1_000)]);
    batch.add(['a', new Date(2_000)]);
    batch.add(['b', new Date(3_000)]);
    expect(batch.pending).toBe(2);
    await batch.flush();
    await batch.flush();
    expect(batches).toEqual([
      [
        ['a', new Date(2_000)],
        ['b', new Date(3_000)],
      ],
    ]);
    expect(batch.pending).toBe(0);
  });

  it('keeps every item without a key, in order, and drops beyond maxPending', async () => {
    const written: number[] = [];
    const batch = new WriteBehind<number>({
      write: async (items) => void written.push(...items),
      intervalMs: 0,
      onError: () => {},
      maxPending: 3,
    });
    for (const item of [1, 1, 2, 3]) batch.add(item);
    expect(batch.dropped).toBe(1);
    await batch.close();
    expect(written).toEqual([1, 1, 2]);
  });

  it('drops a failed batch after reporting it, and keeps working', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const written: string[] = [];
    const batch = new WriteBehind<string>({
      write: async (items) => {
        if (fail) throw new Error('database away');
        written.push(...items);
      },
      intervalMs: 0,
      onError: (error) => errors.push(error),
    });
    batch.add('a');
    await batch.flush();
    fail = false;
    batch.add('b');
    await batch.close();
    expect(errors).toHaveLength(1);
    expect(written).toEqual(['b']);
  });
});
