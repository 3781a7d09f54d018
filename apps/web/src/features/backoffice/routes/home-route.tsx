import { staffRoleMay } from '@portal/contracts';
import { Navigate } from 'react-router';
import { paths } from '../../../config/paths';
import { useStaffContext } from '../components/staff-only';
import { TicketQueuePage } from './ticket-queue-page';

/** Where staff land: support and admins at the ticket queue, billing at the collections. */
export function Component() {
  const { staffRole } = useStaffContext();
  if (!staffRoleMay(staffRole, 'tickets') && staffRoleMay(staffRole, 'collections'))
    return <Navigate to={paths.backofficeCollections} replace />;
  return <TicketQueuePage />;
}
