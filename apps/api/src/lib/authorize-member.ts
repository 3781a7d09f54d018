import { isTokenScope, roleAllows, type TPermission } from '@portal/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error';

/**
 * The role check of customer routes (ADR 0020): runs after `authenticate`, refuses with 403
 * `role_forbidden` when the member's role lacks the contract's permission. Staff belong to no
 * customer and hold no customer permission. `self` routes concern the signed-in user alone.
 *
 * A personal API token (ADR 0023) reaches a route only when the route's permission is one of the
 * token's scopes — never a `self` route (password, second factors, sessions, tokens) nor one whose
 * permission no token may hold — and still only within its member's current role.
 */
export function authorizeMember(permission: TPermission | 'self') {
  return async (request: FastifyRequest) => {
    const token = request.auth?.token;
    if (token && !(isTokenScope(permission) && token.scopes.includes(permission))) {
      throw new AppError('scope_forbidden', `This token may not call this route (it needs ${permission}).`, {
        permission,
      });
    }
    if (permission === 'self') return;
    if (request.auth?.secondFactorSetupRequired) {
      throw new AppError(
        'second_factor_required',
        'This customer account requires an authenticator app: set one up under /account/mfa/totp first.',
      );
    }
    const role = request.auth?.memberRole;
    if (!role || !roleAllows(role, permission)) {
      throw new AppError('role_forbidden', `Your role does not allow ${permission}.`, { permission });
    }
  };
}
