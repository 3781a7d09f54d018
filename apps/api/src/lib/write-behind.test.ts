import { describe, expect, it } from 'vitest';
import { WriteBehind } from './write-behind';

describe('WriteBehind', () => {
  it('writes the latest instant per id once, in one batch per flush', async () => {
    const batches: Array<ReadonlyArray<readonly [string, Date]>> = [];
    const batch = new WriteBehind({
      write: async (entries) => void batches.push(entries),
      intervalMs: 0,
      onError: () => {},
    });
    batch.mark('a', new Date(2_000));
    batch.mark('a', new Date(1_000));
    batch.mark('b', new Date(3_000));
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

  it('drops a failed batch after reporting it, and keeps working', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const written: string[] = [];
    const batch = new WriteBehind({
      write: async (entries) => {
        if (fail) throw new Error('database away');
        written.push(...entries.map(([id]) => id));
      },
      intervalMs: 0,
      onError: (error) => errors.push(error),
    });
    batch.mark('a', new Date());
    await batch.flush();
    fail = false;
    batch.mark('b', new Date());
    await batch.close();
    expect(errors).toHaveLength(1);
    expect(written).toEqual(['b']);
  });
});
