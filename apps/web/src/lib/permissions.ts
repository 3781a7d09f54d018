import type { TPermission } from '@portal/contracts';
import { useMe } from '../features/auth/api/get-me';

/**
 * What the signed-in member's role allows (from GET /me, ADR 0020): the SPA hides what the
 * role may not do; the API refuses it anyway with 403 `role_forbidden`.
 *
 * Until /me has answered nothing is allowed: pages render while /me is on its way (see
 * app/require-auth.tsx), and a visitor who turns out not to be signed in must not see, let alone
 * type into, an owner's form on the way to sign-in. Navigation may ask for `whileUnknown`: its
 * links are drawn at once so the frame does not shift when /me answers; a link grants nothing.
 */
export function useCan({
  whileUnknown = false,
}: {
  whileUnknown?: boolean;
} = {}): (permission: TPermission) => boolean {
  const me = useMe();
  if (!me.data) return () => whileUnknown && !me.isError;
  // Staff belong to no customer: their screens are not limited by a member role.
  if (!me.data.memberRole) return () => true;
  const granted = me.data.permissions;
  return (permission) => granted.includes(permission);
}
