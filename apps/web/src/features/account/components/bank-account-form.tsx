import { type FormEvent, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { useMessages } from '../../../lib/i18n';
import { useUpdateBankAccount } from '../api/bank-account';
import { bankMessages } from '../bank-messages';
import { fieldError, formError } from '../lib/field-errors';
import { accountMessages } from '../messages';

export function BankAccountForm({ creditorName }: { creditorName: string | undefined }) {
  const t = useMessages(bankMessages);
  const common = useMessages(accountMessages);
  const update = useUpdateBankAccount();
  const [missing, setMissing] = useState<{ accountHolder?: string; iban?: string }>({});
  const [formKey, setFormKey] = useState(0);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const accountHolder = String(form.get('accountHolder') ?? '').trim();
    const iban = String(form.get('iban') ?? '').trim();
    const bic = String(form.get('bic') ?? '').trim();
    const found = {
      ...(accountHolder ? {} : { accountHolder: common.required }),
      ...(iban ? {} : { iban: common.required }),
    };
    setMissing(found);
    if (Object.keys(found).length > 0) return;
    update.mutate({ accountHolder, iban, bic }, { onSuccess: () => setFormKey((key) => key + 1) });
  };

  const problem = formError(update.error, common);
  return (
    <form key={formKey} className="account-form" onSubmit={onSubmit} noValidate>
      {update.isSuccess && <Alert tone="success">{t.saved(update.data.mandate.reference)}</Alert>}
      {problem && <Alert tone="error">{problem}</Alert>}
      <TextField
        label={t.accountHolder}
        name="accountHolder"
        autoComplete="name"
        required
        maxLength={70}
        error={missing.accountHolder ?? fieldError(update.error, 'accountHolder', common)}
      />
      <TextField
        label={t.iban}
        name="iban"
        required
        maxLength={50}
        spellCheck={false}
        autoCapitalize="characters"
        error={missing.iban ?? fieldError(update.error, 'iban', common)}
      />
      <TextField
        label={t.bic}
        name="bic"
        maxLength={20}
        spellCheck={false}
        autoCapitalize="characters"
        error={fieldError(update.error, 'bic', common)}
      />
      <p className="small">{t.mandateText(creditorName ?? t.theProvider)}</p>
      <div>
        <Button type="submit" busy={update.isPending}>
          {t.submit}
        </Button>
      </div>
    </form>
  );
}
