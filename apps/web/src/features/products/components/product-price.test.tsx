import type { TCustomerType } from '@portal/contracts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CustomerTypeProvider } from '../../../lib/customer-type';
import { LanguageProvider } from '../../../lib/i18n';
import { ProductPrice } from './product-price';

const price = { amount: 10_000, currency: 'EUR', interval: 'monthly', vatRate: 19, gross: 11_900 } as const;

function renderPrice(customerType: TCustomerType | null) {
  render(
    <LanguageProvider>
      <CustomerTypeProvider value={customerType}>
        <p data-testid="price">
          <ProductPrice price={price} />
        </p>
      </CustomerTypeProvider>
    </LanguageProvider>,
  );
  return screen.getByTestId('price').textContent?.replace(/\s/g, ' ');
}

describe('ProductPrice (PAngV)', () => {
  it('shows consumers the gross price', () => {
    expect(renderPrice('consumer')).toBe('119,00 € monatlich inkl. 19 % USt.');
  });

  it('shows businesses the net price plus VAT', () => {
    expect(renderPrice('business')).toBe('100,00 € monatlich zzgl. 19 % USt.');
  });

  it('shows the gross price while the type is unknown', () => {
    expect(renderPrice(null)).toBe('119,00 € monatlich inkl. 19 % USt.');
  });
});
