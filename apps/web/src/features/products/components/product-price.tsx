import type { TProduct } from '@portal/contracts';
import { useCustomerType } from '../../../lib/customer-type';
import { formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { productsMessages } from '../messages';

/**
 * Consumers see the gross price (PAngV), businesses the net price plus VAT. Until the customer's
 * type is known the gross price is shown: it is never less than what is paid.
 */
export function ProductPrice({ price }: { price: TProduct['price'] }) {
  const t = useMessages(productsMessages);
  const { language } = useLanguage();
  const net = useCustomerType() === 'business';
  const amount = formatMoney(net ? price.amount : price.gross, language, price.currency);
  return (
    <>
      {t.pricePer(amount, t[`interval_${price.interval}`])}{' '}
      <span className="muted small">{net ? t.vatExcluded(price.vatRate) : t.vatIncluded(price.vatRate)}</span>
    </>
  );
}
