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

/** A page of a list (ADR 0021); the next page is `?cursor=<nextCursor>`, also linked in `Link: <…>; rel="next"`. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last' }),
    hasMore: z.boolean().meta({ description: 'Whether another page follows' }),
  });

/** An e-mail address as a client sends it: trimmed and lower-cased before use. */
export const ZEmailInput = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.email().max(254),
);

export const ZLanguage = z.enum(['de', 'en']).meta({
  description: 'A portal language: `de` German, `en` English',
});
export type TLanguage = z.infer<typeof ZLanguage>;

/** The language e-mails to a person go out in; omitted: German. */
export const ZMailLanguage = ZLanguage.default('de').meta({
  description: 'The language of the e-mails to this person (`de` or `en`); default `de`',
});

/** A consumer (§13 BGB) or a business (§14 BGB): decides contract terms and whether prices show gross. */
export const ZCustomerType = z.enum(['consumer', 'business']);
export type TCustomerType = z.infer<typeof ZCustomerType>;

/** A key the client makes up per operation (a UUID, say) so that a retry never creates twice. */
export const ZIdempotencyKey = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
  .meta({
    description:
      'Makes the request safe to retry: the same key with the same request within 24 hours answers the first answer again (`Idempotent-Replayed: true`); with another request it is 422 `idempotency_key_reused`; while the first runs, 409 `idempotency_key_in_use`',
  });

/** Headers of a creating POST; loose, so that the other request headers stay readable. */
export const ZIdempotencyKeyHeaders = z.looseObject({ 'idempotency-key': ZIdempotencyKey.optional() });

/** Headers of a PUT that replaces a versioned resource (ETag of its GET). */
export const ZIfMatchHeaders = z.looseObject({
  'if-match': z.string().max(200).optional().meta({
    description:
      'The `ETag` of the version you changed: when another change came first, 412 `precondition_failed` and nothing is saved',
  }),
});

/** What a product is; lives here so that announcements (on every overview) need not load the products contract. */
export const ZProductCategory = z.enum([
  'colocation_unit',
  'rack',
  'cloud_server',
  'backup_storage',
  'cross_connect',
  'ip_range',
]);
export type TProductCategory = z.infer<typeof ZProductCategory>;
