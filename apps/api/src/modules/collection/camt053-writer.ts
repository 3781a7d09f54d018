import { escapeHtml } from '../../lib/html';
import { centsToDecimal } from './rules/money';

/**
 * camt.053.001.08 statements as a German bank writes them: the demo data's and docs/'s example
 * statements, and the tests':
 * each entry booked, with its account-servicer reference, bank transaction code and details.
 */
export interface FixtureTransaction {
  endToEndId?: string;
  amountCents?: number;
  /** A returned debit: the original amount, the reason code and the bank's fee. */
  instructedCents?: number;
  returnReason?: string;
  chargesCents?: number;
  remittance?: string;
  counterpartyName?: string;
  counterpartyIban?: string;
}

export interface FixtureEntry {
  reference?: string;
  amountCents: number;
  currency?: string;
  direction: 'CRDT' | 'DBIT';
  bookingDate: string;
  /** Domain/family/sub-family, e.g. PMNT/RCDT/ESCT (transfer), PMNT/IDDT/ESDD (collection), PMNT/IDDT/UPDD (return). */
  code?: string;
  batchPaymentInfoId?: string;
  status?: 'BOOK' | 'PDNG';
  transactions?: FixtureTransaction[];
}

export interface FixtureStatement {
  iban: string;
  messageId?: string;
  statementId?: string;
  currency?: string;
  entries: FixtureEntry[];
}

// XML text escapes as HTML's do.
const xmlText = escapeHtml;

let counter = 0;
const uniqueRef = () => `REF${Date.now().toString(36).toUpperCase()}${(counter++).toString(36).toUpperCase()}`;

function transaction(tx: FixtureTransaction, entry: FixtureEntry): string {
  const ccy = entry.currency ?? 'EUR';
  const credit = entry.direction === 'CRDT';
  const party = credit ? 'Dbtr' : 'Cdtr';
  const parts = [
    tx.endToEndId ? `<Refs><EndToEndId>${xmlText(tx.endToEndId)}</EndToEndId></Refs>` : '',
    tx.amountCents !== undefined ? `<Amt Ccy="${ccy}">${centsToDecimal(tx.amountCents)}</Amt>` : '',
    tx.amountCents !== undefined ? `<CdtDbtInd>${entry.direction}</CdtDbtInd>` : '',
    tx.instructedCents !== undefined
      ? `<AmtDtls><InstdAmt><Amt Ccy="${ccy}">${centsToDecimal(tx.instructedCents)}</Amt></InstdAmt></AmtDtls>`
      : '',
    tx.chargesCents !== undefined
      ? `<Chrgs><Rcrd><Amt Ccy="${ccy}">${centsToDecimal(tx.chargesCents)}</Amt><CdtDbtInd>DBIT</CdtDbtInd></Rcrd></Chrgs>`
      : '',
    tx.counterpartyName || tx.counterpartyIban
      ? `<RltdPties>${tx.counterpartyName ? `<${party}><Pty><Nm>${xmlText(tx.counterpartyName)}</Nm></Pty></${party}>` : ''}${
          tx.counterpartyIban ? `<${party}Acct><Id><IBAN>${tx.counterpartyIban}</IBAN></Id></${party}Acct>` : ''
        }</RltdPties>`
      : '',
    tx.remittance ? `<RmtInf><Ustrd>${xmlText(tx.remittance)}</Ustrd></RmtInf>` : '',
    tx.returnReason ? `<RtrInf><Rsn><Cd>${tx.returnReason}</Cd></Rsn></RtrInf>` : '',
  ];
  return `<TxDtls>${parts.join('')}</TxDtls>`;
}

function entryXml(entry: FixtureEntry): string {
  const [domain, family, sub] = (
    entry.code ?? (entry.direction === 'CRDT' ? 'PMNT/RCDT/ESCT' : 'PMNT/IDDT/UPDD')
  ).split('/');
  const details =
    entry.batchPaymentInfoId || entry.transactions?.length
      ? `<NtryDtls>${entry.batchPaymentInfoId ? `<Btch><PmtInfId>${entry.batchPaymentInfoId}</PmtInfId></Btch>` : ''}${(
          entry.transactions ?? []
        )
          .map((tx) => transaction(tx, entry))
          .join('')}</NtryDtls>`
      : '';
  return `<Ntry><Amt Ccy="${entry.currency ?? 'EUR'}">${centsToDecimal(entry.amountCents)}</Amt><CdtDbtInd>${entry.direction}</CdtDbtInd><Sts><Cd>${entry.status ?? 'BOOK'}</Cd></Sts><BookgDt><Dt>${entry.bookingDate}</Dt></BookgDt><ValDt><Dt>${entry.bookingDate}</Dt></ValDt><AcctSvcrRef>${entry.reference ?? uniqueRef()}</AcctSvcrRef><BkTxCd><Domn><Cd>${domain}</Cd><Fmly><Cd>${family}</Cd><SubFmlyCd>${sub}</SubFmlyCd></Fmly></Domn></BkTxCd>${details}</Ntry>`;
}

/** Opening balance and closing balance (the schema wants at least one; banks send both). */
function balances(statement: FixtureStatement, opening: number): string {
  const net = statement.entries
    .filter((entry) => (entry.status ?? 'BOOK') === 'BOOK' && (entry.currency ?? 'EUR') === 'EUR')
    .reduce((sum, entry) => sum + (entry.direction === 'CRDT' ? entry.amountCents : -entry.amountCents), 0);
  const date = statement.entries[0]?.bookingDate ?? '2026-12-01';
  const balance = (code: string, cents: number) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${centsToDecimal(Math.abs(cents))}</Amt><CdtDbtInd>${cents < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
  return balance('OPBD', opening) + balance('CLBD', opening + net);
}

export function camt053(statement: FixtureStatement, openingBalanceCents = 1_000_000): string {
  const messageId = statement.messageId ?? `CAMT${uniqueRef()}`;
  const statementId = statement.statementId ?? `STMT${uniqueRef()}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<BkToCstmrStmt>
<GrpHdr><MsgId>${messageId}</MsgId><CreDtTm>2026-12-02T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>${statementId}</Id><CreDtTm>2026-12-02T06:00:00</CreDtTm><Acct><Id><IBAN>${statement.iban}</IBAN></Id><Ccy>${statement.currency ?? 'EUR'}</Ccy></Acct>
${balances(statement, openingBalanceCents)}
${statement.entries.map(entryXml).join('\n')}
</Stmt>
</BkToCstmrStmt>
</Document>
`;
}
