import { ZBookProductBody, ZChangeContractBody } from '@portal/contracts';
import { z } from 'zod';
import { eurosText } from './invoice-form';

/** Whole months as typed into a number field. */
const monthsText = (months: z.ZodType<number, number>) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(months);

const price = ZBookProductBody.shape.price.shape;

/** Price in euros and months as text; the rules (limits, consumer terms at the API) are the contract's. */
const typedTerms = {
  price: z.object({ amount: eurosText(price.amount), interval: price.interval }),
  minimumTermMonths: monthsText(ZBookProductBody.shape.minimumTermMonths),
  noticePeriodMonths: monthsText(ZBookProductBody.shape.noticePeriodMonths),
  renewalMonths: monthsText(ZBookProductBody.shape.renewalMonths),
};

export const ZChangeContractForm = ZChangeContractBody.extend(typedTerms);
export const ZBookProductForm = ZBookProductBody.extend(typedTerms);

/** Cents as the euro text the forms start from: 19900 → "199,00". */
export const centsAsEuroText = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
