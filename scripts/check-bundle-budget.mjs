// The SPA's speed budget (ADR 0008), from Vite's build manifest:
// - initial JavaScript: the entry script and the modules it preloads, what every visit downloads
//   before the router knows the page: at most 120 KB gzipped;
// - each key page's first visit: the initial JavaScript plus the lazy route modules the router
//   loads for that page and everything they import: at most 170 KB gzipped, or the page's own
//   `budgetKb` in apps/web/first-load.mjs (the back office: 200 KB).
// Another build can be checked by passing its directory (e.g. a build outside apps/web/dist).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { firstLoadPages } from '../apps/web/first-load.mjs';

const KB = 1024;
const INITIAL_BUDGET = 120 * KB;
/** The pages most visits start on and their lazy route modules: apps/web/first-load.mjs. */
const pages = Object.fromEntries(
  firstLoadPages.map((page) => [
    `${page.name} (${page.path})`,
    { modules: page.modules, budget: (page.budgetKb ?? 170) * KB },
  ]),
);

const dist = process.argv[2]
  ? path.resolve(process.argv[2])
  : fileURLToPath(new URL('../apps/web/dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const gzipped = new Map();
const sizeOf = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length);
  return gzipped.get(file);
};

/** The chunk of a manifest key and every chunk it imports statically (what the browser fetches with it). */
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest: update scripts/check-bundle-budget.mjs`);
  if (files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, files);
  return files;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const initial = closure(entryKey);
const total = (files) => [...files].reduce((sum, file) => sum + sizeOf(file), 0);
const kb = (bytes) => `${(bytes / KB).toFixed(1).padStart(7)} KB`;

for (const file of initial) console.log(`${kb(sizeOf(file))}  ${file}`);
const initialBytes = total(initial);
console.log(`${kb(initialBytes)}  initial JavaScript, gzipped (budget ${INITIAL_BUDGET / KB} KB)`);

const failures = initialBytes > INITIAL_BUDGET ? ['initial JavaScript'] : [];
for (const [page, { modules, budget }] of Object.entries(pages)) {
  const files = new Set(initial);
  for (const module of modules) closure(module, files);
  const bytes = total(files);
  console.log(`${kb(bytes)}  first visit of ${page} (budget ${budget / KB} KB)`);
  if (bytes > budget) failures.push(page);
}
if (failures.length > 0) {
  console.error(`Over budget: ${failures.join(', ')}. Load more of the SPA lazily.`);
  process.exit(1);
}
