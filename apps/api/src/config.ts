import { randomBytes } from 'node:crypto';
import { accessSync, constants, statSync } from 'node:fs';
import { validateCreditorID } from 'sepa';
import { z } from 'zod';
import { DEVELOPMENT_JWT_SECRET, DEVELOPMENT_MFA_ENCRYPTION_KEY, weakSecretReason } from './lib/secret-strength';

/** The Bundesbank's published test creditor identifier: the default outside production only. */
export const DEMO_CREDITOR_ID = 'DE98ZZZ09999999999';

const dayList = z
  .string()
  .regex(/^\d{1,3}(,\d{1,3})*$/, 'comma-separated days, e.g. 7,21,35')
  .transform((value) => value.split(',').map(Number))
  .refine((days) => days.every((day, index) => index === 0 || day > (days[index - 1] ?? 0)), 'must increase');

function isReadableFile(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

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
    /** While the database is away, requests answer 503 after at most this long (connect or wait for a pool slot). */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(1_500),
    /** A query without an answer after this long fails (a connection lost without notice); 0: never. */
    DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
    DATA_DIR: z.string().min(1).default('./data'),
    /** Fill an empty embedded database with the demo data on start. Never touches DATABASE_URL. */
    SEED_DEMO_DATA: booleanFlag.default(true),
    /** Signs the access tokens. Required in production; development falls back to a fixed key. */
    JWT_SECRET: z.string().min(32).optional(),
    /**
     * Encrypts the TOTP secrets at rest (an AES-256-GCM key is derived from it with HKDF). Required in
     * production; development falls back to a published key. Changing it makes enrolled authenticator
     * apps unusable (recovery codes still work): keep it like a database backup key.
     */
    MFA_ENCRYPTION_KEY: z.string().min(32).optional(),
    /** Who takes card payments and direct debits. Default: `sandbox` outside production, `none` in it. */
    PAYMENT_PROVIDER: z.enum(['sandbox', 'none']).optional(),
    /** Signs the sandbox's page links and callbacks; required in production when the sandbox runs. */
    PAYMENT_SANDBOX_SECRET: z.string().min(32).optional(),
    ACCESS_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(12),
    /**
     * How long an instance may answer from its session cache (ADR 0025-d) before asking the
     * database again; changes reach it at once through LISTEN/NOTIFY, this only bounds a missed
     * one. 0 turns the cache off. PostgreSQL only (the embedded database has no second connection).
     */
    SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(30).default(30),
    /**
     * Security-log entries about nobody known (refused requests without a session, sign-ins with an
     * unknown address) are written in one batch this often; up to this much is lost if the process
     * dies (ADR 0025-d).
     */
    SECURITY_LOG_BATCH_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
    /** Number of reverse proxies in front of the API whose X-Forwarded-* headers are trusted. */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    STAFF_SECOND_FACTOR: z.enum(['required', 'optional']).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    /** Built SPA to serve; empty disables static serving (e.g. behind `vite dev`). */
    WEB_DIST_DIR: z.string().default(''),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().min(3).default('Kundenportal <portal@example.com>'),
    CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
    PDF_POOL_SIZE: z.coerce.number().int().min(1).max(16).default(2),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    /** Failed sign-ins per account and hour from all addresses before addresses that failed are refused (ADR 0010). */
    LOGIN_ACCOUNT_FAILURES_BEFORE_SLOWDOWN: z.coerce.number().int().min(1).max(1000).default(50),
    /** The first wait of one address on one account past its free failures; it doubles with each further one (ADR 0010). */
    LOGIN_FIRST_DELAY_SECONDS: z.coerce.number().int().min(1).max(900).default(1),
    /**
     * Password hashes a second this instance starts for callers without a session (sign-in, reset),
     * checked in memory before anything is written: a flood beyond it is refused at once. Default:
     * about a fifth of the cores (argon2id takes ≈ 15 ms here, so 13 a second per core).
     */
    PASSWORD_HASHES_PER_SECOND: z.coerce.number().int().min(1).max(10_000).optional(),
    /** Ceiling on all API requests of one client address per minute, across every instance. */
    GLOBAL_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).default(1200),
    /** Apply pending migrations at start. Production runs the `migrate` step instead and sets false. */
    MIGRATE_ON_START: booleanFlag.default(true),
    /** Bearer token for GET /metrics on the main port; unset: /metrics answers 404 there. */
    METRICS_TOKEN: z.string().min(16).optional(),
    /** Serve /metrics without a token on this separate port (keep it off the public network). */
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** How often each instance looks for due periodic jobs. */
    JOBS_TICK_SECONDS: z.coerce.number().min(0.2).max(300).default(5),
    /** Outbox delivery period (with SMTP_URL); one instance delivers per period. */
    OUTBOX_INTERVAL_SECONDS: z.coerce.number().min(1).max(3600).default(5),
    /** After SIGTERM, requests and renders in flight get this long before the process exits anyway. */
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
    /** Years (from the end of the year) that public-form declarations and sent e-mails are kept (§195 BGB: 3). */
    CORRESPONDENCE_RETENTION_YEARS: z.coerce.number().int().min(1).max(10).default(3),
    // The provider's identity: letterhead of invoices, creditor of SEPA mandates, contact page.
    PROVIDER_NAME: z.string().min(1).default('Nordwind Rechenzentren GmbH'),
    PROVIDER_STREET: z.string().min(1).default('Am Windpark 1'),
    PROVIDER_POSTAL_CODE: z.string().min(1).default('25917'),
    PROVIDER_CITY: z.string().min(1).default('Enge-Sande'),
    PROVIDER_COUNTRY: z.string().length(2).default('DE'),
    PROVIDER_PHONE: z.string().min(1).default('+49 4662 123450'),
    PROVIDER_EMAIL: z.email().default('support@nordwind-rz.example'),
    PROVIDER_WEBSITE: z.url().default('https://nordwind-rz.example'),
    PROVIDER_SUPPORT_HOURS: z.string().min(1).default('Mo–Fr 08:00–18:00, Störungen 24/7'),
    PROVIDER_VAT_ID: z.string().min(1).default('DE312345678'),
    PROVIDER_TAX_NUMBER: z.string().default('1529/123/45678'),
    PROVIDER_REGISTER: z.string().min(1).default('Amtsgericht Flensburg, HRB 12345 FL'),
    PROVIDER_MANAGING_DIRECTORS: z.string().min(1).default('Jana Petersen, Ole Hansen'),
    PROVIDER_BANK_NAME: z.string().min(1).default('Nord-Ostsee Sparkasse'),
    PROVIDER_IBAN: z.string().min(15).default('DE02120300000000202051'),
    PROVIDER_BIC: z.string().min(8).default('BYLADEM1001'),
    PROVIDER_CREDITOR_ID: z
      .string()
      .min(8)
      .max(35)
      .refine((value) => validateCreditorID(value), 'is not a valid SEPA creditor identifier (check digits)')
      .default(DEMO_CREDITOR_ID),
    /** Production refuses the demo creditor identifier unless this says it is a staging system. */
    SEPA_DEMO_CREDITOR_ID_ALLOWED: booleanFlag.default(false),
    /** Days between issue and the announced collection date of a direct debit (pre-notification). */
    SEPA_PRE_NOTIFICATION_DAYS: z.coerce.number().int().min(1).max(60).default(14),
    /** Days after the due date of the payment reminder, the first and the second Mahnung. */
    DUNNING_STEP_DAYS: dayList.default([7, 21, 35]),
    /** Largest camt.053 statement the import takes. */
    BANK_STATEMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(10_000)
      .max(100 * 1_048_576)
      .default(10 * 1_048_576),
    /** §36 VSBG statement in the Impressum: `none` (not willing, not obliged) or `universal` (federal board). */
    PROVIDER_CONSUMER_ARBITRATION: z.enum(['none', 'universal']).default('none'),
    /** The provider's own privacy notice (Markdown, German) instead of the built-in one. */
    LEGAL_PRIVACY_FILE: z.string().min(1).optional(),
    /** Its English version; unset while LEGAL_PRIVACY_FILE is set: the German text is shown in English too. */
    LEGAL_PRIVACY_FILE_EN: z.string().min(1).optional(),
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV !== 'production') return;
    const requireStrong = (
      key: 'JWT_SECRET' | 'PAYMENT_SANDBOX_SECRET' | 'MFA_ENCRYPTION_KEY',
      value: string | undefined,
    ) => {
      const reason = value === undefined ? 'is required in production' : weakSecretReason(value);
      if (reason) ctx.addIssue({ code: 'custom', path: [key], message: reason });
    };
    requireStrong('JWT_SECRET', config.JWT_SECRET);
    requireStrong('MFA_ENCRYPTION_KEY', config.MFA_ENCRYPTION_KEY);
    if (config.MFA_ENCRYPTION_KEY !== undefined && config.MFA_ENCRYPTION_KEY === config.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['MFA_ENCRYPTION_KEY'], message: 'must differ from JWT_SECRET' });
    }
    if (config.PAYMENT_PROVIDER === 'sandbox') {
      requireStrong('PAYMENT_SANDBOX_SECRET', config.PAYMENT_SANDBOX_SECRET);
      if (config.PAYMENT_SANDBOX_SECRET !== undefined && config.PAYMENT_SANDBOX_SECRET === config.JWT_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['PAYMENT_SANDBOX_SECRET'], message: 'must differ from JWT_SECRET' });
      }
    }
    if (config.PROVIDER_CREDITOR_ID === DEMO_CREDITOR_ID && !config.SEPA_DEMO_CREDITOR_ID_ALLOWED) {
      ctx.addIssue({
        code: 'custom',
        path: ['PROVIDER_CREDITOR_ID'],
        message:
          'is the demo creditor identifier; set your own (or SEPA_DEMO_CREDITOR_ID_ALLOWED=true on a staging system)',
      });
    }
    for (const key of ['LEGAL_PRIVACY_FILE', 'LEGAL_PRIVACY_FILE_EN'] as const) {
      const file = config[key];
      if (file !== undefined && !isReadableFile(file)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `cannot read the file ${file}` });
      }
    }
    if (config.LEGAL_PRIVACY_FILE_EN && !config.LEGAL_PRIVACY_FILE) {
      ctx.addIssue({ code: 'custom', path: ['LEGAL_PRIVACY_FILE'], message: 'is required with LEGAL_PRIVACY_FILE_EN' });
    }
  });

