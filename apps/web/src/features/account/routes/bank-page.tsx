import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { QueryState } from '../../../components/ui/states';
import { useMessages } from '../../../lib/i18n';
import { useProvider } from '../../../lib/provider';
import { useBankAccount } from '../api/bank-account';
import { bankMessages } from '../bank-messages';
import { BankAccountDetails } from '../components/bank-account-details';
import { BankAccountForm } from '../components/bank-account-form';

/** The stored account and mandate; the form for a new one only when asked for (or none is stored). */
export function BankPage() {
  const t = useMessages(bankMessages);
  const account = useBankAccount();
  // The creditor's name belongs into the mandate text the customer agrees to.
  const provider = useProvider();
  const [replacing, setReplacing] = useState(false);
  const [savedReference, setSavedReference] = useState<string | null>(null);
  const onSaved = (reference: string) => {
    setSavedReference(reference);
    setReplacing(false);
  };
  return (
    <section aria-labelledby="bank-heading">
      <h2 id="bank-heading">{t.heading}</h2>
      <p className="muted">{t.intro}</p>
      {savedReference && <Alert tone="success">{t.saved(savedReference)}</Alert>}
      <QueryState query={account}>
        {(data) =>
          data && !replacing ? (
            <>
              <BankAccountDetails account={data} />
              <p>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setSavedReference(null);
                    setReplacing(true);
                  }}
                >
                  {t.replace}
                </Button>
              </p>
            </>
          ) : (
            <>
              <h3>{data ? t.replaceHeading : t.addHeading}</h3>
              {!data && <p className="muted">{t.none}</p>}
              <BankAccountForm creditorName={provider.data?.name} onSaved={onSaved} />
              {data && (
                <Button variant="link" onClick={() => setReplacing(false)}>
                  {t.keepCurrent}
                </Button>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
