/**
 * The API's test files that measure time (lockout windows, constant-time answers, deadlines)
 * or start processes and servers of their own. They run in the `api-serial` project, one at a
 * time after every other file, so that a neighbour's load never decides their outcome.
 */
export const serialTestFiles = [
  'test/scale-out.test.ts',
  'test/faults/database-outage.test.ts',
  'src/modules/auth/password-reset.timing.test.ts',
  'src/modules/auth/sign-in-flood.test.ts',
  'src/modules/auth/sign-in-lockout.test.ts',
  'src/modules/auth/session-cache.routes.test.ts',
  'src/modules/security-log/security-log.flood.test.ts',
  'src/pdf/pdf-renderer.limits.test.ts',
  'src/pdf/document-limit.test.ts',
];

/**
 * Files that replace a module with `vi.mock`: the parallel project shares one module registry per
 * worker (`isolate: false`), where a mock would reach the files after it — or arrive after the
 * module is already loaded. They run with the serial files, each in a fresh registry.
 */
export const mockingTestFiles: string[] = [];

export const apiTestDefaults = {
  environment: 'node' as const,
  // One migrated template database per run; every test file gets a fresh copy of it.
  globalSetup: ['./test/global-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};
