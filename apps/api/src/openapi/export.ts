import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';

/**
 * The API document as production serves it at `/api/v1/openapi.json`, taken from the app without
 * a server and without a database (the pool never connects: nothing is asked of it). The SDK's
 * types are generated from it (`pnpm --filter @portal/sdk generate`, ADR 0025).
 */
export async function exportOpenApiDocument(): Promise<string> {
  const secret = () => randomBytes(32).toString('base64url');
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: secret(),
    MFA_ENCRYPTION_KEY: secret(),
    PUBLIC_URL: 'https://portal.example.com',
    WEB_DIST_DIR: '',
    SEPA_DEMO_CREDITOR_ID_ALLOWED: 'true',
    // No LISTEN connection for the session cache: nothing here may reach for the database.
    SESSION_CACHE_SECONDS: '0',
  });
  const database = await openDatabase({ databaseUrl: 'postgres://document-export@127.0.0.1:1/none', dataDir: '.' });
  const app = await buildApp({ config, database, logger: false, closeDatabaseWithApp: true });
  try {
    const response = await app.inject({ url: '/api/v1/openapi.json' });
    if (response.statusCode !== 200) throw new Error(`openapi.json answered ${response.statusCode}`);
    return `${JSON.stringify(response.json(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

// `tsx src/openapi/export.ts <file>` writes the document (standard output without a file).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const document = await exportOpenApiDocument();
  const target = process.argv[2];
  if (target) writeFileSync(target, document);
  else process.stdout.write(document);
}
