import type { FilterChoices, ListFilters as Filters } from '../lib/use-list-filters';
import { SearchField } from './search-field';

/** One select of a list's filter bar: its label, the text of each option, and an "all" option. */
export interface SelectFilter<F extends Record<string, FilterChoices>> {
  name: keyof F & string;
  label: string;
  /** The option for "no filter"; omitted where the filter always has a value (its `fallback`). */
  allLabel?: string;
  optionLabel: (value: string) => string;
}

/**
 * The filter bar of a back-office list page (`useListFilters`): the search field and the selects,
 * each labelled, each change written to the URL.
 */
export function ListFilters<F extends Record<string, FilterChoices>>({
  filters,
  search,
  selects = [],
}: {
  filters: Filters<F>;
  search: { label: string; hint?: string };
  selects?: Array<SelectFilter<F>>;
}) {
  return (
    <search className="card filters">
      <SearchField label={search.label} hint={search.hint} value={filters.search} onChange={filters.setSearch} />
      {selects.map((select) => (
        <label key={select.name} className="field">
          <span>{select.label}</span>
          <select
            value={(filters.values[select.name] as string | undefined) ?? ''}
            onChange={(event) => filters.setFilter(select.name, event.target.value)}
          >
            {select.allLabel !== undefined && <option value="">{select.allLabel}</option>}
            {filters.choices[select.name]?.options.map((value) => (
              <option key={value} value={value}>
                {select.optionLabel(value)}
              </option>
            ))}
          </select>
        </label>
      ))}
    </search>
  );
}

/** The texts of a list page whose bar is a search and a status filter (contracts, invoices). */
interface StatusListTexts {
  search: string;
  searchHint: string;
  statusFilter: string;
  allStatuses: string;
}

/** `ListFilters` props for a search and a `status` select with an "all" option. */
export function searchAndStatus(t: StatusListTexts, statusLabel: (status: string) => string) {
  return {
    search: { label: t.search, hint: t.searchHint },
    selects: [{ name: 'status' as const, label: t.statusFilter, allLabel: t.allStatuses, optionLabel: statusLabel }],
  };
}
