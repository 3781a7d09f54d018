// Lighthouse on the built portal in the system Chromium: sign-in, overview and invoices, with
// the figures written to docs/lighthouse.md. Run with `pnpm lighthouse` after `pnpm build`.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const port = process.env.LIGHTHOUSE_PORT ?? '4176';
const base = `http://127.0.0.1:${port}`;
const pages = [
  { name: 'Sign-in', path: '/login', signedIn: false },
  { name: 'Overview', path: '/', signedIn: true },
  { name: 'Invoices', path: '/invoices', signedIn: true },
];
const categories = ['performance', 'accessibility', 'best-practices'];

const server = spawn('node', ['serve.mjs'], {
  cwd: fileURLToPath(new URL('.', import.meta.url)),
  env: { ...process.env, E2E_PORT: port },
  stdio: 'inherit',
});
const stopServer = () =>
  new Promise((resolve) => {
    server.once('exit', resolve);
    server.kill('SIGTERM');
  });

async function waitForServer() {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${base}/api/v1/health/ready`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the portal did not start');
}

async function sessionCookie() {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@example.com', password: 'demo-passwort-2026' }),
  });
  const cookie = response.headers.get('set-cookie');
  if (!response.ok || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(';')[0];
}

const rows = [];
let chrome;
try {
  await waitForServer();
  const cookie = await sessionCookie();
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
    ],
  });
  for (const page of pages) {
    const result = await lighthouse(`${base}${page.path}`, {
      port: chrome.port,
      onlyCategories: categories,
      output: 'json',
      logLevel: 'error',
      formFactor: 'desktop',
      screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
      throttlingMethod: 'simulate',
      ...(page.signedIn ? { extraHeaders: { Cookie: cookie } } : {}),
    });
    const scores = categories.map((category) => Math.round((result?.lhr.categories[category]?.score ?? 0) * 100));
    rows.push({ ...page, scores });
    console.log(`${page.name.padEnd(10)} ${categories.map((c, i) => `${c} ${scores[i]}`).join('  ')}`);
  }
} finally {
  await chrome?.kill();
  await stopServer();
}

const date = new Date().toISOString().slice(0, 10);
const table = rows.map((row) => `| ${row.name} (\`${row.path}\`) | ${row.scores.join(' | ')} |`).join('\n');
writeFileSync(
  new URL('../docs/lighthouse.md', import.meta.url),
  `# Lighthouse figures\n\nMeasured ${date} by \`pnpm lighthouse\` (Lighthouse 12.2.3, Debian's Chromium, desktop form factor,\nsimulated throttling) against the built portal with the demo data.\n\n| page | performance | accessibility | best practices |\n| --- | --- | --- | --- |\n${table}\n`,
);
const below = rows.filter((row) => row.scores.some((score) => score < 95));
if (below.length > 0) {
  console.error(`Below 95: ${below.map((row) => row.name).join(', ')}`);
  process.exitCode = 1;
}
