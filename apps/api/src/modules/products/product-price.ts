import type { TBillingInterval, TProduct } from '@portal/contracts';
import { taxOf } from '../invoices/invoice-amounts';

/**
 * German standard VAT rate on the provider's services (§12 Abs. 1 UStG). Product prices are
 * stored net; consumers are shown the gross price (PAngV), businesses net plus VAT.
 */
export const STANDARD_VAT_RATE = 19;

/** Net price with its VAT and gross amount, rounded like an invoice line (half away from zero). */
export function productPrice(netCents: number, interval: TBillingInterval): TProduct['price'] {
  return {
    amount: netCents,
    currency: 'EUR',
    interval,
    vatRate: STANDARD_VAT_RATE,
    gross: netCents + taxOf(netCents, STANDARD_VAT_RATE),
  };
}
