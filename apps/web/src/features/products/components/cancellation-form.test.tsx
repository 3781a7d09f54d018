import type { TProductDetail } from '@portal/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { CancellationForm } from './cancellation-form';

const product: TProductDetail = {
  id: '6f1c2a5e-8a31-4f2e-9a55-1c3c2f7b9a10',
  contractNumber: 'V-100001',
  name: 'Rack B-07',
  category: 'rack',
  status: 'active',
  startDate: '2024-02-01',
  price: { amount: 89_000, currency: 'EUR', interval: 'monthly', vatRate: 19, gross: 105_910 },
  termEndsOn: '2027-01-31',
  runsIndefinitely: false,
  endDate: null,
  specs: [],
  contract: {
    minimumTermMonths: 36,
    noticePeriodMonths: 3,
    renewalMonths: 12,
    termEndsOn: '2027-01-31',
    earliestEndDate: '2027-01-31',
    noticeDeadline: '2026-10-31',
  },
  cancellation: null,
  changes: [],
};

function renderForm() {
  return renderWithProviders(<CancellationForm product={product} />);
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

afterEach(() => vi.unstubAllGlobals());

describe('CancellationForm', () => {
  it('defaults to the earliest end date and asks for confirmation before it sends', async () => {
    const fetchMock = vi.fn(async () =>
      json(201, {
        id: '0b0b7f8e-3d5c-4f9a-8e7d-2a1b3c4d5e6f',
        productId: product.id,
        type: 'ordinary',
        reason: null,
        receivedAt: '2026-11-27T10:00:00.000Z',
        effectiveDate: '2027-01-31',
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderForm();
    expect(screen.getByLabelText('Gewünschtes Vertragsende')).toHaveProperty('value', '2027-01-31');
    expect(screen.getByText(/Frühestmöglich: 31\.01\.2027/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Weiter zur Bestätigung' }));
    expect(await screen.findByRole('heading', { name: 'Bitte prüfen Sie Ihre Kündigung' })).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'jetzt kündigen' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/v1/products/${product.id}/cancellation`);
    expect(JSON.parse(String(init.body))).toEqual({ type: 'ordinary', endDate: '2027-01-31' });
  });

  it('requires a reason for an extraordinary cancellation', async () => {
    renderForm();
    fireEvent.click(screen.getByLabelText('Außerordentliche Kündigung (aus wichtigem Grund)'));
    fireEvent.click(screen.getByRole('button', { name: 'Weiter zur Bestätigung' }));
    expect(
      await screen.findByText('Bitte nennen Sie den wichtigen Grund für die außerordentliche Kündigung.'),
    ).toBeTruthy();
  });

  it("returns to the form with the API's earliest date when a date is refused", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(
          422,
          {
            type: 'about:blank',
            title: 'Unprocessable Content',
            status: 422,
            code: 'unprocessable',
            requestId: 'req-12345678',
            earliestEndDate: '2027-01-31',
            errors: [
              {
                path: 'endDate',
                code: 'endDateNotAllowed',
                message: 'The contract can end on 2027-01-31 at the earliest.',
              },
            ],
          },
          'application/problem+json',
        ),
      ),
    );
    renderForm();
    fireEvent.change(screen.getByLabelText('Gewünschtes Vertragsende'), { target: { value: '2027-06-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Weiter zur Bestätigung' }));
    fireEvent.click(await screen.findByRole('button', { name: 'jetzt kündigen' }));
    expect(await screen.findByText(/Frühestmöglich ist der 31\.01\.2027/)).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByLabelText('Gewünschtes Vertragsende').getAttribute('aria-invalid')).toBe('true'),
    );
  });
});
