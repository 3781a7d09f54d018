import { type FormEvent, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { QueryState } from '../../../components/ui/states';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import {
  useConfirmTotpEnrolment,
  useDisableTotp,
  useRegenerateRecoveryCodes,
  useSecondFactors,
  useStartTotpEnrolment,
} from '../api/second-factors';
import { securityFieldError, securityFormError } from '../lib/security-errors';
import { securityMessages } from '../security-messages';
import { RecoveryCodesPanel } from './recovery-codes';

const field = (event: FormEvent<HTMLFormElement>, name: string) =>
  String(new FormData(event.currentTarget).get(name) ?? '').trim();

type ConfirmMutation = ReturnType<typeof useConfirmTotpEnrolment>;
type RegenerateMutation = ReturnType<typeof useRegenerateRecoveryCodes>;
type DisableMutation = ReturnType<typeof useDisableTotp>;

/**
 * Setting up the app: QR code and key, then the first code turns it on. The mutations live in
 * the section, which stays while this part goes (TOTP is on): their answers still arrive there.
 */
function Enrolment({ confirm, onCodes }: { confirm: ConfirmMutation; onCodes: (codes: string[]) => void }) {
  const t = useMessages(securityMessages);
  const start = useStartTotpEnrolment();
  const [missing, setMissing] = useState(false);

  if (!start.data) {
    return (
      <>
        {securityFormError(start.error, t) && <Alert tone="error">{securityFormError(start.error, t)}</Alert>}
        <Button onClick={() => start.mutate()} busy={start.isPending}>
          {t.setUp}
        </Button>
      </>
    );
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = field(event, 'code');
    setMissing(!code);
    if (code) confirm.mutate(code, { onSuccess: (result) => onCodes(result.recoveryCodes) });
  };
  const problem = securityFormError(confirm.error, t);
  return (
    <div className="security-panel">
      <h4>{t.scanTitle}</h4>
      <img
        className="totp-qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.data.qrCodeSvg)}`}
        alt={t.qrAlt}
        width="200"
        height="200"
      />
      <p>{t.manualSecret}</p>
      <p>
        <code className="totp-secret" data-testid="totp-secret">
          {start.data.secret.replace(/(.{4})/g, '$1 ').trim()}
        </code>
      </p>
      {problem && <Alert tone="error">{problem}</Alert>}
      <form className="account-form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t.sixDigitCode}
          hint={t.confirmIntro}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          error={missing ? t.required : securityFieldError(confirm.error, 'code', t)}
        />
        <div className="button-row">
          <Button type="submit" busy={confirm.isPending}>
            {t.activate}
          </Button>
          <Button variant="secondary" onClick={() => start.reset()}>
            {t.cancel}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** Ten new recovery codes with the password. */
function Regenerate({ regenerate, onCodes }: { regenerate: RegenerateMutation; onCodes: (codes: string[]) => void }) {
  const t = useMessages(securityMessages);
  const [missing, setMissing] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    setMissing(!password);
    if (password) regenerate.mutate(password, { onSuccess: (result) => onCodes(result.recoveryCodes) });
  };
  const problem = securityFormError(regenerate.error, t);
  return (
    <details className="security-details">
      <summary>{t.regenerate}</summary>
      <p className="muted">{t.regenerateIntro}</p>
      {problem && <Alert tone="error">{problem}</Alert>}
      <form className="account-form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={missing ? t.required : securityFieldError(regenerate.error, 'password', t)}
        />
        <div>
          <Button type="submit" busy={regenerate.isPending}>
            {t.regenerate}
          </Button>
        </div>
      </form>
    </details>
  );
}

/** Turning the app off: password and a code (or a recovery code). */
function Disable({ disable }: { disable: DisableMutation }) {
  const t = useMessages(securityMessages);
  const [missing, setMissing] = useState<{ password?: boolean; code?: boolean }>({});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    const code = field(event, 'code');
    setMissing({ password: !password, code: !code });
    if (password && code) disable.mutate({ password, code });
  };
  const problem = securityFormError(disable.error, t);
  return (
    <details className="security-details">
      <summary>{t.disableHeading}</summary>
      <p className="muted">{t.disableIntro}</p>
      {problem && <Alert tone="error">{problem}</Alert>}
      <form className="account-form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={missing.password ? t.required : securityFieldError(disable.error, 'password', t)}
        />
        <TextField
          label={t.code}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          required
          error={missing.code ? t.required : securityFieldError(disable.error, 'code', t)}
        />
        <div>
          <Button type="submit" variant="danger" busy={disable.isPending}>
            {t.disable}
          </Button>
        </div>
      </form>
    </details>
  );
}

/** The authenticator app and its recovery codes. */
export function TotpSection() {
  const t = useMessages(securityMessages);
  const { language } = useLanguage();
  const factors = useSecondFactors();
  const confirm = useConfirmTotpEnrolment();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableTotp();
  const [codes, setCodes] = useState<string[] | null>(null);
  const showCodes = (fresh: string[]) => {
    disable.reset();
    setCodes(fresh);
  };

  return (
    <section aria-labelledby="totp-heading" className="security-section">
      <h3 id="totp-heading">{t.totpHeading}</h3>
      {codes && <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />}
      {disable.isSuccess && <Alert tone="success">{t.disabled}</Alert>}
      <QueryState query={factors}>
        {(data) =>
          data.totp.enabled && data.totp.enabledAt ? (
            <>
              <p>{t.totpOn(formatDateTime(data.totp.enabledAt, language))}</p>
              <Disable disable={disable} />
              <h3>{t.recoveryHeading}</h3>
              <p className="muted">{t.recoveryIntro}</p>
              <p>{t.recoveryRemaining(data.recoveryCodes.remaining)}</p>
              {data.recoveryCodes.remaining <= 3 && <Alert tone="warning">{t.recoveryLow}</Alert>}
              <Regenerate regenerate={regenerate} onCodes={showCodes} />
            </>
          ) : (
            <>
              <p className="muted">{t.totpOff}</p>
              <Enrolment confirm={confirm} onCodes={showCodes} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
