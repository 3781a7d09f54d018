import { z } from 'zod';

/**
 * The JSON forms of WebAuthn (Level 3 `toJSON()`, as @simplewebauthn/browser sends and takes them).
 * Binary values travel base64url-encoded; limits keep a request small and the server's parser safe.
 */
const ZBase64Url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);

const ZTransport = z.string().max(32);
const ZCredentialDescriptor = z.object({
  id: ZBase64Url(1400),
  type: z.literal('public-key'),
  transports: z.array(ZTransport).max(10).optional(),
});

/** What the browser answers `navigator.credentials.create()` with. */
export const ZRegistrationCredential = z
  .object({
    id: ZBase64Url(1400),
    rawId: ZBase64Url(1400),
    type: z.literal('public-key'),
    response: z.object({
      clientDataJSON: ZBase64Url(8192),
      attestationObject: ZBase64Url(65_536),
      authenticatorData: ZBase64Url(65_536).optional(),
      transports: z.array(ZTransport).max(10).optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: ZBase64Url(8192).optional(),
    }),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
    clientExtensionResults: z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() }).loose(),
  })
  .meta({ id: 'RegistrationCredential' });
export type TRegistrationCredential = z.infer<typeof ZRegistrationCredential>;

/** What the browser answers `navigator.credentials.get()` with. */
export const ZAuthenticationCredential = z
  .object({
    id: ZBase64Url(1400),
    rawId: ZBase64Url(1400),
    type: z.literal('public-key'),
    response: z.object({
      clientDataJSON: ZBase64Url(8192),
      authenticatorData: ZBase64Url(65_536),
      signature: ZBase64Url(8192),
      userHandle: ZBase64Url(256).optional(),
    }),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
    clientExtensionResults: z.object({}).loose(),
  })
  .meta({ id: 'AuthenticationCredential' });
export type TAuthenticationCredential = z.infer<typeof ZAuthenticationCredential>;

const ZUserVerification = z.enum(['required', 'preferred', 'discouraged']);

/** Options for `navigator.credentials.create()` (`PublicKeyCredentialCreationOptionsJSON`). */
export const ZRegistrationOptions = z
  .object({
    challenge: z.string(),
    rp: z.object({ name: z.string(), id: z.string().optional() }),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
    pubKeyCredParams: z.array(z.object({ alg: z.number().int(), type: z.literal('public-key') })),
    timeout: z.number().int().optional(),
    excludeCredentials: z.array(ZCredentialDescriptor).optional(),
    authenticatorSelection: z
      .object({
        authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
        residentKey: z.enum(['required', 'preferred', 'discouraged']).optional(),
        requireResidentKey: z.boolean().optional(),
        userVerification: ZUserVerification.optional(),
      })
      .optional(),
    attestation: z.enum(['none', 'indirect', 'direct', 'enterprise']).optional(),
    extensions: z.object({ credProps: z.boolean().optional() }).optional(),
  })
  .meta({ id: 'PasskeyRegistrationOptions' });
export type TRegistrationOptions = z.infer<typeof ZRegistrationOptions>;

/** Options for `navigator.credentials.get()` (`PublicKeyCredentialRequestOptionsJSON`). */
export const ZAuthenticationOptions = z
  .object({
    challenge: z.string(),
    timeout: z.number().int().optional(),
    rpId: z.string().optional(),
    allowCredentials: z.array(ZCredentialDescriptor).optional(),
    userVerification: ZUserVerification.optional(),
  })
  .meta({ id: 'PasskeyAuthenticationOptions' });
export type TAuthenticationOptions = z.infer<typeof ZAuthenticationOptions>;
