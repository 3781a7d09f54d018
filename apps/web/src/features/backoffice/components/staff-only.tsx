import { staffRoleMay, type TStaffPermission, type TStaffRole } from '@portal/contracts';
import type { ReactNode } from 'react';
import { useOutletContext } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { useMessages } from '../../../lib/i18n';
import { backofficeMessages } from '../messages';

/** What the back office's frame tells its pages about the signed-in staff member. */
export interface StaffContext {
  staffUserId: string;
  staffRole: TStaffRole | null;
}

export const useStaffContext = () => useOutletContext<StaffContext>();

/** A page for one permission: others read that their role may not open it (the API refuses anyway). */
export function StaffOnly({ permission, children }: { permission: TStaffPermission; children: ReactNode }) {
  const t = useMessages(backofficeMessages);
  if (!staffRoleMay(useStaffContext().staffRole, permission)) return <Alert tone="warning">{t.notAllowed}</Alert>;
  return <>{children}</>;
}
