import {
  adminContractRoutes,
  adminProductRoutes,
  type BodyOf,
  type QueryOf,
  type TAdminContractListItem,
} from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, contractUrl } from '../../../lib/api-client';
import { useStaffList } from './use-staff-list';
import { useStaffMutation } from './use-staff-mutation';

type WithContract<B> = B & { contractId: string };

export const useStaffContracts = (query: Omit<NonNullable<QueryOf<typeof adminContractRoutes.list>>, 'cursor'>) =>
  useStaffList<typeof adminContractRoutes.list, TAdminContractListItem>(adminContractRoutes.list, query, ['contracts']);

export const useStaffContract = (id: string) =>
  useQuery(
    queryOptions({
      queryKey: ['backoffice', 'contracts', id],
      queryFn: ({ signal }) => apiRequest(adminContractRoutes.get, { params: { id }, signal }),
    }),
  );

export const useProductCatalog = () =>
  useQuery(
    queryOptions({
      queryKey: ['backoffice', 'product-catalog'],
      queryFn: ({ signal }) => apiRequest(adminProductRoutes.catalog, { signal }),
      staleTime: 5 * 60 * 1000,
    }),
  );

/** A stored contract document (the session cookie authorizes the link). */
export const staffContractDocumentUrl = (id: string, documentId: string) =>
  contractUrl(adminContractRoutes.downloadDocument, { params: { id, documentId } });

export const useBookProduct = () =>
  useStaffMutation((body: BodyOf<typeof adminProductRoutes.book>) => apiRequest(adminProductRoutes.book, { body }));

export const useChangeContract = () =>
  useStaffMutation(({ contractId, ...body }: WithContract<BodyOf<typeof adminContractRoutes.change>>) =>
    apiRequest(adminContractRoutes.change, { params: { id: contractId }, body }),
  );

export const useEndContract = () =>
  useStaffMutation(({ contractId, ...body }: WithContract<BodyOf<typeof adminContractRoutes.end>>) =>
    apiRequest(adminContractRoutes.end, { params: { id: contractId }, body }),
  );

export const useMoveContractEnd = () =>
  useStaffMutation(({ contractId, ...body }: WithContract<BodyOf<typeof adminContractRoutes.moveEnd>>) =>
    apiRequest(adminContractRoutes.moveEnd, { params: { id: contractId }, body }),
  );

export const useCancelContractChange = () =>
  useStaffMutation(({ contractId, changeId }: { contractId: string; changeId: string }) =>
    apiRequest(adminContractRoutes.cancelChange, { params: { id: contractId, changeId } }),
  );
