import { configDefaults, defineProject } from 'vitest/config';
import { apiTestDefaults, serialTestFiles } from './vitest.shared';

/** The workspace run: every API test file but the timing-sensitive ones, one per core at a time. */
export default defineProject({
  test: {
    ...apiTestDefaults,
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...serialTestFiles],
  },
});
