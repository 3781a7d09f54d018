/// <reference types="vitest/config" />
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Manifest, type Plugin, type Rolldown } from 'vite';
import { firstLoadPages, signedInFrame } from './first-load.mjs';

/**
 * Writes dist/preload-hints.json after the build: for each page of first-load.mjs, the files of
 * its lazy route modules and everything they import (not what the entry already loads), and the
 * API reads it starts. The API turns them into `Link` headers (apps/api/src/plugins/web.ts).
 */
function preloadHints(): Plugin {
  return {
    name: 'portal-preload-hints',
    apply: 'build',
    // After the files are written: Vite's own manifest is the last thing it emits.
    writeBundle(options) {
      const dir = options.dir ?? 'dist';
      const manifest = JSON.parse(readFileSync(path.join(dir, '.vite/manifest.json'), 'utf8')) as Manifest;
      const closure = (key: string, files: Set<string>) => {
        const chunk = manifest[key];
        if (!chunk) throw new Error(`first-load.mjs names ${key}, which is not in the build`);
        if (files.has(chunk.file)) return;
        files.add(chunk.file);
        for (const css of chunk.css ?? []) files.add(css);
        for (const imported of chunk.imports ?? []) closure(imported, files);
      };
      const initial = new Set<string>();
      const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
      if (entry) closure(entry, initial);
      const hints = Object.fromEntries(
        firstLoadPages.map((page) => {
          const files = new Set<string>(initial);
          for (const module of page.modules) closure(module, files);
          // The entry first (the HTML names it too, but the header reaches the browser earlier and
          // the order of the header is the order of the requests), then what the page adds.
          const ordered = [...initial, ...[...files].filter((file) => !initial.has(file))].map((file) => `/${file}`);
          return [
            page.path,
            {
              modules: ordered.filter((file) => file.endsWith('.js')),
              styles: ordered.filter((file) => file.endsWith('.css')),
              data: page.data,
              publicData: page.publicData,
            },
          ];
        }),
      );
      writeFileSync(path.join(dir, 'preload-hints.json'), `${JSON.stringify(hints, null, 2)}\n`);
    },
  };
}

/**
 * Chunks for the pages of first-load.mjs. Left alone, the bundler makes one chunk per set of
 * routes that share a module: the invoices' first visit fetched 34 scripts, and over HTTP/1.1
 * (six connections, one request each at a time) every sixth costs another round trip. Instead:
 * - `first-load-common`: what the sign-in page shares with the signed-in frame and its pages
 *   (form errors, messages, the language switch, …); no zod, so sign-in still loads none;
 * - `signed-in`: the signed-in frame (require-auth, the layout, /me with zod and the contracts it
 *   needs) and whatever the overview's and the invoices' route modules share with another route:
 *   every signed-in page loads the frame anyway;
 * what a route module alone needs stays in its own chunk (the bundler's default).
 */
function firstLoadChunks(): Rolldown.CodeSplittingGroup[] {
  const source = (module: string) => path.resolve(import.meta.dirname, module);
  const contractsIndex = path.resolve(import.meta.dirname, '../../packages/contracts/src/index.ts');
  // Worked out once, at the first chunking call (a config serves one build).
  let groups: Map<string, string> | undefined;
  const analyse = (ctx: Rolldown.ChunkingContext) => {
    const closure = (roots: string[]) => {
      const seen = new Set<string>();
      const visit = (id: string) => {
        if (seen.has(id)) return;
        seen.add(id);
        // The contracts' index re-exports every contract module; the bundler includes only those
        // whose exports are used, so their chunks are its choice.
        if (id === contractsIndex) return;
        for (const imported of ctx.getModuleInfo(id)?.importedIds ?? []) visit(imported);
      };
      for (const root of roots) visit(root);
      return seen;
    };
    const entry = source('src/main.tsx');
    const initial = closure([entry]);
    // Every route module: what the router (and the modules it loads) import lazily.
    const lazyRoots = new Set<string>();
    for (const id of closure([source('src/app/router.tsx')]))
      for (const lazy of ctx.getModuleInfo(id)?.dynamicallyImportedIds ?? []) lazyRoots.add(lazy);
    const reachedBy = new Map<string, Set<string>>();
    for (const root of lazyRoots)
      for (const id of closure([root])) {
        if (!reachedBy.has(id)) reachedBy.set(id, new Set());
        reachedBy.get(id)?.add(root);
      }
    const pageOf = (name: string) => {
      const page = firstLoadPages.find((candidate) => candidate.name === name);
      if (!page) throw new Error(`first-load.mjs has no page ${name}`);
      return page.modules.filter((module) => !signedInFrame.includes(module)).map(source);
    };
    const signIn = closure(pageOf('sign-in'));
    const frame = closure(signedInFrame.map(source));
    const pages = [...pageOf('overview'), ...pageOf('invoices')];
    // What the entry imports is one chunk beside it: otherwise a group below would take the
    // modules it shares with the entry (React, say) as its dependencies, and the entry would
    // import that group.
    const result = new Map<string, string>();
    for (const id of initial) if (id !== entry) result.set(id, 'initial');
    for (const id of [...frame, ...closure(pages)]) {
      if (initial.has(id)) continue;
      // The route modules keep chunks of their own: the router, the manifest and its readers name them.
      if (lazyRoots.has(id)) continue;
      const sharedWithOtherRoutes = [...(reachedBy.get(id) ?? [])].some((root) => !pages.includes(root));
      if (!frame.has(id) && !sharedWithOtherRoutes) continue;
      result.set(id, signIn.has(id) ? 'first-load-common' : 'signed-in');
    }
    return result;
  };
  // One group per chunk, in this order: a group takes the dependencies of what it captures unless
  // a group before it took them.
  return ['initial', 'first-load-common', 'signed-in'].map((chunk, index, chunks) => ({
    name: (id: string, ctx: Rolldown.ChunkingContext) => {
      groups ??= analyse(ctx);
      return groups.get(id) === chunk ? chunk : null;
    },
    debugName: chunk,
    priority: chunks.length - index,
  }));
}

// `vite dev` forwards API calls to the API started by `pnpm dev` (apps/api on API_PORT).
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;

export default defineConfig({
  plugins: [react(), preloadHints()],
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // scripts/check-bundle-budget.mjs reads which chunks each page loads from the manifest.
    manifest: true,
    // Inline assets would need data: in more CSP directives; keep every asset a file.
    assetsInlineLimit: 0,
    rolldownOptions: { output: { codeSplitting: { groups: firstLoadChunks() } } },
  },
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup.ts'],
  },
});
