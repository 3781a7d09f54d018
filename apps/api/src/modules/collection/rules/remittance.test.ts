import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, invoiceNumbersIn } from './remittance';

describe('invoice numbers in remittance lines', () => {
  it('finds them whatever the case and spacing, once each, in order', () => {
    expect(invoiceNumbersIn('Rechnung RE-2026-000123')).toEqual(['RE-2026-000123']);
    expect(invoiceNumbersIn('re 2026 000123 und RE2026000124, RE-2026-000123')).toEqual([
      'RE-2026-000123',
      'RE-2026-000124',
    ]);
    expect(invoiceNumbersIn('R E - 2026 - 000007')).toEqual(['RE-2026-000007']);
    expect(invoiceNumbersIn('Kundennummer 10001, Miete')).toEqual([]);
    expect(invoiceNumbersIn('PRE-2026-000123 RE-2026-0001234')).toEqual([]);
  });
});

describe('allocating a received amount', () => {
  it('pays in order up to what is open; the rest is a credit', () => {
    expect(
      allocate(150, [
        { id: 'a', openCents: 100 },
        { id: 'b', openCents: 100 },
      ]),
    ).toEqual({
      payments: [
        { invoiceId: 'a', amountCents: 100 },
        { invoiceId: 'b', amountCents: 50 },
      ],
      creditCents: 0,
    });
    expect(allocate(50, [{ id: 'a', openCents: 0 }])).toEqual({ payments: [], creditCents: 50 });
  });

  it('never loses or makes a cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 5 }),
        (amount, opens) => {
          const result = allocate(
            amount,
            opens.map((openCents, index) => ({ id: String(index), openCents })),
          );
          const paid = result.payments.reduce((sum, payment) => sum + payment.amountCents, 0);
          expect(paid + result.creditCents).toBe(amount);
          for (const payment of result.payments)
            expect(payment.amountCents).toBeLessThanOrEqual(opens[Number(payment.invoiceId)] ?? 0);
          expect(result.creditCents).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
