import { staffRoleMay, type TAdminContractDetail } from '@portal/contracts';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { ProductStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { formatDate, formatDateTime, formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { staffContractDocumentUrl, useStaffContract } from '../api/contracts';
import { ContractActions } from '../components/contract-actions';
import { CancelChangeAction, MoveEndAction } from '../components/contract-corrections';
import { StaffOnly, useStaffContext } from '../components/staff-only';
import { contractMessages } from '../contract-messages';

type Props = { contract: TAdminContractDetail };

/** One contract for staff: terms, changes, cancellation and documents; admins change or end it. */
export function ContractPage() {
  const t = useMessages(contractMessages);
  const { id = '' } = useParams();
  const contract = useStaffContract(id);
  const { staffRole } = useStaffContext();
  return (
    <StaffOnly permission="contracts.read">
      <p>
        <Link to={paths.backofficeContracts}>← {t.backToContracts}</Link>
      </p>
      <QueryState query={contract} asPage problems={{ not_found: t.notFound }}>
        {(data) => (
          <>
            <PageHeader
              title={`${data.contractNumber} · ${data.name}`}
              actions={<ProductStatusBadge status={data.status} />}
            />
            <Facts contract={data} />
            {staffRoleMay(staffRole, 'contracts.write') && <ContractActions contract={data} />}
            {data.cancellation && <Cancellation contract={data} />}
            {data.cancellation && staffRoleMay(staffRole, 'contracts.write') && <MoveEndAction contract={data} />}
            <Changes contract={data} />
            <Documents contract={data} />
          </>
        )}
      </QueryState>
    </StaffOnly>
  );
}

function usePrice() {
  const t = useMessages(contractMessages);
  const { language } = useLanguage();
  return (price: TAdminContractDetail['price']) =>
    t.pricePer(formatMoney(price.amount, language), t[`interval_${price.interval}`]);
}

function Facts({ contract }: Props) {
  const t = useMessages(contractMessages);
  const { language } = useLanguage();
  const { staffRole } = useStaffContext();
  const price = usePrice();
  const terms = contract.contract;
  const customer = contract.customerCompany ?? contract.customerName;
  return (
    <section aria-labelledby="contract-facts" className="card">
      <h2 id="contract-facts">{t.factsHeading}</h2>
      <dl className="facts">
        <dt>{t.customer}</dt>
        <dd>
          {staffRoleMay(staffRole, 'customers.read') ? (
            <Link to={paths.backofficeCustomer(contract.customerId)}>{customer}</Link>
          ) : (
            customer
          )}
          {contract.customerNumber && (
            <span className="muted small"> · {t.customerNumber(contract.customerNumber)}</span>
          )}{' '}
          <Badge tone="neutral">{t[`type_${contract.customerType}`]}</Badge>
        </dd>
        <dt>{t.price}</dt>
        <dd>{price(contract.price)}</dd>
        <dt>{t.startDate}</dt>
        <dd>{formatDate(contract.startDate, language)}</dd>
        <dt>{t.minimumTerm}</dt>
        <dd>{t.months(terms.minimumTermMonths)}</dd>
        <dt>{t.noticePeriod}</dt>
        <dd>{t.months(terms.noticePeriodMonths)}</dd>
        <dt>{t.renewal}</dt>
        <dd>{terms.renewalMonths === 0 ? t.renewalIndefinite : t.months(terms.renewalMonths)}</dd>
        <dt>{contract.endDate ? t.endDate : t.termEnds}</dt>
        <dd>{formatDate(contract.endDate ?? terms.termEndsOn, language)}</dd>
      </dl>
    </section>
  );
}

function Cancellation({ contract }: Props) {
  const t = useMessages(contractMessages);
  const { language } = useLanguage();
  const cancellation = contract.cancellation;
  if (!cancellation) return null;
  return (
    <section aria-labelledby="contract-cancellation" className="card">
      <h2 id="contract-cancellation">{t.cancellationHeading}</h2>
      <p>
        <strong>{cancellation.byProvider ? t.byProvider : t.byCustomer}</strong>
      </p>
      <dl className="facts">
        <dt>{t.endDate}</dt>
        <dd>{formatDate(cancellation.effectiveDate, language)}</dd>
        <dt>{t.receivedAt}</dt>
        <dd>{formatDateTime(cancellation.receivedAt, language)}</dd>
        {cancellation.reason && (
          <>
            <dt>{t.reason}</dt>
            <dd className="pre-wrap">{cancellation.reason}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Changes({ contract }: Props) {
  const t = useMessages(contractMessages);
  const { language } = useLanguage();
  const price = usePrice();
  const { staffRole } = useStaffContext();
  const mayCancel = staffRoleMay(staffRole, 'contracts.write');
  const [cancelled, setCancelled] = useState<number | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  // The button that was used leaves with the change: focus goes to the message instead.
  useEffect(() => {
    if (cancelled !== null) notice.current?.focus();
  }, [cancelled]);
  return (
    <section aria-labelledby="contract-changes" className="card">
      <h2 id="contract-changes">{t.changesHeading}</h2>
      {cancelled !== null && (
        <div ref={notice} tabIndex={-1}>
          <Alert tone="success">{t.changeCancelled(cancelled)}</Alert>
        </div>
      )}
      {contract.changes.length === 0 ? (
        <p className="muted">{t.noChanges}</p>
      ) : (
        <ul className="plain-list">
          {contract.changes.map((change) => (
            <li key={change.id}>
              <strong>
                {t.changeTitle(change.version, formatDate(change.effectiveDate, language), change.inEffect)}
              </strong>
              {!change.inEffect && <Badge tone="info">{t.waiting}</Badge>}
              <br />
              {t.changeSummary(price(change.before.price), price(change.after.price))} ·{' '}
              {t.changeTerms(t.months(change.after.minimumTermMonths), t.months(change.after.noticePeriodMonths))}
              <br />
              <span className="muted small">
                {t.reason}: {change.reason}
              </span>
              {!change.inEffect && mayCancel && (
                <div className="form-actions">
                  <CancelChangeAction contract={contract} change={change} onCancelled={setCancelled} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Documents({ contract }: Props) {
  const t = useMessages(contractMessages);
  const { language } = useLanguage();
  return (
    <section aria-labelledby="contract-documents" className="card">
      <h2 id="contract-documents">{t.documentsHeading}</h2>
      {contract.documents.length === 0 ? (
        <EmptyState title={t.noDocuments} />
      ) : (
        <ul className="plain-list">
          {contract.documents.map((document) => (
            <li key={document.id}>
              <a href={staffContractDocumentUrl(contract.id, document.id)}>{t.documentLink(document.title)}</a>{' '}
              <span className="muted small">{formatDate(document.acceptedOn, language)}</span>{' '}
              {!document.current && <Badge tone="neutral">{t.archived}</Badge>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
