/** Node socket errors of a database that went away or cannot be reached. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs meaning "the server cannot serve now": class 08 (connection exception), shutdown and
 * start-up (57P01–57P03), too many connections (53300), a query cancelled by statement_timeout (57014).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300|57014)$/;

/** Messages of node-postgres for a lost or unobtainable connection (they carry no code). */
const POOL_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection error|Client was closed|Cannot use a pool after calling end/i;

/**
 * True when a failure means the database is unavailable rather than that the request was wrong:
 * the API answers 503 (retry later) instead of 500. Walks `cause` because drizzle wraps driver errors.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    if (SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)) return true;
    if (typeof candidate.message === 'string' && POOL_MESSAGES.test(candidate.message)) return true;
    // Node's AggregateError (IPv4 and IPv6 both refused) lists the socket errors.
    if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = candidate.cause;
  }
  return false;
}