/** The payment provider in use; `none` offers bank transfers only. */
export type PaymentsConfig = { provider: 'sandbox'; sandboxSecret: Buffer } | { provider: 'none' };

export type AppConfig = z.infer<typeof ZConfig> & {
  jwtSecret: string;
  mfaEncryptionKey: string;
  payments: PaymentsConfig;
  /** Said loudly in the log at start: the configuration is valid but not what production should run. */
  startupWarnings: string[];
  /** Staff must set up an authenticator app before the back office answers them (production default). */
  staffSecondFactorRequired: boolean;
  secureCookies: boolean;
  provider: ProviderIdentity;
};

/** Who the portal belongs to, as invoices, mandates and the contact page show it. */
export interface ProviderIdentity {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
  email: string;
  website: string;
  supportHours: string;
  vatId: string;
  taxNumber: string;
  register: string;
  managingDirectors: string;
  bankName: string;
  iban: string;
  bic: string;
  creditorId: string;
}

function paymentsConfig(env: z.infer<typeof ZConfig>): PaymentsConfig {
  const provider = env.PAYMENT_PROVIDER ?? (env.NODE_ENV === 'production' ? 'none' : 'sandbox');
  if (provider === 'none') return { provider };
  // Outside production an unset key is random per process: links die with a restart, nothing leaks.
  const sandboxSecret = env.PAYMENT_SANDBOX_SECRET ? Buffer.from(env.PAYMENT_SANDBOX_SECRET) : randomBytes(32);
  return { provider, sandboxSecret };
}

