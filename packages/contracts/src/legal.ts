import { z } from 'zod';
import { defineRoute } from './http';
import { commonProblems } from './problem';
import { ZProviderContact } from './provider';

/**
 * Legal texts travel as plain data, never as HTML: a run of text, optionally bold or a link
 * (`https:`, `http:` or `mailto:` only). Clients render them as text, so nothing in a text —
 * configuration or a provider's Markdown file — can become markup.
 */
export const ZLegalInline = z.object({
  text: z.string(),
  strong: z.boolean().optional(),
  href: z.string().optional().meta({ description: 'Link target (https, http or mailto)' }),
});
export type TLegalInline = z.infer<typeof ZLegalInline>;

export const ZLegalBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.union([z.literal(2), z.literal(3)]), text: z.string() }),
  z.object({ type: z.literal('paragraph'), content: z.array(ZLegalInline) }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(ZLegalInline)) }),
]);
export type TLegalBlock = z.infer<typeof ZLegalBlock>;

export const ZLegalText = z.object({ title: z.string(), blocks: z.array(ZLegalBlock) });
export type TLegalText = z.infer<typeof ZLegalText>;

/** Impressum (§5 DDG), built from the provider's configuration. */
export const ZImprint = z
  .object({
    provider: ZProviderContact,
    de: ZLegalText,
    en: ZLegalText,
  })
  .meta({ id: 'Imprint' });
export type TImprint = z.infer<typeof ZImprint>;

/** Datenschutzerklärung (Art. 13 GDPR): the built-in notice or the provider's own file. */
export const ZPrivacyNotice = z
  .object({
    source: z.enum(['default', 'file']).meta({ description: '`file`: the provider replaced the default text' }),
    de: ZLegalText,
    en: ZLegalText,
  })
  .meta({ id: 'PrivacyNotice' });
export type TPrivacyNotice = z.infer<typeof ZPrivacyNotice>;

export const legalRoutes = {
  imprint: defineRoute({
    method: 'GET',
    operationId: 'getImprint',
    path: '/legal/imprint',
    summary: 'The Impressum (§5 DDG) in German and English',
    tags: ['legal'],
    access: 'public',
    responses: { 200: ZImprint, ...commonProblems },
  }),
  privacy: defineRoute({
    method: 'GET',
    operationId: 'getPrivacyNotice',
    path: '/legal/privacy',
    summary: 'The privacy notice (Art. 13 GDPR) in German and English',
    tags: ['legal'],
    access: 'public',
    responses: { 200: ZPrivacyNotice, ...commonProblems },
  }),
} as const;
