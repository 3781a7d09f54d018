import { accountRoutes, type BodyOf } from '@portal/contracts';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest, downloadFile } from '../../../lib/api-client';

export const exportData = () => downloadFile(accountRoutes.exportData, {}, 'kundendaten.json');

export const useExportData = () => useMutation({ mutationFn: exportData });

export const deleteAccount = (body: BodyOf<typeof accountRoutes.deleteAccount>) =>
  apiRequest(accountRoutes.deleteAccount, { body });

export const useDeleteAccount = () => useMutation({ mutationFn: deleteAccount });

export const deletionInfoQueryOptions = () =>
  queryOptions({
    queryKey: ['account', 'deletion'] as const,
    queryFn: ({ signal }) => apiRequest(accountRoutes.deletionInfo, { signal }),
  });

export const useDeletionInfo = () => useQuery(deletionInfoQueryOptions());
