import { z } from 'zod';
import { defineRoute } from './http';
import { ZProblem } from './problem';

export const ZHealth = z.object({ status: z.literal('ok') });

export const healthRoutes = {
  live: defineRoute({
    method: 'GET',
    operationId: 'getHealth',
    path: '/health',
    summary: 'Liveness: the process answers',
    tags: ['health'],
    access: 'public',
    responses: { 200: ZHealth },
  }),
  ready: defineRoute({
    method: 'GET',
    operationId: 'getReadiness',
    path: '/health/ready',
    summary: 'Readiness: the database answers',
    tags: ['health'],
    access: 'public',
    responses: { 200: ZHealth, 503: ZProblem },
  }),
} as const;
