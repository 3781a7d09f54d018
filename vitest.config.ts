import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/contracts', 'packages/sdk', 'apps/api', 'apps/web'],
  },
});
