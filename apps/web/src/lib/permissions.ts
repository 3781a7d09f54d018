import type { TPermission } from '@portal/contracts';
import { useMe } from '../features/auth/api/get-me';

/**
 * What the signed-in member's role allows (from GET /me, ADR 0020): the SPA hides what the
 * role may not do; the API refuses it anyway with 403 `role_forbidden`.
 */
export function useCan(): (permission: TPermission) => boolean {
  const me = useMe();
  // Staff belong to no customer: their screens are not limited by a member role.
  if (!me.data?.memberRole) return () => true;
  const granted = me.data.permissions;
  return (permission) => granted.includes(permission);
}
