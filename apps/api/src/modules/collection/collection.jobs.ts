import type { AppConfig } from '../../config';
import type { JobDefinition } from '../../jobs/scheduler';
import { runDunning } from './dunning.service';
import { expireUnusedMandates } from './mandate-expiry';
import { dunningSteps } from './rules/dunning';
import { runDailyCollection } from './runs.service';

export const DAILY_RUN_JOB = 'collection.daily-run';
export const DUNNING_JOB = 'collection.dunning';
export const MANDATE_EXPIRY_JOB = 'collection.mandate-expiry';

const DAY_MS = 24 * 3_600_000;

/** The daily jobs of getting paid; `now` is the clock (tests pass their own). */
export function collectionJobs(config: AppConfig, now: () => Date = () => new Date()): JobDefinition[] {
  return [
    {
      name: DAILY_RUN_JOB,
      intervalMs: DAY_MS,
      run: async (db) => {
        await runDailyCollection(db, { provider: config.provider, now });
      },
    },
    {
      name: DUNNING_JOB,
      intervalMs: DAY_MS,
      run: async (db) => {
        await runDunning(db, dunningSteps(config.DUNNING_STEP_DAYS), now());
      },
    },
    {
      name: MANDATE_EXPIRY_JOB,
      intervalMs: DAY_MS,
      run: async (db) => {
        await expireUnusedMandates(db, now());
      },
    },
  ];
}
