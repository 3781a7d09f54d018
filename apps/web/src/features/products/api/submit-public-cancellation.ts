import { type BodyOf, publicCancellationRoutes } from '@portal/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export type PublicCancellationInput = BodyOf<typeof publicCancellationRoutes.create>;

export const submitPublicCancellation = (body: PublicCancellationInput) =>
  apiRequest(publicCancellationRoutes.create, { body });

export const useSubmitPublicCancellation = () => useMutation({ mutationFn: submitPublicCancellation });
