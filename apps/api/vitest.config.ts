import { defineProject } from 'vitest/config';
import { apiTestDefaults } from './vitest.shared';

/**
 * Every API test file, for a run inside apps/api (`pnpm vitest run <file>`). The workspace run
 * (`pnpm test:unit` at the root) splits them into vitest.parallel.config.ts and
 * vitest.serial.config.ts instead.
 */
export default defineProject({
  test: {
    ...apiTestDefaults,
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
