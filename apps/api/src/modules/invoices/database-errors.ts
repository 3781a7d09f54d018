/** A PostgreSQL error, whether pg or PGlite raised it and however drizzle wrapped it. */
export interface PgErrorInfo {
  code: string;
  constraint?: string;
}

export function pgErrorOf(error: unknown): PgErrorInfo | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        ...(typeof candidate.constraint === 'string' ? { constraint: candidate.constraint } : {}),
      };
    }
    current = candidate.cause;
  }
  return undefined;
}

/** True when the error is a violation of the named unique index or constraint. */
export function violates(error: unknown, constraint: string): boolean {
  const info = pgErrorOf(error);
  return (info?.code === '23505' || info?.code === '23514') && info.constraint === constraint;
}
