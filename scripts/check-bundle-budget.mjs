// The SPA's speed budget: the JavaScript a first visit downloads (the entry script and the
// modules it preloads, not the lazily loaded sections) must stay within 150 KB gzipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
// Another build can be checked by passing its directory (e.g. a build outside apps/web/dist).
const dist = process.argv[2]
  ? path.resolve(process.argv[2])
  : fileURLToPath(new URL('../apps/web/dist/', import.meta.url));
const index = readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = [...index.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map(
  (match) => match[1],
);
if (initial.length === 0) throw new Error('no entry script found in apps/web/dist/index.html');

let total = 0;
for (const file of initial) {
  const size = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
console.log(
  `${(total / 1024).toFixed(1).padStart(7)} KB  initial JavaScript, gzipped (budget ${BUDGET_BYTES / 1024} KB)`,
);
if (total > BUDGET_BYTES) {
  console.error('Over budget: load more of the SPA lazily.');
  process.exit(1);
}
