import { type TWebhookEndpointCreate, webhookRoutes } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { listQueryOptions, useListQuery } from '../../../lib/list-query';

export const webhooksQueryKey = ['account', 'webhooks'] as const;

export const webhookEndpointsQueryOptions = () =>
  listQueryOptions([...webhooksQueryKey, 'endpoints'], (cursor, signal) =>
    apiRequest(webhookRoutes.list, { query: { cursor }, signal }),
  );
export const useWebhookEndpoints = () => useListQuery(webhookEndpointsQueryOptions());

export const webhookDeliveriesQueryOptions = (endpointId: string) =>
  listQueryOptions([...webhooksQueryKey, 'deliveries', endpointId], (cursor, signal) =>
    apiRequest(webhookRoutes.deliveries, { params: { id: endpointId }, query: { cursor }, signal }),
  );
export const useWebhookDeliveries = (endpointId: string) => useListQuery(webhookDeliveriesQueryOptions(endpointId));

export const useCreateWebhookEndpoint = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TWebhookEndpointCreate) => apiRequest(webhookRoutes.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey }),
  });
};

export const useDeleteWebhookEndpoint = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(webhookRoutes.remove, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey }),
  });
};

export const useResendWebhookDelivery = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: { id: string; deliveryId: string }) => apiRequest(webhookRoutes.resend, { params: ids }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey }),
  });
};