function startupWarnings(env: z.infer<typeof ZConfig>, payments: PaymentsConfig): string[] {
  if (env.NODE_ENV !== 'production') return [];
  return [
    ...(payments.provider === 'sandbox'
      ? [
          'PAYMENT_PROVIDER=sandbox in production: no real money moves, card payments always succeed and are marked as tests. Never run this for real customers.',
        ]
      : []),
    ...(env.STAFF_SECOND_FACTOR === 'optional'
      ? [
          'STAFF_SECOND_FACTOR=optional in production: staff reach the back office, and every customer’s data, with a password alone.',
        ]
      : []),
    ...(env.PROVIDER_CREDITOR_ID === DEMO_CREDITOR_ID
      ? [
          `PROVIDER_CREDITOR_ID is the demo creditor identifier ${DEMO_CREDITOR_ID}: no bank takes its direct-debit files. Never run this for real customers.`,
        ]
      : []),
  ];
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings in .env files mean "not set".
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ZConfig.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const payments = paymentsConfig(parsed.data);
  return {
    ...parsed.data,
    jwtSecret: parsed.data.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    mfaEncryptionKey: parsed.data.MFA_ENCRYPTION_KEY ?? DEVELOPMENT_MFA_ENCRYPTION_KEY,
    payments,
    startupWarnings: startupWarnings(parsed.data, payments),
    staffSecondFactorRequired:
      (parsed.data.STAFF_SECOND_FACTOR ?? (parsed.data.NODE_ENV === 'production' ? 'required' : 'optional')) ===
      'required',
    secureCookies: parsed.data.PUBLIC_URL.startsWith('https://'),
    provider: {
      name: parsed.data.PROVIDER_NAME,
      street: parsed.data.PROVIDER_STREET,
      postalCode: parsed.data.PROVIDER_POSTAL_CODE,
      city: parsed.data.PROVIDER_CITY,
      country: parsed.data.PROVIDER_COUNTRY,
      phone: parsed.data.PROVIDER_PHONE,
      email: parsed.data.PROVIDER_EMAIL,
      website: parsed.data.PROVIDER_WEBSITE,
      supportHours: parsed.data.PROVIDER_SUPPORT_HOURS,
      vatId: parsed.data.PROVIDER_VAT_ID,
      taxNumber: parsed.data.PROVIDER_TAX_NUMBER,
      register: parsed.data.PROVIDER_REGISTER,
      managingDirectors: parsed.data.PROVIDER_MANAGING_DIRECTORS,
      bankName: parsed.data.PROVIDER_BANK_NAME,
      iban: parsed.data.PROVIDER_IBAN,
      bic: parsed.data.PROVIDER_BIC,
      creditorId: parsed.data.PROVIDER_CREDITOR_ID,
    },
  };
}
