import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '../../../testing/render';
import { useListFilters } from '../lib/use-list-filters';
import { ListFilters } from './list-filters';

const choices = {
  status: { options: ['open', 'paid'] as const },
  view: { options: ['mine', 'all'] as const, fallback: 'all' as const },
};

/** A list page's filter bar and what it would ask the API for. */
function Probe() {
  const filters = useListFilters(choices);
  return (
    <>
      <ListFilters
        filters={filters}
        search={{ label: 'Suche' }}
        selects={[
          { name: 'status', label: 'Status', allLabel: 'Alle', optionLabel: (value) => `S:${value}` },
          { name: 'view', label: 'Ansicht', optionLabel: (value) => `V:${value}` },
        ]}
      />
      <output>{JSON.stringify({ q: filters.q, ...filters.values })}</output>
    </>
  );
}

const render = (path: string) => renderRoutes([{ path: '/list', element: <Probe /> }], path);
const asked = () => JSON.parse(screen.getByRole('status').textContent ?? '{}');

describe('ListFilters with useListFilters', () => {
  it('reads search and filters from the URL, ignoring values the options do not know', () => {
    render('/list?q=%20Kranich%20&status=paid&view=nonsense');
    expect((screen.getByLabelText('Suche') as HTMLInputElement).value).toBe(' Kranich ');
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('paid');
    expect(asked()).toEqual({ q: 'Kranich', status: 'paid', view: 'all' });
  });

  it('writes each change to the URL, leaving out empty values and fallbacks', () => {
    const { router } = render('/list');
    expect(asked()).toEqual({ view: 'all' });
    fireEvent.change(screen.getByLabelText('Suche'), { target: { value: 'RE-2026' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'open' } });
    fireEvent.change(screen.getByLabelText('Ansicht'), { target: { value: 'mine' } });
    expect(new URLSearchParams(router.state.location.search).toString()).toBe('q=RE-2026&status=open&view=mine');
    expect(asked()).toEqual({ q: 'RE-2026', status: 'open', view: 'mine' });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Ansicht'), { target: { value: 'all' } });
    expect(router.state.location.search).toBe('?q=RE-2026');
  });
});
