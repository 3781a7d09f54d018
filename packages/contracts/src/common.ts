import { z } from 'zod';

export const ZUuid = z.uuid();
export const ZIdParams = z.object({ id: ZUuid });

/** Calendar date `YYYY-MM-DD`. */
export const ZDate = z.iso.date();
/** RFC 3339 instant in UTC. */
export const ZInstant = z.iso.datetime();

export const ZCurrency = z.literal('EUR');
/** Integer cents; never floats. */
export const ZCents = z.number().int();
/** A VAT rate in percent with at most one decimal: 19, 7, 0, 25.5 (Finland). */
export const ZTaxRate = z
  .number()
  .min(0)
  .max(99.9)
  .refine((value) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, { message: 'at most one decimal' })
  .meta({ description: 'Percent with at most one decimal, e.g. 19 or 25.5' });
export const ZMoney = z.object({ amount: ZCents, currency: ZCurrency });

export const ZListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** An e-mail address as a client sends it: trimmed and lower-cased before use. */
export const ZEmailInput = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.email().max(254),
);

export const ZLanguage = z.enum(['de', 'en']);
export type TLanguage = z.infer<typeof ZLanguage>;

/** A consumer (§13 BGB) or a business (§14 BGB): decides contract terms and whether prices show gross. */
export const ZCustomerType = z.enum(['consumer', 'business']);
export type TCustomerType = z.infer<typeof ZCustomerType>;
