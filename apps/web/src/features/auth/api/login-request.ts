import { authRoutes, type BodyOf, ZLoginBody } from '@portal/contracts';
import { apiRequest } from '../../../lib/api-client';
import { contractResolver } from '../../../lib/form';

/** The sign-in request itself; loaded on demand so zod stays off the sign-in page's first load. */
export const login = (body: BodyOf<typeof authRoutes.login>) => apiRequest(authRoutes.login, { body });

/** The form's resolver over the contract's body, loaded with the request (see ../routes/login-page). */
export const loginResolver = contractResolver(ZLoginBody.pick({ email: true, password: true }));

/** The provider's name for the tab title, fetched with the same module once the page is idle. */
export { providerQueryOptions } from '../../../lib/provider';
