import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/**
 * The whole environment of the API, parsed once at boot. `process.env` is read nowhere else.
 * Every key is listed with its default in `.env.example` and the README.
 */
export const ZConfig = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Public base URL, used in e-mails and to decide on `Secure` cookies. */
    PUBLIC_URL: z.url().default('http://localhost:3000'),
    /** Unset: embedded PGlite in DATA_DIR. Set: a PostgreSQL server. */
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    DATA_DIR: z.string().min(1).default('./data'),
    /** Fill an empty embedded database with the demo data on start. Never touches DATABASE_URL. */
    SEED_DEMO_DATA: booleanFlag.default(true),
    /** Signs the access tokens. Required in production; development falls back to a fixed key. */
    JWT_SECRET: z.string().min(32).optional(),
    ACCESS_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(12),
    /** Number of reverse proxies in front of the API whose X-Forwarded-* headers are trusted. */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    /** Built SPA to serve; empty disables static serving (e.g. behind `vite dev`). */
    WEB_DIST_DIR: z.string().default(''),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().min(3).default('Kundenportal <portal@example.com>'),
    CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
    PDF_POOL_SIZE: z.coerce.number().int().min(1).max(16).default(2),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && !config.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production' });
    }
  });

export type AppConfig = z.infer<typeof ZConfig> & { jwtSecret: string; secureCookies: boolean };

const DEVELOPMENT_JWT_SECRET = 'development-only-secret-never-use-in-production!';

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings in .env files mean "not set".
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ZConfig.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    ...parsed.data,
    jwtSecret: parsed.data.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    secureCookies: parsed.data.PUBLIC_URL.startsWith('https://'),
  };
}
