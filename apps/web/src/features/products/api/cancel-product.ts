import { type BodyOf, productsRoutes } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { productsQueryKey } from './get-products';

export const cancelProduct = (id: string, body: BodyOf<typeof productsRoutes.cancel>) =>
  apiRequest(productsRoutes.cancel, { params: { id }, body });

export const useCancelProduct = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof productsRoutes.cancel>) => cancelProduct(id, body),
    // The list and the detail both show the new end date.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productsQueryKey }),
  });
};
