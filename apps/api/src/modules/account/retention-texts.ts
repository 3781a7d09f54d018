import type { TLanguage, TRetainedCategory } from '@portal/contracts';
import type { LifecycleContext } from '../../lifecycle/data-lifecycle';
import { dataLifecycles } from '../../lifecycle/registry';
import { retentionLine } from '../legal/retention-texts';

/** What every registered module keeps after deletion, with the periods in force, in a stable order. */
export function keptAfterDeletion(periods: LifecycleContext['periods']): TRetainedCategory[] {
  const categories = [...new Set(dataLifecycles.flatMap((entry) => entry.keptAfterDeletion))];
  return categories.map((category) => ({ category, ...periods[category] }));
}

/** One line per kept category for the farewell e-mail, in the mail's language. */
export function keptCategoryLines(kept: TRetainedCategory[], language: TLanguage): string[] {
  return kept.map(({ category, ...period }) => retentionLine(category, period, language));
}
