import { Button } from '../../../components/ui/button';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { cancellationMessages } from '../cancellation-messages';
import type { SubmittedDeclaration } from './public-cancellation-form';

/** The receipt page: the declaration with reference, date and time, to print or save as a file. */
export function PublicCancellationReceipt({ declaration }: { declaration: SubmittedDeclaration }) {
  const t = useMessages(cancellationMessages);
  const { language } = useLanguage();
  const { input } = declaration;
  const rows: Array<[string, string]> = [
    [t.reference, declaration.reference],
    [t.receivedAt, formatDateTime(declaration.receivedAt, language)],
    [t.type, input.type === 'ordinary' ? t.typeOrdinary : t.typeExtraordinary],
    ...(input.reason ? ([[t.reason, input.reason]] as Array<[string, string]>) : []),
    [t.name, input.name],
    ...(input.customerNumber ? ([[t.customerNumber, input.customerNumber]] as Array<[string, string]>) : []),
    [t.email, String(input.email)],
    [t.contract, input.contract],
    [t.endDate, input.endDate ? formatDate(input.endDate, language) : t.earliestPossible],
  ];

  const save = () => {
    const text = [t.receiptHeading, '', ...rows.map(([label, value]) => `${label}: ${value}`)].join('\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `kuendigung-${declaration.reference}.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section className="card printable" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">{t.receiptHeading}</h2>
      <p>{t.receiptIntro}</p>
      <h3>{t.declaration}</h3>
      <dl className="facts" data-testid="declaration">
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd className="pre-wrap">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="form-actions">
        <Button variant="secondary" onClick={() => window.print()}>
          {t.print}
        </Button>
        <Button variant="secondary" onClick={save}>
          {t.saveDeclaration}
        </Button>
      </div>
    </section>
  );
}
