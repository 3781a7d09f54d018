/**
 * Access tokens this instance has verified, by their exact text (#19, ADR 0002). A token seen
 * again is the same signed token, so its claims are known without decoding it and checking its
 * signature again — that check (through @fastify/jwt and fast-jwt's own cache, which hashes every
 * token first) was the largest single cost of a small authenticated route. Only what the signature
 * proves is kept: the caller's session is still looked up on every request, so a revoked session
 * is refused whatever is held here. An entry is used only before the token's expiry; the oldest
 * entries make room when `max` is reached.
 */
export class VerifiedTokens<C extends { exp: number }> {
  readonly #entries = new Map<string, C>();
  readonly #verify: (token: string) => C;
  readonly #max: number;
  readonly #now: () => number;

  /** `verify` checks signature, algorithm and claims, and throws for a token it refuses. */
  constructor(verify: (token: string) => C, options: { max?: number; now?: () => number } = {}) {
    this.#verify = verify;
    this.#max = options.max ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** The claims of a valid, unexpired token; throws (from `verify`) for any other. */
  claims(token: string): C {
    const known = this.#entries.get(token);
    if (known !== undefined) {
      if (known.exp * 1000 > this.#now()) return known;
      this.#entries.delete(token);
    }
    const claims = this.#verify(token);
    if (this.#entries.size >= this.#max) {
      // Insertion order: the first key is the token verified longest ago.
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(token, claims);
    return claims;
  }

  get size(): number {
    return this.#entries.size;
  }
}
