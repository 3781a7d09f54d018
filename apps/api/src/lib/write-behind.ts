/**
 * Writes that may lag a little ("last seen", "last used", security-log entries of floods),
 * collected in memory and written in one statement per period instead of one per request (#19).
 * Up to one period of them is lost if the process dies (ADR 0025-d): use it only for data nothing
 * else depends on, never for the record of a change (that commits with the change).
 */
export interface WriteBehindOptions<T> {
  write(items: readonly T[]): Promise<void>;
  intervalMs: number;
  onError(error: unknown): void;
  /** Items with the same key are one: the later replaces the earlier (e.g. "last seen" per session). */
  key?: (item: T) => string;
  /** Items held at most; more are dropped (and counted) while the database cannot take them. */
  maxPending?: number;
}

export class WriteBehind<T> {
  readonly #pending = new Map<string | number, T>();
  readonly #options: WriteBehindOptions<T>;
  readonly #maxPending: number;
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();
  #sequence = 0;
  #dropped = 0;

  constructor(options: WriteBehindOptions<T>) {
    this.#options = options;
    this.#maxPending = options.maxPending ?? 100_000;
    if (options.intervalMs > 0) {
      this.#timer = setInterval(() => void this.flush(), options.intervalMs);
      this.#timer.unref();
    }
  }

  add(item: T): void {
    const key = this.#options.key ? this.#options.key(item) : this.#sequence++;
    if (!this.#pending.has(key) && this.#pending.size >= this.#maxPending) {
      this.#dropped++;
      return;
    }
    this.#pending.set(key, item);
  }

  get pending(): number {
    return this.#pending.size;
  }

  /** Items refused because too many were waiting. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Writes what is pending now; flushes never overlap. A failed write is reported and dropped. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      if (this.#pending.size === 0) return;
      const items = [...this.#pending.values()];
      this.#pending.clear();
      try {
        await this.#options.write(items);
      } catch (error) {
        this.#options.onError(error);
      }
    });
    return this.#flushing;
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }
}
