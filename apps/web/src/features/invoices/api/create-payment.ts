import { invoiceRoutes, type TPaymentMethod } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { invoicesQueryKey } from './get-invoices';

export interface CreatePaymentInput {
  invoiceId: string;
  method: TPaymentMethod;
  /** One key per attempt in the dialog: a retried request cannot pay twice. */
  idempotencyKey: string;
}

export const createPayment = ({ invoiceId, method, idempotencyKey }: CreatePaymentInput) =>
  apiRequest(invoiceRoutes.pay, {
    params: { id: invoiceId },
    body: { method },
    headers: { 'idempotency-key': idempotencyKey },
  });

export const useCreatePayment = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPayment,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: invoicesQueryKey });
      await queryClient.invalidateQueries({ queryKey: ['overview'] });
    },
  });
};
