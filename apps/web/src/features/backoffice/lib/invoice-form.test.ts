import { describe, expect, it } from 'vitest';
import { eurosToCents, ZIssueInvoiceForm } from './invoice-form';

describe('the invoice form', () => {
  it('reads euros as integer cents', () => {
    expect(eurosToCents('12')).toBe(1200);
    expect(eurosToCents('12,5')).toBe(1250);
    expect(eurosToCents('0,07')).toBe(7);
    expect(eurosToCents('1.234,56')).toBe(123_456);
    expect(eurosToCents('19.99')).toBe(1999);
    expect(eurosToCents('1 000')).toBe(100_000);
  });

  it('parses what staff typed into the contract body', () => {
    const parsed = ZIssueInvoiceForm.parse({
      customerId: '4f7c1f0e-9f1a-4b6f-8a57-0b7f2d1e9c11',
      servicePeriod: { start: '2026-11-01', end: '2026-11-30' },
      lines: [{ description: 'Remote Hands', quantity: '1,5', unit: 'Std.', unitPrice: '85,00', vatRate: 'standard' }],
    });
    expect(parsed.lines).toEqual([
      { description: 'Remote Hands', quantity: 1.5, unit: 'Std.', unitPrice: 8500, vatRate: 'standard' },
    ]);
    const wrong = ZIssueInvoiceForm.safeParse({
      customerId: '4f7c1f0e-9f1a-4b6f-8a57-0b7f2d1e9c11',
      servicePeriod: { start: '2026-11-30', end: '2026-11-01' },
      lines: [{ description: 'X', quantity: '1', unit: 'Stk', unitPrice: '12,345', vatRate: 'standard' }],
    });
    expect(wrong.error?.issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['lines.0.unitPrice', 'servicePeriod.end']),
    );
  });
});
