import { accountRoutes, type BodyOf, type TBankAccount } from '@portal/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest, downloadFile } from '../../../lib/api-client';

export const bankAccountQueryKey = ['account', 'bank-account'] as const;

/** No bank data yet is a normal state (404), shown as an empty form rather than an error. */
export async function getBankAccount(signal?: AbortSignal): Promise<TBankAccount | null> {
  try {
    return await apiRequest(accountRoutes.getBankAccount, signal ? { signal } : {});
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const bankAccountQueryOptions = () =>
  queryOptions({ queryKey: bankAccountQueryKey, queryFn: ({ signal }) => getBankAccount(signal) });

export const useBankAccount = () => useQuery(bankAccountQueryOptions());

export const updateBankAccount = (body: BodyOf<typeof accountRoutes.updateBankAccount>) =>
  apiRequest(accountRoutes.updateBankAccount, { body });

export const useUpdateBankAccount = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBankAccount,
    onSuccess: (account) => queryClient.setQueryData(bankAccountQueryKey, account),
  });
};

export const downloadMandate = (mandateId: string, reference: string) =>
  downloadFile(accountRoutes.mandatePdf, { params: { id: mandateId } }, `SEPA-Mandat-${reference}.pdf`);

export const useDownloadMandate = () =>
  useMutation({ mutationFn: ({ id, reference }: { id: string; reference: string }) => downloadMandate(id, reference) });
