import { describe, expect, it } from 'vitest';
import { centsAsEuroText, ZBookProductForm, ZChangeContractForm } from './contract-form';

const typed = {
  effectiveDate: '2027-01-01',
  price: { amount: '1.249,90', interval: 'monthly' },
  minimumTermMonths: '24',
  noticePeriodMonths: '1',
  renewalMonths: '0',
  reason: 'Neue Stromtarife',
};

describe('the contract forms', () => {
  it('turn euros and months typed as text into the cents and numbers the API takes', () => {
    expect(ZChangeContractForm.parse(typed)).toEqual({
      ...typed,
      price: { amount: 124_990, interval: 'monthly' },
      minimumTermMonths: 24,
      noticePeriodMonths: 1,
      renewalMonths: 0,
    });
  });

  it("keep the contract's rules: a minimum term of at least a month, a reason, a price in euros", () => {
    const result = ZChangeContractForm.safeParse({
      ...typed,
      minimumTermMonths: '0',
      reason: ' ',
      price: { amount: '12,345', interval: 'monthly' },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['minimumTermMonths', 'reason', 'price.amount']));
    expect(
      ZBookProductForm.safeParse({ ...typed, customerId: 'x', sku: 'RACK', startDate: '2027-01-01' }).success,
    ).toBe(false);
  });

  it('start from the current price as German euro text', () => {
    expect(centsAsEuroText(19_900)).toBe('199,00');
    expect(centsAsEuroText(5)).toBe('0,05');
  });
});
