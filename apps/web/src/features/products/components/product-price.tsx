import type { TProduct } from '@portal/contracts';
import { formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { productsMessages } from '../messages';

export function ProductPrice({ price }: { price: TProduct['price'] }) {
  const t = useMessages(productsMessages);
  const { language } = useLanguage();
  return <>{t.pricePer(formatMoney(price.amount, language, price.currency), t[`interval_${price.interval}`])}</>;
}
