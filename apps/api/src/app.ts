import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from './config';
import type { DatabaseHandle } from './db/client';
import { frameworkErrors, rejectNulCharacters } from './lib/request-hygiene';
import { requestLogger } from './lib/request-logger';
import { responseSerializerCompiler } from './lib/response-serializer';
import { createSecretBox } from './lib/secret-box';
import accountModule from './modules/account/account.routes';
import accountDataModule from './modules/account/account-data.routes';
import adminCustomersModule from './modules/account/admin-customers.routes';
import announcementsModule from './modules/announcements/announcements.routes';
import apiTokensModule from './modules/api-tokens/api-tokens.routes';
import accountSecurityModule from './modules/auth/account-security.routes';
import authModule from './modules/auth/auth.routes';
import passwordResetModule from './modules/auth/password-reset.routes';
import bankAccountModule from './modules/bank-account/bank-account.routes';
import collectionAdminModule from './modules/collection/collection-admin.routes';
import healthModule from './modules/health/health.routes';
import invoicesModule from './modules/invoices/invoices.routes';
import invoicesAdminModule from './modules/invoices/invoices-admin.routes';
import paymentsModule from './modules/invoices/payments/payments.routes';
import sandboxPayModule from './modules/invoices/payments/sandbox-pay.routes';
import legalModule from './modules/legal/legal.routes';
import mfaPlugin from './modules/mfa/mfa.plugin';
import mfaModule from './modules/mfa/mfa.routes';
import mfaSignInModule from './modules/mfa/sign-in.routes';
import overviewModule from './modules/overview/overview.routes';
import productsModule from './modules/products/products.routes';
import productsAdminModule from './modules/products/products-admin.routes';
import providerModule from './modules/provider/provider.routes';
import securityLogPlugin from './modules/security-log/security-log.plugin';
import securityLogModule from './modules/security-log/security-log.routes';
import staffModule from './modules/staff/staff.routes';
import staffAuditPlugin from './modules/staff/staff-audit.plugin';
import teamModule from './modules/team/team.routes';
import ticketsModule from './modules/tickets/tickets.routes';
import webhooksModule from './modules/webhooks/webhooks.routes';
import authPlugin, { sessionCookieName } from './plugins/auth';
import databasePlugin from './plugins/database';
import errorsPlugin, { sendProblem } from './plugins/errors';
import jobsPlugin from './plugins/jobs';
import metricsPlugin from './plugins/metrics';
import openapiPlugin, { API_PREFIX } from './plugins/openapi';
import outboxPlugin from './plugins/outbox';
import pdfPlugin from './plugins/pdf';
import securityPlugin, { apiSecurityHeaders } from './plugins/security';
import webPlugin from './plugins/web';

export interface BuildAppOptions {
  config: AppConfig;
  database: DatabaseHandle;
  /** The server owns the database and closes it with the app; tests share theirs. */
  closeDatabaseWithApp?: boolean;
  logger?: boolean;
  /**
   * The clock of the rules that run on time (second-factor codes and challenges). Real time unless
   * a caller passes its own, as the route tests do to reach an expiry without waiting for it.
   */
  now?: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    now: () => Date;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the whole API without listening; `server.ts` listens, tests call `inject`. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.LOG_LEVEL },
    // A request's logger becomes pino's child on its first line, not on every request (#19).
    childLoggerFactory: requestLogger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // The last TRUST_PROXY_HOPS addresses are our proxies. Fastify 5.12 ignores a bare hop count
    // (it fails closed), so it gets the same rule as a function; the API must be reachable only
    // through those proxies, or a client could name its own address in X-Forwarded-For.
    trustProxy: config.TRUST_PROXY_HOPS > 0 ? (_address: string, hop: number) => hop < config.TRUST_PROXY_HOPS : false,
    // A caller's request id (from a proxy) is kept when it looks sane, so logs line up.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrors(apiSecurityHeaders(config.secureCookies)),
  });
  // Valid but unfit for real customers (e.g. the payment sandbox in production): said at every start.
  for (const warning of config.startupWarnings) app.log.warn(`WARNING: ${warning}`);
  app.decorate('now', options.now ?? (() => new Date()));
  app.decorate('idempotencyBox', createSecretBox(config.mfaEncryptionKey, 'idempotent-answer v1'));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler(config.responseSerializer));
  // Hooks every request passes are callback hooks: an async one costs a promise per request (#19).
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('preValidation', rejectNulCharacters);

  await app.register(errorsPlugin);
  await app.register(databasePlugin, {
    handle: options.database,
    closeWithApp: options.closeDatabaseWithApp ?? false,
  });
  await app.register(jobsPlugin, { tickMs: config.JOBS_TICK_SECONDS * 1000 });
  await app.register(outboxPlugin, { config });
  await app.register(securityPlugin, { config });
  await app.register(authPlugin, { config, database: options.database });
  await app.register(securityLogPlugin, { batchMs: config.SECURITY_LOG_BATCH_MS });
  await app.register(staffAuditPlugin);
  await app.register(mfaPlugin, { config });
  await app.register(openapiPlugin, { secure: config.secureCookies });
  await app.register(pdfPlugin, { config });
  await app.register(metricsPlugin, { config });

  // One module per portal section, each below the versioned prefix.
  await app.register(
    async (api) => {
      await api.register(healthModule);
      await api.register(authModule, { config });
      await api.register(mfaSignInModule, { config });
      await api.register(passwordResetModule, { config });
      await api.register(accountModule, { config });
      await api.register(accountSecurityModule);
      await api.register(bankAccountModule, { config });
      await api.register(accountDataModule, { config });
      await api.register(mfaModule);
      await api.register(apiTokensModule);
      await api.register(teamModule, { config });
      await api.register(adminCustomersModule, { config });
      await api.register(overviewModule);
      await api.register(announcementsModule);
      await api.register(providerModule, { config });
      await api.register(legalModule, { config });
      await api.register(productsModule);
      await api.register(productsAdminModule, { config });
      await api.register(invoicesModule);
      await api.register(paymentsModule, { config });
      await api.register(invoicesAdminModule, { config });
      await api.register(collectionAdminModule, { config });
      await api.register(ticketsModule, { config });
      await api.register(securityLogModule);
      await api.register(staffModule, { config });
      await api.register(webhooksModule, { config });
    },
    { prefix: API_PREFIX },
  );

  // The sandbox payment provider's hosted pages (outside the API: they stand in for an external site).
  if (config.payments.provider === 'sandbox') {
    await app.register(sandboxPayModule, { config, secret: config.payments.sandboxSecret });
  }
  await app.register(webPlugin, { distDir: config.WEB_DIST_DIR, sessionCookie: sessionCookieName(config) });
  app.setNotFoundHandler((request, reply) => {
    return (
      app.serveSpa(request, reply) ??
      sendProblem(request, reply, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`)
    );
  });
  return app;
}
