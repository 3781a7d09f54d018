import { dunningStates, type TDunningOverviewItem, type TDunningState, ZDunningStopBody } from '@portal/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { Form, InputField } from '../../../components/ui/form';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { paths } from '../../../config/paths';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useErrorTexts } from '../../../lib/form-errors';
import { formatDate, formatDateTime, formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { mutateThen } from '../../../lib/mutation';
import { useDunningOverview, useLiftDunningStop } from '../api/collections';
import { useStopDunning } from '../api/invoices';
import { dunningMessages } from '../dunning-messages';
import { useListFilters } from '../lib/use-list-filters';
import { backofficeMessages } from '../messages';
import { ListFilters } from './list-filters';

/** The levels staff filter by: none yet, payment reminder, first and second Mahnung (the default steps). */
const levels = ['0', '1', '2', '3'] as const;
const choices = { status: { options: dunningStates }, level: { options: levels } };

type Row = { item: TDunningOverviewItem; onDone(outcome: string): void };

/** Billing: every overdue invoice with the dunning job's state, stopped and lifted here. */
export function DunningOverview() {
  const t = useMessages(dunningMessages);
  const tb = useMessages(backofficeMessages);
  const filters = useListFilters(choices);
  const level = filters.values.level;
  const list = useDunningOverview({
    q: filters.q,
    status: filters.values.status,
    level: level === undefined ? undefined : Number(level),
    limit: 50,
  });
  // A stop or lift moves the row (and maybe out of the filtered list); what happened stays said above it.
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <section aria-labelledby="dunning-heading" className="card">
      <h2 id="dunning-heading">{t.heading}</h2>
      <p className="muted">{t.intro}</p>
      <ListFilters
        filters={filters}
        search={{ label: t.search, hint: t.searchHint }}
        selects={[
          {
            name: 'status',
            label: t.statusFilter,
            allLabel: t.allStatuses,
            optionLabel: (value) => t[`status_${value as TDunningState}`],
          },
          {
            name: 'level',
            label: t.levelFilter,
            allLabel: t.allLevels,
            optionLabel: (value) => t.level(Number(value)),
          },
        ]}
      />
      {outcome && <Alert tone="success">{outcome}</Alert>}
      <PagedList query={list} empty={<EmptyState title={t.noInvoices} />} loadMoreLabel={tb.loadMore}>
        {(items: TDunningOverviewItem[]) => <DunningTable items={items} onDone={setOutcome} />}
      </PagedList>
    </section>
  );
}

function DunningTable({ items, onDone }: { items: TDunningOverviewItem[]; onDone(outcome: string): void }) {
  const t = useMessages(dunningMessages);
  const { language } = useLanguage();
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t.columnInvoice}</th>
          <th scope="col">{t.columnCustomer}</th>
          <th scope="col">{t.columnOverdue}</th>
          <th scope="col" className="num">
            {t.columnOpen}
          </th>
          <th scope="col">{t.columnLevel}</th>
          <th scope="col">{t.columnNext}</th>
          <th scope="col">{t.columnStop}</th>
          <th scope="col">{t.columnActions}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.invoice.id}>
            <td>
              <Link to={paths.backofficeInvoice(item.invoice.id)}>{item.invoice.number}</Link>
            </td>
            <td>
              <Link to={paths.backofficeCustomer(item.customer.id)}>{item.customer.company ?? item.customer.name}</Link>
              <span className="muted small"> · {item.customer.number}</span>
            </td>
            <td>
              {t.daysOverdue(item.daysOverdue)}
              <span className="muted small"> · {formatDate(item.invoice.dueDate, language)}</span>
            </td>
            <td className="num">
              {formatMoney(item.invoice.openAmount, language, item.invoice.currency)}
              {item.invoice.openAmount !== item.invoice.total && (
                <span className="muted small">
                  {' '}
                  {t.ofTotal(formatMoney(item.invoice.total, language, item.invoice.currency))}
                </span>
              )}
            </td>
            <td>
              {t.level(item.level)}
              {item.lastNoticeOn && (
                <span className="muted small"> · {t.sentOn(formatDate(item.lastNoticeOn, language))}</span>
              )}
            </td>
            <td>
              <NextStep item={item} />
            </td>
            <td>
              {item.stop ? (
                <>
                  <Badge tone="warning">{t.stopped}</Badge> {item.stop.reason}
                  <span className="muted small">
                    {' · '}
                    {item.stop.setBy
                      ? t.stopBy(item.stop.setBy.name, formatDateTime(item.stop.setAt, language))
                      : formatDateTime(item.stop.setAt, language)}
                  </span>
                </>
              ) : null}
            </td>
            <td>
              {item.stop ? <LiftAction item={item} onDone={onDone} /> : <StopAction item={item} onDone={onDone} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NextStep({ item }: { item: TDunningOverviewItem }) {
  const t = useMessages(dunningMessages);
  const { language } = useLanguage();
  if (item.stop) return <span className="muted">{t.pausedByStop}</span>;
  if (!item.nextStep) return <span className="muted">{t.nothingNext}</span>;
  // A step whose day has passed is answered with today: the job's next run sends it.
  return (
    <>
      {t.level(item.nextStep.level)}
      <span className="muted small"> · {t.nextOn(formatDate(item.nextStep.dueOn, language))}</span>
    </>
  );
}

function StopAction({ item, onDone }: Row) {
  const t = useMessages(dunningMessages);
  const stop = useStopDunning();
  const [asking, setAsking] = useState(false);
  const form = useContractForm(ZDunningStopBody, { defaultValues: { reason: '' } });
  const number = item.invoice.number;
  const submit = form.handleSubmit((body) =>
    mutateThen(
      stop,
      { invoiceId: item.invoice.id, ...body },
      {
        onSuccess: () => {
          setAsking(false);
          form.reset();
          onDone(t.stopDone(number));
        },
        onError: (error) => applyServerErrors(form, error),
      },
    ),
  );
  return (
    <>
      <Button variant="secondary" onClick={() => setAsking(true)} aria-label={t.stopFor(number)}>
        {t.stop}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t.stopTitle(number)}
        confirmLabel={t.stop}
        cancelLabel={t.back}
        busy={stop.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => void submit()}
      >
        <p>{t.stopText}</p>
        <Form form={form} error={stop.error} onSubmit={() => void submit()}>
          <InputField name="reason" label={t.reason} hint={t.reasonHint} required maxLength={500} />
        </Form>
      </ConfirmDialog>
    </>
  );
}

function LiftAction({ item, onDone }: Row) {
  const t = useMessages(dunningMessages);
  const texts = useErrorTexts();
  const lift = useLiftDunningStop();
  const [asking, setAsking] = useState(false);
  const number = item.invoice.number;
  return (
    <>
      <Button variant="secondary" onClick={() => setAsking(true)} aria-label={t.liftFor(number)}>
        {t.lift}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t.liftTitle(number)}
        confirmLabel={t.lift}
        cancelLabel={t.back}
        busy={lift.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() =>
          mutateThen(lift, item.invoice.id, {
            onSuccess: () => {
              setAsking(false);
              onDone(t.liftDone(number));
            },
          })
        }
      >
        <p>{t.liftText}</p>
        {lift.error && <Alert tone="error">{texts.problem(lift.error)}</Alert>}
      </ConfirmDialog>
    </>
  );
}
