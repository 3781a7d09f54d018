import { authRoutes, type BodyOf } from '@portal/contracts';
import { apiRequest } from '../../../lib/api-client';

/** The sign-in request itself; loaded on demand so zod stays off the sign-in page's first load. */
export const login = (body: BodyOf<typeof authRoutes.login>) => apiRequest(authRoutes.login, { body });
