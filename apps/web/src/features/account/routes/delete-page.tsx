import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { QueryState } from '../../../components/ui/states';
import { paths } from '../../../config/paths';
import { useMessages } from '../../../lib/i18n';
import { useDeleteAccount, useDeletionInfo } from '../api/account-data';
import { blockersOf, DeletionBlockers } from '../components/deletion-blockers';
import { RetainedRecords } from '../components/retained-records';
import { dataMessages } from '../data-messages';
import { fieldError, formError } from '../lib/field-errors';
import { accountMessages } from '../messages';

/** Deletion behind a warning, the password, a checkbox and a second, explicit confirmation. */
export function DeletePage() {
  const t = useMessages(dataMessages);
  const common = useMessages(accountMessages);
  const remove = useDeleteAccount();
  const info = useDeletionInfo();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [local, setLocal] = useState<{ password?: string; understood?: string }>({});
  const [pendingPassword, setPendingPassword] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    const understood = form.get('understood') === 'on';
    const found = {
      ...(password ? {} : { password: common.required }),
      ...(understood ? {} : { understood: t.mustConfirm }),
    };
    setLocal(found);
    if (Object.keys(found).length > 0) return;
    remove.reset();
    setPendingPassword(password);
    // The question appears where the button was; focus follows so keyboard users land on it.
    setTimeout(() => document.getElementById('final-confirm')?.focus(), 0);
  };

  const onFinalConfirm = () => {
    if (pendingPassword === null) return;
    remove.mutate(
      { password: pendingPassword, confirm: true },
      {
        onSuccess: async () => {
          await navigate(paths.login, { replace: true });
          queryClient.clear();
        },
        onSettled: () => setPendingPassword(null),
      },
    );
  };

  const blockers = blockersOf(remove.error);
  const problem = blockers ? undefined : formError(remove.error, common);
  return (
    <section aria-labelledby="delete-heading" className="card danger-zone">
      <h2 id="delete-heading">{t.deleteHeading}</h2>
      <Alert tone="warning" title={t.deleteWarning}>
        <p>{t.deleteConsequences}</p>
        <p>{t.deleteRequirements}</p>
      </Alert>
      <QueryState query={info}>{(data) => <RetainedRecords kept={data.kept} />}</QueryState>
      {blockers && <DeletionBlockers blockers={blockers} />}
      {problem && <Alert tone="error">{problem}</Alert>}
      <form className="account-form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={local.password ?? fieldError(remove.error, 'password', common)}
        />
        <div className={local.understood ? 'field field-invalid' : 'field'}>
          <label className="checkbox">
            <input
              type="checkbox"
              name="understood"
              aria-describedby={local.understood ? 'understood-error' : undefined}
            />
            <span>{t.understand}</span>
          </label>
          {local.understood && (
            <p id="understood-error" className="field-error">
              {local.understood}
            </p>
          )}
        </div>
        {pendingPassword === null ? (
          <div>
            <Button type="submit" variant="danger">
              {t.deleteButton}
            </Button>
          </div>
        ) : (
          <div role="alertdialog" aria-labelledby="final-question" className="alert alert-error">
            <p id="final-question" className="alert-title">
              {t.finalQuestion}
            </p>
            <Button id="final-confirm" variant="danger" busy={remove.isPending} onClick={onFinalConfirm}>
              {t.finalConfirm}
            </Button>{' '}
            <Button variant="secondary" onClick={() => setPendingPassword(null)}>
              {t.cancel}
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
