import { describe, expect, it } from 'vitest';
import { ZAddressInput, ZNewPassword } from './account';
import { fieldErrorCodes, fieldErrorOfIssue, fieldMessages } from './field-errors';
import { isPostalCodeOf } from './postal-codes';
import { ZCreateTicketBody } from './tickets';

const issuesOf = (result: { success: boolean; error?: { issues: unknown[] } }) =>
  (result.error?.issues ?? []) as Array<Parameters<typeof fieldErrorOfIssue>[0] & { path: PropertyKey[] }>;

describe('field error codes', () => {
  it('map one sentence to one code, so a message read back names its code', () => {
    expect(new Set(Object.values(fieldMessages)).size).toBe(fieldErrorCodes.length);
  });

  it('come from zod issues: required, too short with its minimum, e-mail, date', () => {
    const ticket = ZCreateTicketBody.safeParse({ subject: 'ab', category: 'technical', message: '' });
    expect(issuesOf(ticket).map((issue) => fieldErrorOfIssue(issue))).toEqual([
      { code: 'tooShort', params: { minimum: 3 } },
      { code: 'required' },
    ]);
    expect(fieldErrorOfIssue({ code: 'invalid_type', input: undefined })).toEqual({ code: 'required' });
    // The API sees fastify's copy of the issue: no input, zod's English message.
    expect(
      fieldErrorOfIssue({ code: 'invalid_type', message: 'Invalid input: expected string, received undefined' }),
    ).toEqual({ code: 'required' });
    expect(fieldErrorOfIssue({ code: 'invalid_format', format: 'email' })).toEqual({ code: 'email' });
    expect(fieldErrorOfIssue({ code: 'too_big', origin: 'string', maximum: 200 })).toEqual({
      code: 'tooLong',
      params: { maximum: 200 },
    });
  });

  it('take the code a schema names as its message', () => {
    expect(issuesOf(ZNewPassword.safeParse('kurz')).map((issue) => fieldErrorOfIssue(issue).code)).toEqual([
      'passwordTooShort',
    ]);
    // Counted as the user sees characters: twelve umlauts are twelve, not too short.
    expect(ZNewPassword.safeParse('ä'.repeat(12)).success).toBe(true);
    expect(issuesOf(ZNewPassword.safeParse('x'.repeat(129))).map((issue) => fieldErrorOfIssue(issue).code)).toEqual([
      'passwordTooLong',
    ]);
  });
});

describe('postal codes', () => {
  it.each([
    ['DE', '24937', true],
    ['DE', '123', false],
    ['DE', '1234a', false],
    ['AT', '1010', true],
    ['AT', '10100', false],
    ['NL', '1012 AB', true],
    ['PL', '00-950', true],
    ['GB', 'SW1A 1AA', true],
    ['US', '123', true],
  ])('%s %s is %s', (country, code, valid) => {
    expect(isPostalCodeOf(country, code)).toBe(valid);
  });

  it('are checked against the country of the address', () => {
    const address = { street: 'Hafenstraße 12', postalCode: '123', city: 'Flensburg', country: 'de' };
    const result = ZAddressInput.safeParse(address);
    expect(issuesOf(result).map((issue) => [issue.path, fieldErrorOfIssue(issue).code])).toEqual([
      [['postalCode'], 'postalCodeFormat'],
    ]);
    expect(ZAddressInput.safeParse({ ...address, postalCode: '24937' }).success).toBe(true);
  });
});
