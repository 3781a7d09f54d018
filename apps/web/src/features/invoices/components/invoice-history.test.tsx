import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InvoiceStatusBadge } from '../../../components/ui/status-badges';
import { renderWithProviders } from '../../../testing/render';
import { InvoiceHistory } from './invoice-history';

const debit = (status: 'announced' | 'submitted' | 'collected' | 'returned') => ({
  status,
  collectionDate: '2026-12-15',
  mandateReference: 'K10001-2026-ABCDEF',
  returnReason: status === 'returned' ? 'AM04' : null,
});

describe('InvoiceStatusBadge', () => {
  it('says when the bank collects an unpaid invoice, instead of "open"', () => {
    renderWithProviders(
      <InvoiceStatusBadge invoice={{ status: 'open', directDebit: debit('announced'), dunningLevel: null }} />,
    );
    expect(screen.getByText('Lastschrift angekündigt für 15.12.2026')).toBeTruthy();
  });

  it('shows submitted and returned debits and the dunning step', () => {
    renderWithProviders(
      <>
        <InvoiceStatusBadge invoice={{ status: 'overdue', directDebit: debit('submitted'), dunningLevel: null }} />
        <InvoiceStatusBadge invoice={{ status: 'overdue', directDebit: debit('returned'), dunningLevel: 2 }} />
        <InvoiceStatusBadge invoice={{ status: 'paid', directDebit: debit('collected'), dunningLevel: null }} />
        <InvoiceStatusBadge invoice={{ status: 'overdue', directDebit: null, dunningLevel: 1 }} />
      </>,
    );
    expect(screen.getByText('Lastschrift eingereicht')).toBeTruthy();
    expect(screen.getByText('Rücklastschrift · 1. Mahnung')).toBeTruthy();
    expect(screen.getByText('Bezahlt')).toBeTruthy();
    expect(screen.getByText('Überfällig · Zahlungserinnerung')).toBeTruthy();
  });
});

describe('InvoiceHistory', () => {
  it('lists every step with its date, a returned debit with reason and fee', () => {
    renderWithProviders(
      <InvoiceHistory
        events={[
          { type: 'issued', date: '2026-12-01' },
          { type: 'debit_announced', date: '2026-12-01', collectionDate: '2026-12-15', amount: 11_900 },
          { type: 'debit_submitted', date: '2026-12-12', collectionDate: '2026-12-15' },
          { type: 'debit_returned', date: '2026-12-18', reason: 'AM04', fee: 300 },
          { type: 'reminder', date: '2027-01-05', level: 3, fee: 4_000 },
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem').map((item) => item.textContent?.replace(/\s+/g, ' '));
    expect(items).toEqual([
      '01.12.2026 Rechnung gestellt',
      '01.12.2026 Lastschrift über 119,00 € angekündigt für 15.12.2026',
      '12.12.2026 Lastschrift bei der Bank eingereicht (Einzug am 15.12.2026)',
      '18.12.2026 Rücklastschrift (Grund Deckung unzureichend, AM04), Bankgebühr 3,00 €',
      '05.01.2027 2. Mahnung versandt, Verzugspauschale 40,00 €',
    ]);
  });
});
