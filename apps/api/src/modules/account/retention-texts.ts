import type { TRetainedCategory } from '@portal/contracts';
import type { LifecycleContext } from '../../lifecycle/data-lifecycle';
import { dataLifecycles } from '../../lifecycle/registry';

/** What every registered module keeps after deletion, with the periods in force, in a stable order. */
export function keptAfterDeletion(periods: LifecycleContext['periods']): TRetainedCategory[] {
  const categories = [...new Set(dataLifecycles.flatMap((entry) => entry.keptAfterDeletion))];
  return categories.map((category) => ({ category, ...periods[category] }));
}
