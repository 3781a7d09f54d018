import { describe, expect, it } from 'vitest';
import { contractLines } from './invoices';

const contract = {
  name: 'Cloud-Server M „web-01“',
  contractNumber: 'V-100003',
  startDate: '2025-09-01',
  priceCents: 7_900,
  billingInterval: 'monthly' as const,
  endDate: null,
};
const november = { start: '2026-11-01', end: '2026-11-30' };

describe('demo invoice lines from the contracts', () => {
  it('bill a monthly contract every month at its price, naming product and contract', () => {
    expect(contractLines([contract], november)).toEqual([
      { description: 'Cloud-Server M „web-01“ – Vertrag V-100003', quantity: 1, unit: 'Monat', unitPrice: 7_900 },
    ]);
  });

  it('bill a quarterly or yearly contract in its first month of each period, saying the period', () => {
    const quarterly = { ...contract, billingInterval: 'quarterly' as const, startDate: '2024-11-01' };
    const yearly = { ...contract, billingInterval: 'yearly' as const, startDate: '2024-06-01' };
    expect(contractLines([quarterly], november)[0]).toMatchObject({
      unit: 'Quartal',
      description: 'Cloud-Server M „web-01“ – Vertrag V-100003, Leistungszeitraum 01.11.2026 – 31.01.2027',
    });
    expect(contractLines([quarterly], { start: '2026-12-01', end: '2026-12-31' })).toEqual([]);
    expect(contractLines([yearly], november)).toEqual([]);
    expect(contractLines([yearly], { start: '2026-06-01', end: '2026-06-30' })[0]?.unit).toBe('Jahr');
  });

  it('bill nothing before the start or after the end of a contract', () => {
    expect(contractLines([{ ...contract, startDate: '2026-12-15' }], november)).toEqual([]);
    expect(contractLines([{ ...contract, endDate: '2026-10-31' }], november)).toEqual([]);
    expect(contractLines([{ ...contract, endDate: '2026-11-15' }], november)).toHaveLength(1);
  });
});
