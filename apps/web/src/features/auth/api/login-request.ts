import { authRoutes, type BodyOf, ZLoginBody } from '@portal/contracts';
import { apiRequest } from '../../../lib/api-client';
import { contractResolver } from '../../../lib/form';

/** The sign-in request itself; loaded on demand so zod stays off the sign-in page's first load. */
export const login = (body: BodyOf<typeof authRoutes.login>) => apiRequest(authRoutes.login, { body });

/** The form's resolver over the contract's body, loaded with the request (see ../routes/login-page). */
export const loginResolver = contractResolver(ZLoginBody.pick({ email: true, password: true }));
