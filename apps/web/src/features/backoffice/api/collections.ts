import { collectionAdminRoutes, type TDunningOverviewItem, type TDunningState } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, downloadFile } from '../../../lib/api-client';
import { useStaffList } from './use-staff-list';
import { useStaffMutation } from './use-staff-mutation';

const collectionsKey = ['backoffice', 'collections'] as const;

export const directDebitRunsQueryOptions = () =>
  queryOptions({
    queryKey: [...collectionsKey, 'runs'],
    queryFn: ({ signal }) => apiRequest(collectionAdminRoutes.listRuns, { signal }),
  });
export const useDirectDebitRuns = () => useQuery(directDebitRunsQueryOptions());

export const unmatchedEntriesQueryOptions = () =>
  queryOptions({
    queryKey: [...collectionsKey, 'unmatched'],
    queryFn: ({ signal }) => apiRequest(collectionAdminRoutes.listEntries, { query: { status: 'unmatched' }, signal }),
  });
export const useUnmatchedEntries = () => useQuery(unmatchedEntriesQueryOptions());

export const useCreateDirectDebitRun = () =>
  useStaffMutation((_: undefined) => apiRequest(collectionAdminRoutes.createRun, { body: {} }));

export const useImportBankStatement = () =>
  useStaffMutation((xml: string) => apiRequest(collectionAdminRoutes.importStatement, { body: xml }));

export const downloadRunFile = (id: string, messageId: string) =>
  downloadFile(collectionAdminRoutes.runFile, { params: { id } }, `${messageId}.xml`);

export const useDunningOverview = (query: { q?: string; status?: TDunningState; level?: number; limit: number }) =>
  useStaffList<typeof collectionAdminRoutes.listDunning, TDunningOverviewItem>(
    collectionAdminRoutes.listDunning,
    query,
    ['collections', 'dunning'],
  );

export const useLiftDunningStop = () =>
  useStaffMutation((invoiceId: string) =>
    apiRequest(collectionAdminRoutes.resumeDunning, { params: { id: invoiceId } }),
  );
