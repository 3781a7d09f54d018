import { accountRoutes, type BodyOf, passwordResetRoutes } from '@portal/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const changePassword = (body: BodyOf<typeof accountRoutes.changePassword>) =>
  apiRequest(accountRoutes.changePassword, { body });

export const useChangePassword = () => useMutation({ mutationFn: changePassword });

export const requestPasswordReset = (email: string) => apiRequest(passwordResetRoutes.request, { body: { email } });

export const useRequestPasswordReset = () => useMutation({ mutationFn: requestPasswordReset });

export const confirmPasswordReset = (body: BodyOf<typeof passwordResetRoutes.confirm>) =>
  apiRequest(passwordResetRoutes.confirm, { body });

export const useConfirmPasswordReset = () => useMutation({ mutationFn: confirmPasswordReset });
