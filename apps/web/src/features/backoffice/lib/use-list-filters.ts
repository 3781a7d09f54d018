import { useDeferredValue } from 'react';
import { useSearchParams } from 'react-router';

/** The choices of one select filter, and the one that holds while the URL names none. */
export interface FilterChoices<V extends string = string> {
  options: readonly V[];
  fallback?: V;
}

type Values<F extends Record<string, FilterChoices>> = {
  [K in keyof F]: F[K]['fallback'] extends string ? F[K]['options'][number] : F[K]['options'][number] | undefined;
};

/**
 * A back-office list page's search and filters, kept in the URL's search params: a reload, a shared
 * link or Back shows the same list. `q` is the search text (trimmed, deferred while typing); a
 * filter value the options do not know counts as none, so a hand-edited URL never reaches the API.
 */
export function useListFilters<F extends Record<string, FilterChoices>>(filters: F) {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const q = useDeferredValue(search.trim());
  const values = Object.fromEntries(
    Object.entries(filters).map(([name, choices]) => {
      const value = params.get(name);
      return [name, value && choices.options.includes(value) ? value : choices.fallback];
    }),
  ) as Values<F>;
  const set = (name: string, value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value && value !== filters[name]?.fallback) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  return {
    choices: filters,
    search,
    q: q || undefined,
    values,
    setSearch: (value: string) => set('q', value),
    setFilter: (name: keyof F & string, value: string) => set(name, value),
  };
}

export type ListFilters<F extends Record<string, FilterChoices>> = ReturnType<typeof useListFilters<F>>;
