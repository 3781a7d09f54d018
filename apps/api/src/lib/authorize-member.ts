import { roleAllows, type TPermission } from '@portal/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error';

/**
 * The role check of customer routes (ADR 0020): runs after `authenticate`, refuses with 403
 * `role_forbidden` when the member's role lacks the contract's permission. Staff belong to no
 * customer and hold no customer permission. `self` routes concern the signed-in user alone.
 */
export function authorizeMember(permission: TPermission | 'self') {
  return async (request: FastifyRequest) => {
    if (permission === 'self') return;
    const role = request.auth?.memberRole;
    if (!role || !roleAllows(role, permission)) {
      throw new AppError('role_forbidden', `Your role does not allow ${permission}.`, { permission });
    }
  };
}
