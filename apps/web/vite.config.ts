/// <reference types="vitest/config" />
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Manifest, type Plugin } from 'vite';
import { firstLoadPages } from './first-load.mjs';

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
  },
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup.ts'],
  },
});
