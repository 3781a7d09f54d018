import { configDefaults, defineProject } from 'vitest/config';
import { apiTestDefaults, mockingTestFiles, serialTestFiles } from './vitest.shared';

/**
 * The workspace run: every API test file but the timing-sensitive and mocking ones, one per core
 * at a time. Files share their worker's module registry (`isolate: false`): each builds its own
 * app and database copy anyway, and importing the app once per worker instead of once per file
 * took the project from 356 s to 248 s on the two-core machine (ADR 0026-d). Module state that
 * outlives a file must be harmless to the next (no `vi.mock` here: see mockingTestFiles).
 */
export default defineProject({
  test: {
    ...apiTestDefaults,
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...serialTestFiles, ...mockingTestFiles],
    isolate: false,
  },
});
