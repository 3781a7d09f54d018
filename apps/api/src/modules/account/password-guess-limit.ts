import type { FastifyRequest } from 'fastify';

/** Routes that check the current password: per customer, so a stolen session cannot guess it fast. */
export const passwordGuessLimit = {
  max: 10,
  timeWindow: '15 minutes',
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) => `account-password:${request.auth?.userId ?? request.ip}`,
};
