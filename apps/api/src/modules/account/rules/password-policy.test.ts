import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCommonPassword, PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy';

describe('password policy (OWASP ASVS 5)', () => {
  it('needs 12 characters, counted as the user sees them', () => {
    expect(passwordProblem('kurz-abc', 'a@example.com')).toBe('too_short');
    expect(passwordProblem('äöüäöüäöüäö', 'a@example.com')).toBe('too_short');
    expect(passwordProblem('äöüäöüäöüäöü', 'a@example.com')).toBeNull();
  });

  it('allows at least 64 characters and asks for no composition', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{64}$/), (password) => passwordProblem(password, 'x@example.com') === null),
    );
    expect(passwordProblem('a'.repeat(PASSWORD_MIN_LENGTH + 1), 'x@example.com')).toBeNull();
  });

  it('ships a list of more than 10,000 common passwords and refuses them in any case', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(passwordProblem('qwerty123456', 'x@example.com')).toBe('common');
    expect(passwordProblem('QWERTY123456', 'x@example.com')).toBe('common');
    expect(passwordProblem('1q2w3e4r5t6y', 'x@example.com')).toBe('common');
  });

  it('refuses passwords that contain the e-mail address or its local part', () => {
    expect(passwordProblem('mein-jana.petersen-passwort', 'jana.petersen@example.com')).toBe('contains_email');
    expect(passwordProblem('x jana.petersen@example.com', 'Jana.Petersen@example.com')).toBe('contains_email');
    expect(passwordProblem('a-perfectly-fine-secret', 'jo@example.com')).toBeNull();
  });
});
