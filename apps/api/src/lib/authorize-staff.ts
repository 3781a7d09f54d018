import { type RouteContract, staffRoleMay } from '@portal/contracts';
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { AppError } from './app-error';

/**
 * The one check of every staff route (registerRoute calls it): the caller is staff, active, and
 * their role grants the permission the route's contract declares. A staff route without a declared
 * permission is a programming error and stops the app at boot, so none can slip through unchecked.
 */
export function authorizeStaff(contract: RouteContract): onRequestHookHandler {
  const permission = contract.staffPermission;
  if (!permission) throw new Error(`${contract.method} ${contract.path}: a staff route must declare staffPermission`);
  return async (request: FastifyRequest) => {
    const user = request.auth?.user;
    // Tokens belong to customer members; a staff route never takes one.
    if (request.auth?.role !== 'staff' || !user || request.auth.token) {
      throw new AppError('forbidden', 'Only staff may do this.');
    }
    if (request.auth.secondFactorSetupRequired) {
      throw new AppError('second_factor_required', 'Staff must set up an authenticator app first.');
    }
    if (!staffRoleMay(user.staffRole, permission))
      throw new AppError('forbidden', `The role ${user.staffRole ?? 'none'} may not do this (${permission}).`);
  };
}
