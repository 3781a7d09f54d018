/**
 * Where a password hash runs (ADR 0029-e). Two lanes of threads:
 * - the **idle lane**, whose threads run under Linux's SCHED_IDLE: only on CPU time that no other
 *   thread wants, and a CPU running one counts as idle when a request's thread wakes up — a
 *   sign-in flood's hashes then take what the portal's other requests leave;
 * - the **fallback lane**, threads at a lower nice value only (ADR 0029-b), which still get
 *   about a tenth of a core on a saturated machine.
 * A hash goes to the idle lane while it has a free thread. One that has not finished after
 * `starvedAfterMs` (the machine has no idle time) is run again in the fallback lane and the first
 * answer counts; while every idle thread is taken, hashes go to the fallback lane at once. Sign-ins
 * on a saturated instance thus get slower, never stuck; at most `idleThreads` abandoned hashes go
 * on in idle time (hashing is pure: running one twice changes nothing).
 */
export interface HashingLanes {
  run<T>(task: (lane: HashingLane) => Promise<T>): Promise<T>;
  /** Hashes running in the idle lane, abandoned ones included. */
  readonly idleBusy: number;
  /** Hashes started in each lane so far (a hash run again counts in both). */
  readonly started: Readonly<Record<HashingLane, number>>;
}

export type HashingLane = 'idle' | 'fallback';

export function createHashingLanes({
  idleThreads,
  starvedAfterMs,
}: {
  idleThreads: number;
  starvedAfterMs: number;
}): HashingLanes {
  let idleBusy = 0;
  const started: Record<HashingLane, number> = { idle: 0, fallback: 0 };
  const start = <T>(lane: HashingLane, task: (lane: HashingLane) => Promise<T>) => {
    started[lane]++;
    return task(lane);
  };
  return {
    get idleBusy() {
      return idleBusy;
    },
    started,
    run<T>(task: (lane: HashingLane) => Promise<T>): Promise<T> {
      if (idleBusy >= idleThreads) return start('fallback', task);
      idleBusy++;
      const inIdle = start('idle', task).finally(() => {
        idleBusy--;
      });
      return firstOf(inIdle, () => start('fallback', task), starvedAfterMs);
    },
  };
}

/**
 * `primary`'s outcome, unless it has not settled after `afterMs`: then `backup()` is started and
 * whichever settles first counts (a hedged request). The other's outcome is dropped, never unhandled.
 */
export function firstOf<T>(primary: Promise<T>, backup: () => Promise<T>, afterMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const timer = setTimeout(() => {
      Promise.resolve()
        .then(backup)
        .then(
          (value) => settle(() => resolve(value)),
          (error: unknown) => settle(() => reject(error)),
        );
    }, afterMs);
    timer.unref();
    primary.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}
