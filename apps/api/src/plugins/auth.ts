import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import { isTokenScope, type TMemberRole, type TRole, type TTokenScope } from '@portal/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config';
import type { DatabaseHandle } from '../db/client';
import { startNotificationListener } from '../db/listener';
import type { CustomerRow } from '../db/schema/index';
import { AppError } from '../lib/app-error';
import { addOnSendToRoutes, onlySafeMethods, SAFE_METHODS } from '../lib/route-hooks';
import { WriteBehind } from '../lib/write-behind';
import { findTokenCaller, touchApiTokens } from '../modules/api-tokens/api-tokens.repository';
import { hashApiToken, isApiToken } from '../modules/api-tokens/api-tokens.service';
import { secondFactorSetupRequired } from '../modules/auth/auth.service';
import { parseInvalidation, SESSION_CACHE_CHANNEL, SessionCache } from '../modules/auth/session-cache';
import { findActiveSession, type SessionUser, touchSessions } from '../modules/auth/sessions.repository';
import { VerifiedTokens } from '../modules/auth/verified-tokens';
import { asCustomerId, type CustomerId } from '../modules/customers/customer-id';
import { originOf, type RequestOrigin } from '../modules/security-log/security-log';

/** What a route knows about its caller once `authenticate` has run. */
export interface AuthContext {
  /** The user who acts: security log and audit entries name them. */
  userId: string;
  /**
   * The customer account the user acts for: the key every customer-data query is scoped by.
   * Staff belong to no customer; theirs names no customer account, so customer routes find nothing.
   */
  customerId: CustomerId;
  /** The request it came with: the security-log entries of what it changes name it. */
  origin: RequestOrigin;
  /** The session signed in with; null when a personal API token is the credential. */
  sessionId: string | null;
  /**
   * The personal API token the request carries (ADR 0023), with its scopes; null for a session.
   * `authorizeMember` lets a token reach only routes whose permission is one of its scopes.
   */
  token: { id: string; scopes: readonly TTokenScope[] } | null;
  role: TRole;
  /**
   * The account requires an authenticator app and this member has none: `authorizeMember` lets
   * them reach only `self` routes (where they set one up).
   */
  secondFactorSetupRequired: boolean;
  /** The user's role in the customer account; null for staff. */
  memberRole: TMemberRole | null;
  /**
   * The user as loaded with the session (without the password hash), so routes about the caller
   * need no second query. Shared with other requests through the session cache: never change it.
   */
  user: SessionUser;
  /** The customer account as loaded with the session; null for staff. */
  customer: CustomerRow | null;
}

interface AccessTokenClaims {
  sub: string;
  sid: string;
  role: TRole;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessTokenClaims;
    user: AccessTokenClaims & { iat: number; exp: number };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The onRequest hook of every route that needs a caller (callback style: see below). */
    authenticate(request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void;
    issueAccessToken(
      reply: FastifyReply,
      claims: AccessTokenClaims,
      useCookie: boolean,
    ): Promise<{ token: string; expiresAt: Date }>;
    clearSessionCookie(reply: FastifyReply): void;
    /** Whether the user must set up an authenticator app before anything but their own settings answers. */
    secondFactorSetupRequired(user: Pick<SessionUser, 'id' | 'role'>, customer: CustomerRow | null): Promise<boolean>;
    /** Signed-in callers this instance knows without a database trip; none without PostgreSQL (ADR 0025-d). */
    sessionCache: SessionCache<SessionCaller> | undefined;
    /** "Last seen" of sessions and "last used" of tokens, written behind the requests. */
    lastSeen: { sessions: WriteBehind<readonly [string, Date]>; tokens: WriteBehind<readonly [string, Date]> };
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** What a session stands for, as cached: everything `request.auth` holds but the credential. */
export interface SessionCaller {
  user: SessionUser;
  customer: CustomerRow | null;
  memberRole: TMemberRole | null;
  secondFactorSetupRequired: boolean;
}

/** What @fastify/jwt takes for a Bearer header (its lookupToken). */
const BEARER = /^Bearer\s+/i;
/** How often the collected "last seen" and "last used" instants are written. */
const LAST_SEEN_FLUSH_MS = 10_000;

/**
 * The session of a route that only a signed-in person reaches (`self` routes refuse tokens before
 * the handler runs, so this never throws there).
 */
export function sessionOf(auth: Pick<AuthContext, 'sessionId'>): string {
  if (auth.sessionId === null) throw new AppError('scope_forbidden', 'This route needs a signed-in session.');
  return auth.sessionId;
}

/** `__Host-` pins the cookie to this exact origin; browsers accept it only with Secure. */
export function sessionCookieName(config: AppConfig): string {
  return config.secureCookies ? '__Host-portal_session' : 'portal_session';
}

/**
 * A cookie is sent by the browser whatever page made the request, so a state-changing request
 * authenticated by cookie must come from our own origin (CSRF). Bearer tokens are not ambient.
 */
function isCrossSite(request: FastifyRequest, publicOrigin: string): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string') return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    const host = request.headers.host;
    return origin !== publicOrigin && !(host && (origin === `http://${host}` || origin === `https://${host}`));
  }
  return false;
}

