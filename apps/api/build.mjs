// Bundles the API into dist/server.js. Dependencies stay in node_modules (native and WASM parts
// cannot be bundled); the workspace's TypeScript packages are bundled in. Migrations are copied
// beside the bundle, where migrate.ts looks for them, and so are the XML schemas.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@portal/'));

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { server: 'src/server.ts', cli: 'src/db/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'info',
});
cpSync('src/db/migrations', 'dist/migrations', { recursive: true });
// The password hashing thread's module (ADR 0029-b), loaded by piscina from beside the bundle.
cpSync('src/lib/password-worker.mjs', 'dist/password-worker.mjs');
// The ISO 20022 schemas that direct-debit runs and bank statements are validated against.
cpSync('src/modules/collection/schemas', 'dist/schemas', { recursive: true });
