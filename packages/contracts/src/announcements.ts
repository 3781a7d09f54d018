import { z } from 'zod';
import { listOf, ZDate, ZIdParams, ZInstant, ZListQuery, ZProductCategory, ZUuid } from './common';
import { defineRoute } from './http';
import { staffProblems, ZProblem } from './problem';

export const ZAnnouncementSeverity = z.enum(['info', 'maintenance', 'incident']);
export type TAnnouncementSeverity = z.infer<typeof ZAnnouncementSeverity>;

/** Announcements are written in both portal languages by the back office. */
export const ZAnnouncement = z
  .object({
    id: ZUuid,
    severity: ZAnnouncementSeverity,
    title: z.object({ de: z.string(), en: z.string() }),
    body: z.object({ de: z.string(), en: z.string() }),
    publishedAt: ZInstant,
    visibleUntil: ZDate.nullable(),
  })
  .meta({ id: 'Announcement' });
export type TAnnouncement = z.infer<typeof ZAnnouncement>;

/** What staff see of an announcement: also whom it addresses. */
export const ZAdminAnnouncement = ZAnnouncement.extend({
  audienceCategory: ZProductCategory.nullable().meta({
    description: 'Only customers with a running contract of this category see it; null: every customer',
  }),
}).meta({ id: 'AdminAnnouncement' });
export type TAdminAnnouncement = z.infer<typeof ZAdminAnnouncement>;

const ZLocalizedText = (max: number) =>
  z.object({ de: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

/** The last day shown cannot come before the first. */
export function checkAnnouncementDates(
  body: { visibleFrom?: string | undefined; visibleUntil?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (body.visibleFrom && body.visibleUntil && body.visibleUntil < body.visibleFrom) {
    ctx.addIssue({ code: 'custom', path: ['visibleUntil'], message: 'must not be before the start' });
  }
}

export const ZCreateAnnouncementBody = z
  .object({
    severity: ZAnnouncementSeverity.default('info'),
    title: ZLocalizedText(200),
    body: ZLocalizedText(5000),
    visibleFrom: ZDate.optional().meta({
      description: 'First day shown (from midnight, Europe/Berlin); omitted or past: at once',
    }),
    visibleUntil: ZDate.nullable().optional(),
    audienceCategory: ZProductCategory.nullable().optional(),
  })
  .superRefine(checkAnnouncementDates);
export type TCreateAnnouncementBody = z.infer<typeof ZCreateAnnouncementBody>;

/**
 * An edit replaces every field, with the rules of writing one anew. `visibleFrom` omitted, today or
 * past keeps a shown announcement's start and shows a scheduled one at once.
 */
export const ZUpdateAnnouncementBody = ZCreateAnnouncementBody;
export type TUpdateAnnouncementBody = z.infer<typeof ZUpdateAnnouncementBody>;

export const adminAnnouncementRoutes = {
  list: defineRoute({
    method: 'GET',
    operationId: 'listAnnouncements',
    path: '/admin/announcements',
    summary: 'Every announcement, scheduled, shown and past, latest start first',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'announcements',
    query: ZListQuery,
    responses: { 200: listOf(ZAdminAnnouncement), ...staffProblems },
  }),
  create: defineRoute({
    method: 'POST',
    operationId: 'createAnnouncement',
    path: '/admin/announcements',
    summary: 'Publish an announcement to every customer or the customers of a product category, at once or from a day',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'announcements',
    body: ZCreateAnnouncementBody,
    responses: { 201: ZAdminAnnouncement, ...staffProblems },
  }),
  update: defineRoute({
    method: 'PUT',
    operationId: 'updateAnnouncement',
    path: '/admin/announcements/:id',
    summary: 'Edit a scheduled or shown announcement: text, severity, dates and audience',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'announcements',
    params: ZIdParams,
    body: ZUpdateAnnouncementBody,
    responses: { 200: ZAdminAnnouncement, ...staffProblems, 404: ZProblem, 409: ZProblem },
  }),
  delete: defineRoute({
    method: 'DELETE',
    operationId: 'deleteAnnouncement',
    path: '/admin/announcements/:id',
    summary: 'Withdraw an announcement: customers no longer see it',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'announcements',
    params: ZIdParams,
    responses: { 204: z.null(), ...staffProblems, 404: ZProblem },
  }),
} as const;
