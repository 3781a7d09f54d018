import { adminAnnouncementRoutes, type BodyOf, type TAdminAnnouncement } from '@portal/contracts';
import { apiRequest } from '../../../lib/api-client';
import { useStaffList } from './use-staff-list';
import { useStaffMutation } from './use-staff-mutation';

export const useStaffAnnouncements = () =>
  useStaffList<typeof adminAnnouncementRoutes.list, TAdminAnnouncement>(adminAnnouncementRoutes.list, { limit: 25 }, [
    'announcements',
  ]);

export const useCreateAnnouncement = () =>
  useStaffMutation((body: BodyOf<typeof adminAnnouncementRoutes.create>) =>
    apiRequest(adminAnnouncementRoutes.create, { body }),
  );

export const useDeleteAnnouncement = () =>
  useStaffMutation((id: string) => apiRequest(adminAnnouncementRoutes.delete, { params: { id } }));

export const useUpdateAnnouncement = () =>
  useStaffMutation(({ id, ...body }: BodyOf<typeof adminAnnouncementRoutes.update> & { id: string }) =>
    apiRequest(adminAnnouncementRoutes.update, { params: { id }, body }),
  );
