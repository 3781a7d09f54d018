import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAmounts, lineNet, negateTaxes, taxOf } from './invoice-amounts';
import { formatInvoiceNumber } from './invoice-number';

const line = fc.record({
  quantity: fc.integer({ min: 1, max: 1_000_000 }).map((milli) => milli / 1000),
  unitPrice: fc.integer({ min: 0, max: 10_000_000 }),
  taxRate: fc.constantFrom(0, 7, 19, 25.5),
});

describe('invoice amounts', () => {
  it('rounds half away from zero in cents', () => {
    expect(taxOf(1050, 19)).toBe(200); // 199.5 → 200
    expect(taxOf(-1050, 19)).toBe(-200);
    expect(lineNet(1500, 999)).toBe(1499); // 1.5 × 9.99 € = 14.985 → 14.99
    expect(taxOf(100, 7)).toBe(7);
  });

  it('takes rates with one decimal exactly (Finland 25.5 %)', () => {
    expect(taxOf(1000, 25.5)).toBe(255);
    expect(taxOf(1, 25.5)).toBe(0); // 0.255 ct
    expect(taxOf(2, 25.5)).toBe(1); // 0.51 ct
    expect(taxOf(-2, 25.5)).toBe(-1);
    expect(taxOf(7_900, 25.5)).toBe(2_015); // 2014.5 → 2015
  });

  it('computes tax per rate on the summed net, not per line', () => {
    const amounts = computeAmounts([
      { quantity: 1, unitPrice: 5, taxRate: 19 },
      { quantity: 1, unitPrice: 5, taxRate: 19 },
    ]);
    // Per line 0.95 ct would round to 1 ct twice; on the sum 10 ct × 19 % = 1.9 → 2 ct.
    expect(amounts.taxes).toEqual([{ taxRate: 19, net: 10, tax: 2, gross: 12 }]);
  });

  it('always adds up: lines to net, rates to totals, net + tax to gross', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        const amounts = computeAmounts(lines);
        expect(amounts.lineNets.reduce((a, b) => a + b, 0)).toBe(amounts.net);
        expect(amounts.taxes.reduce((a, row) => a + row.gross, 0)).toBe(amounts.gross);
        expect(amounts.net + amounts.tax).toBe(amounts.gross);
        for (const row of amounts.taxes) {
          expect(Number.isInteger(row.tax)).toBe(true);
          expect(Math.abs(row.tax - (row.net * row.taxRate) / 100)).toBeLessThanOrEqual(0.5);
        }
        expect(new Set(amounts.taxes.map((row) => row.taxRate)).size).toBe(amounts.taxes.length);
      }),
    );
  });

  it('a cancellation reverses every amount exactly', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), (lines) => {
        const { taxes } = computeAmounts(lines);
        const reversed = negateTaxes(taxes);
        taxes.forEach((row, index) => {
          expect(row.gross + (reversed[index]?.gross ?? 0)).toBe(0);
          expect(row.tax + (reversed[index]?.tax ?? 0)).toBe(0);
        });
      }),
    );
  });
});

describe('invoice numbers', () => {
  it('are zero-padded so that they sort in issue order within and across years', () => {
    expect(formatInvoiceNumber(2026, 123)).toBe('RE-2026-000123');
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 999_998 }),
        fc.integer({ min: 1, max: 999_998 }),
        (year, a, b) => {
          const order = Math.sign(a - b);
          const text = Math.sign(formatInvoiceNumber(year, a).localeCompare(formatInvoiceNumber(year, b)));
          expect(text).toBe(order);
          expect(formatInvoiceNumber(year, a) < formatInvoiceNumber(year + 1, b)).toBe(true);
        },
      ),
    );
  });

  it('refuses sequences outside the six digits', () => {
    expect(() => formatInvoiceNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatInvoiceNumber(2026, 1_000_000)).toThrow(RangeError);
  });
});
