import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One worker per core: vitest's default leaves one core to itself, which on the two-core
    // CI machine ran every test file one after another while the database waited.
    maxWorkers: availableParallelism(),
    projects: [
      'packages/contracts',
      'packages/sdk',
      'apps/api/vitest.parallel.config.ts',
      // Files that measure time or start processes of their own run after the rest, alone.
      'apps/api/vitest.serial.config.ts',
      'apps/web',
    ],
  },
});
