import { type TAccountDeletion, type TRetainedCategory, ZAccountDeletion } from '@portal/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxInput, Form, InputField } from '../../../components/ui/form';
import { QueryState } from '../../../components/ui/states';
import { paths } from '../../../config/paths';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useDeleteAccount, useDeletionInfo } from '../api/account-data';
import { blockersOf, DeletionBlockers } from '../components/deletion-blockers';
import { RetainedRecords } from '../components/retained-records';
import { dataMessages } from '../data-messages';

/**
 * What stands in the way comes first: a customer with running contracts or open invoices sees
 * those, linked, and no form. Otherwise deletion sits behind a warning, the password, a
 * checkbox and a second, explicit confirmation; afterwards the sign-in page says it is done.
 */
export function DeletePage() {
  const t = useMessages(dataMessages);
  const info = useDeletionInfo();
  return (
    <section aria-labelledby="delete-heading" className="card danger-zone">
      <h2 id="delete-heading">{t.deleteHeading}</h2>
      <QueryState query={info}>
        {(data) =>
          data.blockers.length > 0 ? <DeletionBlockers blockers={data.blockers} /> : <DeletionForm kept={data.kept} />
        }
      </QueryState>
    </section>
  );
}

function DeletionForm({ kept }: { kept: TRetainedCategory[] }) {
  const t = useMessages(dataMessages);
  const remove = useDeleteAccount();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useContractForm(ZAccountDeletion, {
    defaultValues: { password: '', confirm: false as unknown as true },
  });
  const [pending, setPending] = useState<TAccountDeletion | null>(null);
  const finalButton = useRef<HTMLButtonElement>(null);

  // The question appears where the button was; focus follows so keyboard users land on it.
  useEffect(() => {
    if (pending) finalButton.current?.focus();
  }, [pending]);

  const blockers = blockersOf(remove.error);
  if (blockers) return <DeletionBlockers blockers={blockers} />;

  const onFinalConfirm = () => {
    if (!pending) return;
    remove.mutate(pending, {
      onSuccess: async () => {
        await navigate(`${paths.login}?account=deleted`, { replace: true });
        queryClient.clear();
      },
      onError: (error) => applyServerErrors(form, error),
      onSettled: () => setPending(null),
    });
  };

  return (
    <>
      <Alert tone="warning" title={t.deleteWarning}>
        <p>{t.deleteConsequences}</p>
      </Alert>
      <RetainedRecords kept={kept} />
      <Form
        form={form}
        className="account-form"
        error={remove.error}
        onSubmit={(values) => {
          remove.reset();
          setPending(values);
        }}
      >
        <InputField name="password" label={t.password} type="password" autoComplete="current-password" required />
        <CheckboxInput name="confirm" label={t.understand} />
        {pending === null ? (
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
            <div className="form-actions">
              <Button ref={finalButton} variant="danger" busy={remove.isPending} onClick={onFinalConfirm}>
                {t.finalConfirm}
              </Button>
              <Button variant="secondary" onClick={() => setPending(null)}>
                {t.cancel}
              </Button>
            </div>
          </div>
        )}
      </Form>
    </>
  );
}
