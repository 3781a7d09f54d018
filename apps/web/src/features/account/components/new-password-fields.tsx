import { PASSWORD_LENGTH } from '@portal/contracts';
import { InputField } from '../../../components/ui/form';
import { useMessages } from '../../../lib/i18n';
import { passwordMessages } from '../password-messages';

/** New password twice; the hint states the whole policy (length only, no composition rules). */
export function NewPasswordFields() {
  const t = useMessages(passwordMessages);
  return (
    <>
      <InputField
        name="newPassword"
        label={t.newPassword}
        type="password"
        autoComplete="new-password"
        required
        maxLength={PASSWORD_LENGTH.max}
        hint={t.passwordHint}
      />
      <InputField
        name="repeatPassword"
        label={t.repeatPassword}
        type="password"
        autoComplete="new-password"
        required
        maxLength={PASSWORD_LENGTH.max}
      />
    </>
  );
}