export default fp(
  async (app: FastifyInstance, { config, database }: { config: AppConfig; database: DatabaseHandle }) => {
    const cookieName = sessionCookieName(config);
    const ttlSeconds = config.ACCESS_TOKEN_TTL_MINUTES * 60;
    const publicOrigin = new URL(config.PUBLIC_URL).origin;

    await app.register(cookie);
    await app.register(jwt, {
      secret: config.jwtSecret,
      sign: { algorithm: 'HS256', expiresIn: ttlSeconds },
      // A token without an expiry would be valid forever; one without an issue time defeats renewal.
      verify: { algorithms: ['HS256'], requiredClaims: ['exp', 'iat'] },
      cookie: { cookieName, signed: false },
    });
    app.decorateRequest('auth', null);
    // Tokens verified once are known by their text (never past their expiry): the session check
    // below still runs on every request, so a revoked session is refused whatever this holds.
    const verifiedTokens = new VerifiedTokens((token) => app.jwt.verify<FastifyRequest['user']>(token));

    app.decorate('issueAccessToken', async (reply: FastifyReply, claims: AccessTokenClaims, useCookie: boolean) => {
      const token = await reply.jwtSign(claims);
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      if (useCookie) {
        reply.setCookie(cookieName, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: config.secureCookies,
          expires: expiresAt,
        });
      }
      return { token, expiresAt };
    });

    app.decorate('secondFactorSetupRequired', (user: Pick<SessionUser, 'id' | 'role'>, customer: CustomerRow | null) =>
      secondFactorSetupRequired(app.db, user, customer, config.staffSecondFactorRequired),
    );

    const lastSeen = {
      sessions: new WriteBehind<readonly [string, Date]>({
        key: ([id]) => id,
        write: (entries) => touchSessions(app.db, entries),
        intervalMs: LAST_SEEN_FLUSH_MS,
        onError: (error) => app.log.warn({ err: error }, 'writing "last seen" of sessions failed'),
      }),
      tokens: new WriteBehind<readonly [string, Date]>({
        key: ([id]) => id,
        write: (entries) => touchApiTokens(app.db, entries),
        intervalMs: LAST_SEEN_FLUSH_MS,
        onError: (error) => app.log.warn({ err: error }, 'writing "last used" of API tokens failed'),
      }),
    };
    app.decorate('lastSeen', lastSeen);
    // Before the database closes (hooks run in reverse order of registration; the database plugin's is earlier).
    app.addHook('onClose', async () => {
      await Promise.all([lastSeen.sessions.close(), lastSeen.tokens.close()]);
    });

    const sessionCache = startSessionCache(app, config, database);
    app.decorate('sessionCache', sessionCache);

    /** The caller a session stands for, from the database (and then cached). */
    async function loadSessionCaller(sessionId: string): Promise<SessionCaller | undefined> {
      const generation = sessionCache?.generation ?? 0;
      const found = await findActiveSession(app.db, sessionId);
      if (!found) return undefined;
      const caller: SessionCaller = Object.freeze({
        user: Object.freeze(found.user),
        customer: found.customer ? Object.freeze(found.customer) : null,
        memberRole: found.memberRole,
        secondFactorSetupRequired: await app.secondFactorSetupRequired(found.user, found.customer),
      });
      sessionCache?.fill(sessionId, generation, {
        value: caller,
        userId: found.user.id,
        customerId: found.customer?.id ?? null,
        expiresAt: found.session.expiresAt,
      });
      return caller;
    }

    app.decorate('clearSessionCookie', (reply: FastifyReply) => {
      reply.clearCookie(cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
    });

    /** A personal API token: looked up by its hash on every request, so revoking it works at once everywhere. */
    async function authenticateToken(request: FastifyRequest, token: string) {
      const now = app.now();
      const found = await findTokenCaller(app.db, hashApiToken(token), now);
      if (!found) throw new AppError('unauthenticated', 'The token is unknown, expired or revoked.');
      request.auth = {
        userId: found.user.id,
        customerId: found.customer.id,
        origin: originOf(request),
        sessionId: null,
        token: { id: found.token.id, scopes: found.token.scopes.filter(isTokenScope) },
        secondFactorSetupRequired: await app.secondFactorSetupRequired(found.user, found.customer),
        role: found.user.role,
        memberRole: found.memberRole,
        user: found.user,
        customer: found.customer,
      };
      lastSeen.tokens.add([found.token.id, now]);
    }

    /**
     * The session's caller onto the request. Undefined when that is done: a session the cache
     * holds is known without a promise (most requests, #19); a promise when the database is asked.
     */
    function authenticateCaller(request: FastifyRequest, reply: FastifyReply): Promise<void> | undefined {
      const authorization = request.headers.authorization;
      const bearerToken =
        authorization && BEARER.test(authorization) ? authorization.replace(BEARER, '').trim() : undefined;
      if (bearerToken !== undefined && isApiToken(bearerToken)) return authenticateToken(request, bearerToken);
      // A Bearer header first, else the cookie (as @fastify/jwt's own lookup).
      const token = bearerToken ?? request.cookies[cookieName];
      const viaCookie = bearerToken === undefined && Boolean(token);
      let claims: FastifyRequest['user'];
      try {
        if (!token) throw new Error('no token');
        claims = verifiedTokens.claims(token);
      } catch {
        throw new AppError('unauthenticated', 'Sign in to continue.');
      }
      const admit = (found: SessionCaller | undefined): Promise<void> | undefined => {
        if (!found || found.user.id !== claims.sub) {
          if (viaCookie) app.clearSessionCookie(reply);
          throw new AppError('unauthenticated', 'The session has ended. Sign in again.');
        }
        if (viaCookie && !SAFE_METHODS.has(request.method) && isCrossSite(request, publicOrigin)) {
          throw new AppError('forbidden', 'Cross-site requests are not allowed.');
        }
        request.auth = {
          userId: found.user.id,
          customerId: asCustomerId(found.customer?.id ?? found.user.id),
          origin: originOf(request),
          sessionId: claims.sid,
          token: null,
          secondFactorSetupRequired: found.secondFactorSetupRequired,
          role: found.user.role,
          memberRole: found.memberRole,
          user: found.user,
          customer: found.customer,
        };
        lastSeen.sessions.add([claims.sid, app.now()]);
        // Sliding expiry for the browser: past half its lifetime the cookie's token is renewed.
        const ageSeconds = Date.now() / 1000 - claims.iat;
        if (viaCookie && ageSeconds > ttlSeconds / 2) {
          return app
            .issueAccessToken(reply, { sub: claims.sub, sid: claims.sid, role: found.user.role }, true)
            .then(() => undefined);
        }
        return undefined;
      };
      const cached = sessionCache?.get(claims.sid);
      return cached ? admit(cached) : loadSessionCaller(claims.sid).then(admit);
    }

    // A callback hook, not an async one: an async hook costs a promise and a turn of the microtask
    // queue on every request, though a cached session needs neither.
    app.decorate('authenticate', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
      let pending: Promise<void> | undefined;
      try {
        pending = authenticateCaller(request, reply);
      } catch (error) {
        done(error as Error);
        return;
      }
      if (pending) pending.then(() => done(), done);
      else done();
    });

    // Read your own writes on this instance: a change a caller makes (sign-out, profile, team,
    // second factor) reaches the cache through NOTIFY a moment after the commit; the caller's
    // next request must not be quicker. Before the answer leaves, forget the caller's account here.
    if (sessionCache) {
      addOnSendToRoutes(
        app,
        (route) => !onlySafeMethods(route),
        (request, _reply, payload, done) => {
          if (request.auth) {
            sessionCache.invalidate({ kind: 'u', id: request.auth.userId });
            sessionCache.invalidate({ kind: 'c', id: request.auth.customerId });
          }
          done(null, payload);
        },
      );
    }
  },
  { name: 'auth', dependencies: ['database'] },
);

