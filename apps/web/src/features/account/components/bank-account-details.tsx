import type { TBankAccount } from '@portal/contracts';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useErrorTexts } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useDownloadMandate } from '../api/bank-account';
import { bankMessages } from '../bank-messages';

export function BankAccountDetails({ account }: { account: TBankAccount }) {
  const t = useMessages(bankMessages);
  const texts = useErrorTexts();
  const { language } = useLanguage();
  const download = useDownloadMandate();
  const problem = download.error ? texts.problem(download.error) : null;
  return (
    <div className="card">
      <h3>{t.current}</h3>
      <dl className="account-facts">
        <dt>{t.accountHolder}</dt>
        <dd>{account.accountHolder}</dd>
        <dt>{t.iban}</dt>
        <dd>{account.ibanMasked}</dd>
        {account.bic && (
          <>
            <dt>{t.bicShown}</dt>
            <dd>{account.bic}</dd>
          </>
        )}
        <dt>{t.mandateReference}</dt>
        <dd>{account.mandate.reference}</dd>
        <dt>{t.creditorId}</dt>
        <dd>{account.mandate.creditorId}</dd>
        <dt>{t.signedAt}</dt>
        <dd>{formatDateTime(account.mandate.signedAt, language)}</dd>
      </dl>
      {problem && <Alert tone="error">{problem}</Alert>}
      <Button
        variant="secondary"
        busy={download.isPending}
        onClick={() => download.mutate({ id: account.mandate.id, reference: account.mandate.reference })}
      >
        {t.downloadMandate}
      </Button>
    </div>
  );
}
