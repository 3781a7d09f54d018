import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * `pnpm screenshots`: every page at 375 and 1280 px in German and English (and dark mode at
 * 1280 px), written to ../screenshots/ for review. A command, not part of the test suite.
 */
export default defineConfig({
  ...base,
  testDir: './screenshot-tour',
  testIgnore: [],
  projects: [{ name: 'screenshots' }],
  workers: 2,
  timeout: 180_000,
});
