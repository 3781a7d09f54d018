import { z } from 'zod';
import { listOf, ZIdempotencyKeyHeaders, ZIdParams, ZInstant, ZListQuery, ZUuid } from './common';
import { defineRoute } from './http';
import { authProblems, ZProblem } from './problem';

/** The events a customer can subscribe to (ADR 0021); payload examples in docs/api.md. */
export const webhookEventTypes = [
  'invoice.issued',
  'invoice.paid',
  'invoice.payment_failed',
  'ticket.replied',
  'contract.cancelled',
] as const;
export const ZWebhookEventType = z.enum(webhookEventTypes);
export type TWebhookEventType = z.infer<typeof ZWebhookEventType>;

export const ZWebhookEndpoint = z
  .object({
    id: ZUuid,
    url: z.string(),
    events: z.array(ZWebhookEventType),
    createdAt: ZInstant,
  })
  .meta({ id: 'WebhookEndpoint' });
export type TWebhookEndpoint = z.infer<typeof ZWebhookEndpoint>;

export const ZWebhookEndpointCreate = z
  .object({
    url: z
      .string()
      .max(2000)
      .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[!-~]*)?$/, 'invalid')
      .meta({
        description:
          'https (http only outside production); private, loopback and link-local addresses are refused in production',
      }),
    events: z.array(ZWebhookEventType).min(1).max(webhookEventTypes.length),
  })
  .meta({ example: { url: 'https://erp.example.com/hooks/portal', events: ['invoice.issued', 'invoice.paid'] } });
export type TWebhookEndpointCreate = z.input<typeof ZWebhookEndpointCreate>;

export const ZWebhookEndpointCreated = ZWebhookEndpoint.extend({
  secret: z.string().meta({
    description: 'The signing secret (`whsec_` + base64), shown this once: store it to verify `webhook-signature`',
  }),
});

export const ZWebhookDelivery = z
  .object({
    id: ZUuid.meta({ description: 'The `webhook-id` of every attempt' }),
    eventType: ZWebhookEventType,
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastResponseStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: ZInstant,
    nextAttemptAt: ZInstant.nullable(),
    deliveredAt: ZInstant.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;

const ZDeliveryParams = ZIdParams.extend({ deliveryId: ZUuid });

export const webhookRoutes = {
  list: defineRoute({
    method: 'GET',
    operationId: 'listWebhookEndpoints',
    path: '/webhook-endpoints',
    summary: 'Your webhook endpoints',
    tags: ['webhooks'],
    access: 'user',
    permission: 'integrations:manage',
    query: ZListQuery,
    responses: { 200: listOf(ZWebhookEndpoint), ...authProblems, 403: ZProblem },
  }),
  create: defineRoute({
    method: 'POST',
    operationId: 'createWebhookEndpoint',
    path: '/webhook-endpoints',
    summary: 'Register an endpoint; the answer shows its signing secret once',
    tags: ['webhooks'],
    access: 'user',
    permission: 'integrations:manage',
    headers: ZIdempotencyKeyHeaders,
    idempotent: true,
    body: ZWebhookEndpointCreate,
    responses: { 201: ZWebhookEndpointCreated, ...authProblems, 403: ZProblem, 422: ZProblem },
  }),
  remove: defineRoute({
    method: 'DELETE',
    operationId: 'deleteWebhookEndpoint',
    path: '/webhook-endpoints/:id',
    summary: 'Delete an endpoint with its delivery log',
    tags: ['webhooks'],
    access: 'user',
    permission: 'integrations:manage',
    params: ZIdParams,
    responses: { 204: z.null(), ...authProblems, 403: ZProblem, 404: ZProblem },
  }),
  deliveries: defineRoute({
    method: 'GET',
    operationId: 'listWebhookDeliveries',
    path: '/webhook-endpoints/:id/deliveries',
    summary: 'The delivery log of an endpoint, newest first',
    tags: ['webhooks'],
    access: 'user',
    permission: 'integrations:manage',
    params: ZIdParams,
    query: ZListQuery,
    responses: { 200: listOf(ZWebhookDelivery), ...authProblems, 403: ZProblem, 404: ZProblem },
  }),
  resend: defineRoute({
    method: 'POST',
    operationId: 'resendWebhookDelivery',
    path: '/webhook-endpoints/:id/deliveries/:deliveryId/resend',
    summary: 'Deliver an event again (same webhook-id), with 24 hours of retries',
    tags: ['webhooks'],
    access: 'user',
    permission: 'integrations:manage',
    params: ZDeliveryParams,
    responses: { 202: ZWebhookDelivery, ...authProblems, 403: ZProblem, 404: ZProblem },
  }),
} as const;
