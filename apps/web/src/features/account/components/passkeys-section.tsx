import type { TPasskey } from '@portal/contracts';
import { type FormEvent, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useAddPasskey, useDeletePasskey, usePasskeys, useRenamePasskey } from '../api/passkeys';
import { securityFieldError, securityFormError } from '../lib/security-errors';
import { securityMessages } from '../security-messages';

/** One passkey's row: rename in place, remove after a confirmation. */
function PasskeyRow({ passkey }: { passkey: TPasskey }) {
  const t = useMessages(securityMessages);
  const { language } = useLanguage();
  const rename = useRenamePasskey();
  const remove = useDeletePasskey();
  const [mode, setMode] = useState<'view' | 'rename' | 'remove'>('view');

  const onRename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (name) rename.mutate({ id: passkey.id, name }, { onSuccess: () => setMode('view') });
  };
  const problem = securityFormError(rename.error ?? remove.error, t);
  return (
    <tr>
      <td data-label={t.passkeyName}>
        {passkey.name} {passkey.backedUp && <Badge tone="info">{t.synced}</Badge>}
      </td>
      <td data-label={t.passkeyAdded}>{formatDateTime(passkey.createdAt, language)}</td>
      <td data-label={t.passkeyLastUsed}>
        {passkey.lastUsedAt ? formatDateTime(passkey.lastUsedAt, language) : t.never}
      </td>
      <td data-label={t.actions}>
        {problem && <Alert tone="error">{problem}</Alert>}
        {mode === 'view' && (
          <div className="button-row">
            <Button variant="secondary" aria-label={t.renameLabel(passkey.name)} onClick={() => setMode('rename')}>
              {t.rename}
            </Button>
            <Button variant="secondary" aria-label={t.removeLabel(passkey.name)} onClick={() => setMode('remove')}>
              {t.remove}
            </Button>
          </div>
        )}
        {mode === 'rename' && (
          <form onSubmit={onRename} className="inline-form">
            <TextField label={t.newName} name="name" defaultValue={passkey.name} maxLength={60} required autoFocus />
            <div className="button-row">
              <Button type="submit" busy={rename.isPending}>
                {t.save}
              </Button>
              <Button variant="secondary" onClick={() => setMode('view')}>
                {t.cancel}
              </Button>
            </div>
          </form>
        )}
        {mode === 'remove' && (
          <div>
            <p>{t.removeConfirm(passkey.name)}</p>
            <div className="button-row">
              <Button variant="danger" busy={remove.isPending} autoFocus onClick={() => remove.mutate(passkey.id)}>
                {t.removeYes}
              </Button>
              <Button variant="secondary" onClick={() => setMode('view')}>
                {t.cancel}
              </Button>
            </div>
          </div>
        )}
      </td>
    </tr>
  );
}

/** A new passkey: a name and the password, then the browser's own prompt. */
function AddPasskey() {
  const t = useMessages(securityMessages);
  const add = useAddPasskey();
  const [missing, setMissing] = useState<{ name?: boolean; password?: boolean }>({});
  const [formKey, setFormKey] = useState(0);
  const supported = typeof window !== 'undefined' && 'PublicKeyCredential' in window;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setMissing({ name: !name, password: !password });
    if (name && password) add.mutate({ name, password }, { onSuccess: () => setFormKey((key) => key + 1) });
  };
  const problem = securityFormError(add.error, t, t.addCancelled);
  return (
    <>
      <h4>{t.addHeading}</h4>
      <p className="muted">{t.addIntro}</p>
      {!supported && <Alert tone="warning">{t.addUnsupported}</Alert>}
      {add.isSuccess && <Alert tone="success">{t.addDone(add.data.name)}</Alert>}
      {problem && <Alert tone="error">{problem}</Alert>}
      <form key={formKey} className="account-form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t.passkeyName}
          hint={t.namePlaceholderHint}
          name="name"
          maxLength={60}
          required
          error={missing.name ? t.required : securityFieldError(add.error, 'name', t)}
        />
        <TextField
          label={t.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={
            missing.password
              ? t.required
              : (securityFieldError(add.error, 'password', t) ?? securityFieldError(add.error, 'credential', t))
          }
        />
        <div>
          <Button type="submit" busy={add.isPending} disabled={!supported}>
            {t.add}
          </Button>
        </div>
      </form>
    </>
  );
}

export function PasskeysSection() {
  const t = useMessages(securityMessages);
  const passkeys = usePasskeys();
  return (
    <section aria-labelledby="passkeys-heading" className="security-section">
      <h3 id="passkeys-heading">{t.passkeysHeading}</h3>
      <p className="muted">{t.passkeysIntro}</p>
      <QueryState
        query={passkeys}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title={t.noPasskeys} />}
      >
        {(data) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.passkeyName}</th>
                <th scope="col">{t.passkeyAdded}</th>
                <th scope="col">{t.passkeyLastUsed}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((passkey) => (
                <PasskeyRow key={passkey.id} passkey={passkey} />
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      <AddPasskey />
    </section>
  );
}
