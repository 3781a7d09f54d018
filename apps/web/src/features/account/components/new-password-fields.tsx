import { TextField } from '../../../components/ui/field';
import { useMessages } from '../../../lib/i18n';
import { accountMessages } from '../messages';
import { passwordMessages } from '../password-messages';

/** New password twice; the hint states the whole policy (length only, no composition rules). */
export function NewPasswordFields({
  error,
  repeatError,
}: {
  error?: string | undefined;
  repeatError?: string | undefined;
}) {
  const t = useMessages(passwordMessages);
  const common = useMessages(accountMessages);
  return (
    <>
      <TextField
        label={t.newPassword}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={128}
        hint={common.passwordHint}
        error={error}
      />
      <TextField
        label={t.repeatPassword}
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
        error={repeatError}
      />
    </>
  );
}

/** Reads both fields; answers the local error for the repeat field, if any. */
export function readNewPassword(form: FormData, mismatch: string) {
  const password = String(form.get('newPassword') ?? '');
  const repeat = String(form.get('repeatPassword') ?? '');
  return { password, repeatError: password === repeat ? undefined : mismatch };
}
