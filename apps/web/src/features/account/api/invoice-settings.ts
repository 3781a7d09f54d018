import { invoiceRoutes, type TInvoiceSettings } from '@portal/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const invoiceSettingsQueryKey = ['account', 'invoice-settings'] as const;

export const invoiceSettingsQueryOptions = () =>
  queryOptions({
    queryKey: invoiceSettingsQueryKey,
    queryFn: ({ signal }) => apiRequest(invoiceRoutes.settings, { signal }),
  });

export const useInvoiceSettings = () => useQuery(invoiceSettingsQueryOptions());

export const saveInvoiceSettings = (body: TInvoiceSettings) => apiRequest(invoiceRoutes.saveSettings, { body });

export const useSaveInvoiceSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveInvoiceSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(invoiceSettingsQueryKey, settings);
      // The customer type decides gross or net prices in the frame.
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
};
