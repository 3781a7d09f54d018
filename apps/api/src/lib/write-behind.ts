/**
 * Writes that may lag a little ("last seen", "last used"), collected in memory and written in one
 * statement per period instead of one per request (#19). Up to one period of them is lost if the
 * process dies; nothing else depends on them (ADR 0025-d).
 */
export class WriteBehind {
  readonly #pending = new Map<string, Date>();
  readonly #write: (entries: ReadonlyArray<readonly [string, Date]>) => Promise<void>;
  readonly #onError: (error: unknown) => void;
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(options: {
    write(entries: ReadonlyArray<readonly [string, Date]>): Promise<void>;
    intervalMs: number;
    onError(error: unknown): void;
  }) {
    this.#write = options.write;
    this.#onError = options.onError;
    if (options.intervalMs > 0) {
      this.#timer = setInterval(() => void this.flush(), options.intervalMs);
      this.#timer.unref();
    }
  }

  /** Notes that `id` was seen at `at`; the latest instant per id wins. */
  mark(id: string, at: Date): void {
    const known = this.#pending.get(id);
    if (!known || known < at) this.#pending.set(id, at);
  }

  get pending(): number {
    return this.#pending.size;
  }

  /** Writes what is pending now; flushes never overlap. A failed write is logged and dropped. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      if (this.#pending.size === 0) return;
      const entries = [...this.#pending];
      this.#pending.clear();
      try {
        await this.#write(entries);
      } catch (error) {
        this.#onError(error);
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
