/** Signs tokens outside production when JWT_SECRET is unset; published here, so refused in production. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-never-use-in-production!';
/** Encrypts TOTP secrets outside production when MFA_ENCRYPTION_KEY is unset; refused in production. */
export const DEVELOPMENT_MFA_ENCRYPTION_KEY = 'development-only-mfa-key-never-use-in-production!';
/** Secrets shipped in this repository: known to everyone, so never a production secret. */
const PUBLISHED_SECRETS = new Set([DEVELOPMENT_JWT_SECRET, DEVELOPMENT_MFA_ENCRYPTION_KEY]);

export const MIN_SECRET_LENGTH = 32;
/** `openssl rand -hex 16` draws from 16 characters; a typed or repeated phrase uses fewer. */
const MIN_DISTINCT_CHARACTERS = 10;

/**
 * Why a value is too weak to sign anything in production, or undefined when it will do. A cheap
 * screen for published, short, low-variety and repeated strings, not an entropy proof.
 */
export function weakSecretReason(value: string): string | undefined {
  if (PUBLISHED_SECRETS.has(value))
    return 'is the published development secret; generate one (openssl rand -base64 48)';
  if (value.length < MIN_SECRET_LENGTH) return `must be at least ${MIN_SECRET_LENGTH} characters`;
  if (new Set(value).size < MIN_DISTINCT_CHARACTERS) {
    return `has fewer than ${MIN_DISTINCT_CHARACTERS} distinct characters; use a random value (openssl rand -base64 48)`;
  }
  // A short unit repeated ("secret1-secret1-…") has no more strength than the unit.
  if (/^(.{1,16})\1+$/s.test(value)) return 'repeats a short phrase; use a random value (openssl rand -base64 48)';
  return undefined;
}
