import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import type {
  TAuthenticationCredential,
  TAuthenticationOptions,
  TRegistrationCredential,
  TRegistrationOptions,
} from '@portal/contracts';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const b64url = (data: Buffer | Uint8Array) => Buffer.from(data).toString('base64url');

interface StoredCredential {
  id: Buffer;
  privateKey: KeyObject;
  userHandle: string;
  counter: number;
}

/** Flags of the authenticator data (WebAuthn §6.1). */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

/**
 * A software authenticator for route tests: makes real ES256 credentials with "none"
 * attestation and signs assertions the way a platform authenticator does, so the server's
 * WebAuthn checks run unchanged. (The browser journeys use Chromium's virtual authenticator.)
 */
export function createSoftAuthenticator(origin: string) {
  const credentials: StoredCredential[] = [];

  function authData(rpId: string, flags: number, counter: number, attested?: Buffer) {
    const head = Buffer.alloc(37);
    sha256(rpId).copy(head, 0);
    head[32] = flags;
    head.writeUInt32BE(counter, 33);
    return attested ? Buffer.concat([head, attested]) : head;
  }

  return {
    credentials,
    /** Answers `navigator.credentials.create()` for the given options. */
    register(
      options: TRegistrationOptions,
      overrides: { origin?: string; challenge?: string; userVerified?: boolean; counter?: number } = {},
    ): TRegistrationCredential {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const jwk = publicKey.export({ format: 'jwk' });
      const cose = isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, Buffer.from(jwk.x as string, 'base64url')],
          [-3, Buffer.from(jwk.y as string, 'base64url')],
        ]),
      );
      const id = randomBytes(16);
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(id.length);
      const attested = Buffer.concat([Buffer.alloc(16), idLength, id, Buffer.from(cose)]);
      const counter = overrides.counter ?? 0;
      const rpId = options.rp.id ?? new URL(origin).hostname;
      const data = authData(rpId, UP | AT | (overrides.userVerified === false ? 0 : UV), counter, attested);
      const attestation = new Map<string, string | Uint8Array | Map<string, string>>();
      attestation.set('fmt', 'none');
      attestation.set('attStmt', new Map());
      attestation.set('authData', data);
      const attestationObject = isoCBOR.encode(attestation);
      const clientDataJSON = JSON.stringify({
        type: 'webauthn.create',
        challenge: overrides.challenge ?? options.challenge,
        origin: overrides.origin ?? origin,
        crossOrigin: false,
      });
      credentials.push({ id, privateKey, userHandle: options.user.id, counter });
      return {
        id: b64url(id),
        rawId: b64url(id),
        type: 'public-key',
        response: {
          clientDataJSON: b64url(Buffer.from(clientDataJSON)),
          attestationObject: b64url(attestationObject),
          transports: ['internal'],
        },
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
      };
    },
    /** Answers `navigator.credentials.get()` with a stored credential (the last one unless named). */
    authenticate(
      options: TAuthenticationOptions,
      overrides: { credentialId?: string; origin?: string; userVerified?: boolean; counter?: number } = {},
    ): TAuthenticationCredential {
      const credential = overrides.credentialId
        ? credentials.find((entry) => b64url(entry.id) === overrides.credentialId)
        : credentials.at(-1);
      if (!credential) throw new Error('the soft authenticator holds no such credential');
      credential.counter = overrides.counter ?? credential.counter + 1;
      const rpId = options.rpId ?? new URL(origin).hostname;
      const data = authData(rpId, UP | (overrides.userVerified === false ? 0 : UV), credential.counter);
      const clientDataJSON = Buffer.from(
        JSON.stringify({
          type: 'webauthn.get',
          challenge: options.challenge,
          origin: overrides.origin ?? origin,
          crossOrigin: false,
        }),
      );
      const signature = sign('sha256', Buffer.concat([data, sha256(clientDataJSON)]), credential.privateKey);
      return {
        id: b64url(credential.id),
        rawId: b64url(credential.id),
        type: 'public-key',
        response: {
          clientDataJSON: b64url(clientDataJSON),
          authenticatorData: b64url(data),
          signature: b64url(signature),
          userHandle: credential.userHandle,
        },
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
      };
    },
  };
}
