import { defineProject } from 'vitest/config';
import { apiTestDefaults, serialTestFiles } from './vitest.shared';

/** The timing-sensitive files (see vitest.shared.ts): one at a time, after all other projects. */
export default defineProject({
  test: {
    ...apiTestDefaults,
    name: 'api-serial',
    include: serialTestFiles,
    fileParallelism: false,
    sequence: { groupOrder: 1 },
  },
});
