import { XMLParser } from 'fast-xml-parser';
import { decimalToCents } from './money';

/** What the portal reads of one booked entry of a camt.053.001.08 statement. */
export interface CamtTransaction {
  endToEndId: string | null;
  paymentInfoId: string | null;
  amountCents: number | null;
  /** The original amount of a returned debit (AmtDtls/InstdAmt). */
  instructedAmountCents: number | null;
  chargesCents: number | null;
  returnReason: string | null;
  remittance: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
}

export interface CamtEntry {
  /** AcctSvcrRef, or the statement id and the entry's position when the bank sent none. */
  reference: string;
  amountCents: number;
  currency: string;
  direction: 'credit' | 'debit';
  reversal: boolean;
  bookingDate: string;
  valueDate: string | null;
  /** `PMNT/RCDT/ESCT`, or the proprietary code. */
  transactionCode: string | null;
  batchPaymentInfoId: string | null;
  chargesCents: number | null;
  transactions: CamtTransaction[];
  additionalInfo: string | null;
}

export interface CamtStatement {
  messageId: string;
  statementId: string;
  iban: string | null;
  currency: string | null;
  entries: CamtEntry[];
  /** Entries not booked (pending, information only): not read. */
  skipped: number;
}

export class CamtError extends Error {}

const ARRAYS = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Rcrd', 'Bal']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

// biome-ignore lint/suspicious/noExplicitAny: a parsed XML tree, read defensively below
type Node = any;

const text = (value: Node): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return typeof value['#text'] === 'string' ? value['#text'] : null;
  return String(value);
};

function amountOf(node: Node, where: string): { cents: number; currency: string } | null {
  if (!node) return null;
  const cents = decimalToCents(text(node) ?? '');
  if (cents === null) throw new CamtError(`${where}: the amount ${text(node)} is not in whole cents`);
  return { cents, currency: String(node['@Ccy'] ?? '') };
}

const dateOf = (node: Node): string | null => {
  const value = text(node?.Dt) ?? text(node?.DtTm);
  return value ? value.slice(0, 10) : null;
};

function codeOf(node: Node): string | null {
  const domain = node?.Domn;
  if (domain) return [text(domain.Cd), text(domain.Fmly?.Cd), text(domain.Fmly?.SubFmlyCd)].join('/');
  return text(node?.Prtry?.Cd);
}

function chargesOf(node: Node, where: string): number | null {
  if (!node) return null;
  const total = amountOf(node.TtlChrgsAndTaxAmt, where);
  if (total) return total.cents;
  const records: Node[] = node.Rcrd ?? [];
  return records.reduce((sum: number, record) => sum + (amountOf(record.Amt, where)?.cents ?? 0), 0);
}

function transactionOf(tx: Node, where: string, entryCredit: boolean): CamtTransaction {
  const parties = tx.RltdPties ?? {};
  const credit = tx.CdtDbtInd === undefined ? entryCredit : text(tx.CdtDbtInd) === 'CRDT';
  // The counterparty: who paid us (Dbtr) on a credit, whom the money went to (Cdtr) otherwise.
  const party = credit ? parties.Dbtr : parties.Cdtr;
  const account = credit ? parties.DbtrAcct : parties.CdtrAcct;
  return {
    endToEndId: text(tx.Refs?.EndToEndId),
    paymentInfoId: text(tx.Refs?.PmtInfId),
    amountCents: amountOf(tx.Amt, where)?.cents ?? null,
    instructedAmountCents: amountOf(tx.AmtDtls?.InstdAmt?.Amt, where)?.cents ?? null,
    chargesCents: chargesOf(tx.Chrgs, where),
    returnReason: text(tx.RtrInf?.Rsn?.Cd) ?? text(tx.RtrInf?.Rsn?.Prtry),
    remittance: ((tx.RmtInf?.Ustrd ?? []) as Node[]).map((line) => text(line) ?? '').join(' '),
    counterpartyName: text(party?.Pty?.Nm),
    counterpartyIban: text(account?.Id?.IBAN),
  };
}

/**
 * Reads a camt.053.001.08 document that has already passed the schema. One statement per file
 * (what German banks deliver per account and day); only booked entries are read.
 */
export function parseCamt053(xml: string): CamtStatement {
  const root = parser.parse(xml)?.Document?.BkToCstmrStmt;
  if (!root) throw new CamtError('not a camt.053 bank-to-customer statement');
  const statements: Node[] = root.Stmt ?? [];
  if (statements.length !== 1) throw new CamtError(`one statement per file, found ${statements.length}`);
  const statement = statements[0];
  const statementId = text(statement.Id) ?? '';
  let skipped = 0;
  const entries: CamtEntry[] = [];
  ((statement.Ntry ?? []) as Node[]).forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    const status = text(entry.Sts?.Cd) ?? text(entry.Sts?.Prtry);
    if (status !== 'BOOK') {
      skipped++;
      return;
    }
    const amount = amountOf(entry.Amt, where);
    const bookingDate = dateOf(entry.BookgDt);
    if (!amount || amount.cents === 0) throw new CamtError(`${where}: no amount`);
    if (!bookingDate) throw new CamtError(`${where}: a booked entry without booking date`);
    const details: Node[] = entry.NtryDtls ?? [];
    entries.push({
      reference: text(entry.AcctSvcrRef) ?? `${statementId}/${text(entry.NtryRef) ?? index + 1}`,
      amountCents: amount.cents,
      currency: amount.currency,
      direction: text(entry.CdtDbtInd) === 'CRDT' ? 'credit' : 'debit',
      reversal: text(entry.RvslInd) === 'true',
      bookingDate,
      valueDate: dateOf(entry.ValDt),
      transactionCode: codeOf(entry.BkTxCd),
      batchPaymentInfoId: details.map((detail) => text(detail.Btch?.PmtInfId)).find(Boolean) ?? null,
      chargesCents: chargesOf(entry.Chrgs, where),
      transactions: details.flatMap((detail) =>
        ((detail.TxDtls ?? []) as Node[]).map((tx) => transactionOf(tx, where, text(entry.CdtDbtInd) === 'CRDT')),
      ),
      additionalInfo: text(entry.AddtlNtryInf),
    });
  });
  return {
    messageId: text(root.GrpHdr?.MsgId) ?? '',
    statementId,
    iban: text(statement.Acct?.Id?.IBAN),
    currency: text(statement.Acct?.Ccy),
    entries,
    skipped,
  };
}
