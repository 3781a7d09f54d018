import { z } from 'zod';

/**
 * A form schema: the contract's body plus the repeated new password, which never leaves the
 * browser. A repeat that differs is reported at the repeat field.
 */
export function withRepeatedPassword<Shape extends { newPassword: z.ZodType<string> }>(body: z.ZodObject<Shape>) {
  return body.extend({ repeatPassword: z.string() }).refine(
    (values) => {
      const { repeatPassword, newPassword } = values as { repeatPassword?: unknown; newPassword?: unknown };
      return repeatPassword === newPassword;
    },
    {
      path: ['repeatPassword'],
      message: 'passwordMismatch',
      when: () => true,
    },
  );
}
