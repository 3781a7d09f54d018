import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client';
import { scheduledJobs } from '../db/schema/index';

export interface JobDefinition {
  /** Unique, stable name, e.g. `invoices.mark-overdue`. */
  name: string;
  intervalMs: number;
  run(db: Database): Promise<void>;
}

export interface Scheduler {
  register(job: JobDefinition): void;
  /** Runs one job now if its period is due and no other instance has claimed it. */
  runDue(name: string): Promise<boolean>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Periodic background work (overdue marking, settlement, purges, outbox delivery). Each instance
 * ticks; a job runs only on the instance that claims its row for the period, so it runs once
 * across all instances. Jobs must be idempotent: a crash mid-run means a rerun next period.
 */
export function createScheduler(db: Database, log: FastifyBaseLogger, tickMs = 5_000): Scheduler {
  const jobs = new Map<string, JobDefinition>();
  let timer: NodeJS.Timeout | undefined;
  const running = new Set<Promise<unknown>>();

  const claim = async (job: JobDefinition): Promise<boolean> => {
    const claimed = await db
      .insert(scheduledJobs)
      .values({ name: job.name, lastStartedAt: sql`now()` })
      .onConflictDoUpdate({
        target: scheduledJobs.name,
        set: { lastStartedAt: sql`now()` },
        setWhere: sql`${scheduledJobs.lastStartedAt} <= now() - make_interval(secs => ${job.intervalMs / 1000})`,
      })
      .returning({ name: scheduledJobs.name });
    return claimed.length === 1;
  };

  const runDue = async (name: string): Promise<boolean> => {
    const job = jobs.get(name);
    if (!job) throw new Error(`unknown job ${name}`);
    if (!(await claim(job))) return false;
    let error: string | null = null;
    try {
      await job.run(db);
    } catch (failure) {
      error = String(failure).slice(0, 500);
      log.error({ err: failure, job: name }, 'scheduled job failed');
    }
    await db
      .update(scheduledJobs)
      .set({ lastFinishedAt: sql`now()`, lastError: error })
      .where(eq(scheduledJobs.name, name));
    return true;
  };

  const tick = () => {
    for (const name of jobs.keys()) {
      const work = runDue(name).catch((failure) => log.warn({ err: failure, job: name }, 'job claim failed'));
      running.add(work);
      void work.finally(() => running.delete(work));
    }
  };

  return {
    register(job) {
      if (jobs.has(job.name)) throw new Error(`job ${job.name} registered twice`);
      jobs.set(job.name, job);
    },
    runDue,
    start() {
      timer ??= setInterval(tick, tickMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await Promise.allSettled([...running]);
    },
  };
}
