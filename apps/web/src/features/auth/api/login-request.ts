import { authRoutes, type BodyOf, ZLoginBody } from '@portal/contracts';
import { startAuthentication } from '@simplewebauthn/browser';
import { apiRequest } from '../../../lib/api-client';
import { contractResolver } from '../../../lib/form';

/** The browser's credential as the contract's JSON (its extension results are a plain record). */
const asJson = <T extends { clientExtensionResults: object }>(credential: T) => ({
  ...credential,
  clientExtensionResults: { ...credential.clientExtensionResults } as Record<string, unknown>,
});

/** The sign-in requests themselves; loaded on demand so zod stays off the sign-in page's first load. */
export const login = (body: BodyOf<typeof authRoutes.login>) => apiRequest(authRoutes.login, { body });

/** The second step with a code of the authenticator app or a recovery code. */
export const completeSecondFactor = (body: { challengeToken: string; code: string }) =>
  apiRequest(authRoutes.completeSecondFactor, { body });

/** The second step with one of the account's passkeys: the browser asks the authenticator. */
export async function completeSecondFactorWithPasskey(challengeToken: string) {
  const { options } = await apiRequest(authRoutes.startSecondFactorPasskey, { body: { challengeToken } });
  const credential = asJson(await startAuthentication({ optionsJSON: options }));
  return apiRequest(authRoutes.completeSecondFactorPasskey, { body: { challengeToken, credential } });
}

/** Signing in with a passkey alone: the browser offers the passkeys it holds for this site. */
export async function signInWithPasskey() {
  const { options } = await apiRequest(authRoutes.startPasskeySignIn);
  const credential = asJson(await startAuthentication({ optionsJSON: options }));
  return apiRequest(authRoutes.signInWithPasskey, { body: { credential } });
}

/** The form's resolver over the contract's body, loaded with the request (see ../routes/login-page). */
export const loginResolver = contractResolver(ZLoginBody.pick({ email: true, password: true }));

/** The provider's name for the tab title, fetched with the same module once the page is idle. */
export { providerQueryOptions } from '../../../lib/provider';
