import type { FastifyInstance, onSendHookHandler, RouteOptions } from 'fastify';

/** Methods that change nothing (RFC 9110 §9.2.1). */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a route answers only safe methods. */
export function onlySafeMethods(route: Pick<RouteOptions, 'method'>): boolean {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return methods.every((method) => SAFE_METHODS.has(method));
}

/**
 * Adds an `onSend` hook to the routes registered from now on that `applies` picks, ahead of the
 * route's own: a hook only some routes need costs the others nothing (an app-wide async hook
 * costs every request a promise, #19). Register it before the routes, like any hook.
 */
export function addOnSendToRoutes(
  app: FastifyInstance,
  applies: (route: RouteOptions) => boolean,
  hook: onSendHookHandler,
): void {
  app.addHook('onRoute', (route) => {
    if (!applies(route)) return;
    const own = route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend];
    route.onSend = [hook, ...own];
  });
}
