import { EmptyState, QueryState } from '../../../components/ui/states';
import { useMessages } from '../../../lib/i18n';
import { useProvider } from '../../../lib/provider';
import { useBankAccount } from '../api/bank-account';
import { bankMessages } from '../bank-messages';
import { BankAccountDetails } from '../components/bank-account-details';
import { BankAccountForm } from '../components/bank-account-form';

export function BankPage() {
  const t = useMessages(bankMessages);
  const account = useBankAccount();
  // The creditor's name belongs into the mandate text the customer agrees to.
  const provider = useProvider();
  return (
    <section aria-labelledby="bank-heading">
      <h2 id="bank-heading">{t.heading}</h2>
      <p className="muted">{t.intro}</p>
      <QueryState query={account}>
        {(data) => (data ? <BankAccountDetails account={data} /> : <EmptyState title={t.none} />)}
      </QueryState>
      <h3>{t.replace}</h3>
      <BankAccountForm creditorName={provider.data?.name} />
    </section>
  );
}
