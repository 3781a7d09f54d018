import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { useErrorTexts } from '../../../lib/form-errors';
import { formatDate, formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import {
  downloadRunFile,
  useCreateDirectDebitRun,
  useDirectDebitRuns,
  useImportBankStatement,
  useUnmatchedEntries,
} from '../api/collections';
import { DunningOverview } from '../components/dunning-overview';
import { StaffOnly } from '../components/staff-only';
import { backofficeMessages } from '../messages';

/** Billing: direct-debit runs, bank statement import, entries waiting for someone, the dunning overview. */
export function CollectionsPage() {
  const t = useMessages(backofficeMessages);
  return (
    <StaffOnly permission="collections">
      <PageHeader title={t.collectionsTitle} description={t.collectionsIntro} />
      <Runs />
      <StatementImport />
      <Unmatched />
      <DunningOverview />
    </StaffOnly>
  );
}

function Runs() {
  const t = useMessages(backofficeMessages);
  const texts = useErrorTexts();
  const { language } = useLanguage();
  const runs = useDirectDebitRuns();
  const create = useCreateDirectDebitRun();
  return (
    <section aria-labelledby="runs-heading" className="card">
      <h2 id="runs-heading">{t.runsHeading}</h2>
      {create.data && <Alert tone="success">{t.runCreated(create.data.count)}</Alert>}
      {create.error && <Alert tone="error">{texts.problem(create.error)}</Alert>}
      <div className="form-actions">
        <Button busy={create.isPending} onClick={() => create.mutate(undefined)}>
          {t.createRun}
        </Button>
      </div>
      <QueryState query={runs} isEmpty={(data) => data.items.length === 0} empty={<EmptyState title={t.noRuns} />}>
        {(data) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.columnCollectionDate}</th>
                <th scope="col" className="num">
                  {t.columnCount}
                </th>
                <th scope="col" className="num">
                  {t.columnTotal}
                </th>
                <th scope="col">{t.columnFile}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((run) => (
                <tr key={run.id}>
                  <td>{formatDate(run.collectionDate, language)}</td>
                  <td className="num">{run.count}</td>
                  <td className="num">{formatMoney(run.totalAmount, language)}</td>
                  <td>
                    <Button variant="link" onClick={() => void downloadRunFile(run.id, run.messageId)}>
                      {t.downloadRun(run.messageId)}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}

function StatementImport() {
  const t = useMessages(backofficeMessages);
  const texts = useErrorTexts();
  const importStatement = useImportBankStatement();
  const [file, setFile] = useState<File | null>(null);
  const result = importStatement.data;
  return (
    <section aria-labelledby="import-heading" className="card">
      <h2 id="import-heading">{t.importHeading}</h2>
      {result && (
        <Alert tone="success">{t.imported(result.entries, result.matched, result.unmatched, result.duplicates)}</Alert>
      )}
      {importStatement.error && <Alert tone="error">{texts.problem(importStatement.error)}</Alert>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) void file.text().then((xml) => importStatement.mutate(xml));
        }}
      >
        <label className="field">
          <span>{t.statementFile}</span>
          <input
            type="file"
            accept=".xml,application/xml,text/xml"
            required
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </label>
        <div className="form-actions">
          <Button type="submit" busy={importStatement.isPending}>
            {t.importStatement}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Unmatched() {
  const t = useMessages(backofficeMessages);
  const { language } = useLanguage();
  const entries = useUnmatchedEntries();
  return (
    <section aria-labelledby="unmatched-heading" className="card">
      <h2 id="unmatched-heading">{t.unmatchedHeading}</h2>
      <QueryState
        query={entries}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title={t.noUnmatched} />}
      >
        {(data) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.columnBookingDate}</th>
                <th scope="col" className="num">
                  {t.columnAmount}
                </th>
                <th scope="col">{t.columnCounterparty}</th>
                <th scope="col">{t.columnRemittance}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDate(entry.bookingDate, language)}</td>
                  <td className="num">
                    {formatMoney(entry.direction === 'debit' ? -entry.amount : entry.amount, language, entry.currency)}
                  </td>
                  <td>{entry.counterpartyName}</td>
                  <td className="small">{entry.remittance}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}
