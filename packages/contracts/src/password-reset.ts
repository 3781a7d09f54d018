import { z } from 'zod';
import { ZNewPassword } from './account';
import { ZEmailInput } from './common';
import { defineRoute } from './http';
import { commonProblems, ZProblem } from './problem';

export const ZPasswordResetRequest = z.object({ email: ZEmailInput });
export const ZPasswordResetConfirm = z.object({ token: z.string().min(1).max(200), newPassword: ZNewPassword });

export const passwordResetRoutes = {
  request: defineRoute({
    method: 'POST',
    operationId: 'requestPasswordReset',
    path: '/auth/password-reset',
    summary: 'Send a reset link; answers 202 whether or not the address is known',
    tags: ['auth'],
    access: 'public',
    body: ZPasswordResetRequest,
    responses: { 202: z.object({}), ...commonProblems, 429: ZProblem },
  }),
  confirm: defineRoute({
    method: 'POST',
    operationId: 'confirmPasswordReset',
    path: '/auth/password-reset/confirm',
    summary: 'Set a new password with the token from a reset or welcome link; revokes every session',
    tags: ['auth'],
    access: 'public',
    body: ZPasswordResetConfirm,
    responses: { 204: z.null(), ...commonProblems, 429: ZProblem },
  }),
} as const;
