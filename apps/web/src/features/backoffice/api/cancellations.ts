import { type BodyOf, cancellationDeclarationRoutes, type TCancellationDeclaration } from '@portal/contracts';
import { apiRequest } from '../../../lib/api-client';
import { useStaffList } from './use-staff-list';
import { useStaffMutation } from './use-staff-mutation';

export const useDeclarationsToReview = () =>
  useStaffList<typeof cancellationDeclarationRoutes.list, TCancellationDeclaration>(
    cancellationDeclarationRoutes.list,
    { status: 'pending_review', limit: 50 },
    ['declarations'],
  );

export const useLinkDeclaration = (id: string) =>
  useStaffMutation((body: BodyOf<typeof cancellationDeclarationRoutes.link>) =>
    apiRequest(cancellationDeclarationRoutes.link, { params: { id }, body }),
  );

export const useRejectDeclaration = (id: string) =>
  useStaffMutation((body: BodyOf<typeof cancellationDeclarationRoutes.reject>) =>
    apiRequest(cancellationDeclarationRoutes.reject, { params: { id }, body }),
  );
