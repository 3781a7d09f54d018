import type { TTransferInstructions } from '@portal/contracts';
import { formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { invoiceMessages } from '../messages';

/** Bank details with the GiroCode, so the transfer can be scanned into a banking app. */
export function TransferInstructions({ instructions }: { instructions: TTransferInstructions }) {
  const t = useMessages(invoiceMessages);
  const { language } = useLanguage();
  return (
    <div className="transfer-instructions">
      <dl>
        <dt>{t.accountHolder}</dt>
        <dd>{instructions.accountHolder}</dd>
        <dt>{t.iban}</dt>
        <dd className="mono">{instructions.iban.replace(/(.{4})/g, '$1 ').trim()}</dd>
        <dt>{t.bic}</dt>
        <dd className="mono">{instructions.bic}</dd>
        <dt>{t.bank}</dt>
        <dd>{instructions.bankName}</dd>
        <dt>{t.reference}</dt>
        <dd className="mono">{instructions.reference}</dd>
        <dt>{t.amount}</dt>
        <dd>{formatMoney(instructions.amount, language)}</dd>
      </dl>
      <figure>
        <img src={instructions.qrCode} alt={t.giroCode} width={160} height={160} />
        <figcaption className="small muted">{t.giroCode}</figcaption>
      </figure>
    </div>
  );
}
