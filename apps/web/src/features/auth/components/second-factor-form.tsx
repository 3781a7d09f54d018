import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-error';
import { useErrorTexts } from '../../../lib/form-errors';
import { useMessages } from '../../../lib/i18n';
import { useSecondFactor } from '../api/login';
import { authMessages } from '../messages';

export interface SecondFactorChallenge {
  challengeToken: string;
  methods: readonly string[];
}

/**
 * The second step of a sign-in: a code of the authenticator app or a recovery code, or one of
 * the account's passkeys. A wrong code may be corrected; an expired step goes back to the start.
 */
export function SecondFactorForm({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: SecondFactorChallenge;
  onSignedIn: () => void;
  onRestart: (message: string) => void;
}) {
  const t = useMessages(authMessages);
  const complete = useSecondFactor();
  const [required, setRequired] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const error = complete.error;
  const texts = useErrorTexts();
  const viaPasskey = complete.variables?.code === undefined;
  useEffect(() => {
    if (error instanceof ApiError && error.status === 401 && !viaPasskey) onRestart(t.stepExpired);
  }, [error, viaPasskey, onRestart, t.stepExpired]);

  const codeError =
    error instanceof ApiError && error.status === 400 && error.fieldError('code') ? t.codeWrong : undefined;
  const message =
    !error || codeError
      ? null
      : error instanceof ApiError
        ? error.status === 401
          ? viaPasskey
            ? t.passkeyUnknown
            : t.stepExpired
          : texts.problem(error)
        : t.passkeyFailed;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    setRequired(!code);
    if (!code) return;
    complete.mutate({ challengeToken: challenge.challengeToken, code }, { onSuccess: onSignedIn });
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t.secondStepTitle}
      </h1>
      <p className="muted">{t.secondStepIntro}</p>
      {message && <Alert tone="error">{message}</Alert>}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label={t.code}
          hint={t.codeHint}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={required ? t.codeRequired : codeError}
        />
        <Button type="submit" busy={complete.isPending && !viaPasskey}>
          {t.confirm}
        </Button>
      </form>
      {challenge.methods.includes('passkey') && (
        <Button
          variant="secondary"
          busy={complete.isPending && viaPasskey}
          onClick={() => complete.mutate({ challengeToken: challenge.challengeToken }, { onSuccess: onSignedIn })}
        >
          {t.usePasskey}
        </Button>
      )}
      <p>
        <Button variant="link" onClick={() => onRestart('')}>
          {t.backToSignIn}
        </Button>
      </p>
    </>
  );
}