/**
 * The session cache with its LISTEN connection, when the database is PostgreSQL and the cache is
 * configured (SESSION_CACHE_SECONDS > 0). Unusable until LISTEN is in place; emptied and bypassed
 * whenever it is lost (ADR 0025-d).
 */
function startSessionCache(app: FastifyInstance, config: AppConfig, database: DatabaseHandle) {
  if (config.SESSION_CACHE_SECONDS === 0 || !database.connectionString) return undefined;
  const cache = new SessionCache<SessionCaller>({ ttlMs: config.SESSION_CACHE_SECONDS * 1000 });
  let lostSince: number | undefined;
  const listener = startNotificationListener({
    connectionString: database.connectionString,
    channel: SESSION_CACHE_CHANNEL,
    applicationName: `portal-session-cache:${process.pid}`,
    onNotification: (payload) => cache.invalidate(parseInvalidation(payload) ?? { kind: '*' }),
    onListening: () => {
      cache.listening();
      if (lostSince !== undefined) app.log.info('session cache: listening again, cache in use');
      lostSince = undefined;
    },
    onLost: (error) => {
      cache.lost();
      if (lostSince === undefined) {
        lostSince = Date.now();
        app.log.warn({ err: error }, 'session cache: LISTEN connection lost; every request asks the database');
      }
    },
  });
  app.addHook('onClose', () => listener.close());
  return cache;
}
