import { defineProject } from 'vitest/config';
import { apiTestDefaults, mockingTestFiles, serialTestFiles } from './vitest.shared';

/**
 * The timing-sensitive files and those that mock a module (see vitest.shared.ts): one at a time,
 * after all other projects, each in a fresh module registry.
 */
export default defineProject({
  test: {
    ...apiTestDefaults,
    name: 'api-serial',
    include: [...serialTestFiles, ...mockingTestFiles],
    fileParallelism: false,
    sequence: { groupOrder: 1 },
  },
});
