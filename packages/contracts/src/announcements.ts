import { z } from 'zod';
import { ZDate, ZInstant, ZUuid } from './common';
import { defineRoute } from './http';
import { staffProblems } from './problem';

export const ZAnnouncementSeverity = z.enum(['info', 'maintenance', 'incident']);

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

const ZLocalizedText = (max: number) =>
  z.object({ de: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

export const ZCreateAnnouncementBody = z.object({
  severity: ZAnnouncementSeverity.default('info'),
  title: ZLocalizedText(200),
  body: ZLocalizedText(5000),
  visibleUntil: ZDate.nullable().optional(),
});

export const adminAnnouncementRoutes = {
  create: defineRoute({
    method: 'POST',
    operationId: 'createAnnouncement',
    path: '/admin/announcements',
    summary: 'Publish an announcement to every customer',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'announcements',
    body: ZCreateAnnouncementBody,
    responses: { 201: ZAnnouncement, ...staffProblems },
  }),
} as const;
