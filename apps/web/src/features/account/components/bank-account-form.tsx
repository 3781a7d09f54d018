import { ZBankAccountUpdate } from '@portal/contracts';
import { Button } from '../../../components/ui/button';
import { Form, InputField } from '../../../components/ui/form';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useUpdateBankAccount } from '../api/bank-account';
import { bankMessages } from '../bank-messages';

export function BankAccountForm({
  creditorName,
  onSaved,
}: {
  creditorName: string | undefined;
  onSaved: (mandateReference: string) => void;
}) {
  const t = useMessages(bankMessages);
  const update = useUpdateBankAccount();
  const form = useContractForm(ZBankAccountUpdate, { defaultValues: { accountHolder: '', iban: '', bic: '' } });
  return (
    <Form
      form={form}
      className="account-form"
      error={update.error}
      onSubmit={(body) =>
        update.mutate(body, {
          onSuccess: (account) => {
            form.reset();
            onSaved(account.mandate.reference);
          },
          onError: (error) => applyServerErrors(form, error),
        })
      }
    >
      <InputField name="accountHolder" label={t.accountHolder} autoComplete="name" required maxLength={70} />
      <InputField name="iban" label={t.iban} required maxLength={50} spellCheck={false} autoCapitalize="characters" />
      <InputField
        name="bic"
        label={t.bic}
        errorName={t.bicShown}
        maxLength={20}
        spellCheck={false}
        autoCapitalize="characters"
      />
      <p className="small">{t.mandateText(creditorName ?? t.theProvider)}</p>
      <div>
        <Button type="submit" busy={update.isPending}>
          {t.submit}
        </Button>
      </div>
    </Form>
  );
}
