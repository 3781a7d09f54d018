import { XMLParser } from 'fast-xml-parser';
import { Document } from 'sepa';
import { centsToDecimal } from './money';
import { isSepaId, toSepaText } from './sepa-text';

/** IBAN countries inside the EEA (plus the SEPA microstates without own address rules): no address needed. */
const EEA = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IS IE IT LV LI LT LU MT NL NO PL PT RO SK SI ES SE'.split(' '),
);

export interface RunTransaction {
  endToEndId: string;
  amountCents: number;
  mandateReference: string;
  mandateSignedOn: string;
  debtorName: string;
  debtorIban: string;
  debtorBic: string | null;
  /** Needed for debtors whose bank is outside the EEA (EPC rulebook 2025). */
  debtorAddress: { street: string; postalCode: string; city: string; country: string };
  remittance: string;
}

export interface RunBlock {
  /** Appended to the message id: `<MsgId>.<suffix>` is the PmtInfId. */
  suffix: string;
  collectionDate: string;
  sequenceType: 'FRST' | 'RCUR';
  transactions: RunTransaction[];
}

export interface RunFile {
  messageId: string;
  createdAt: Date;
  creditor: { name: string; iban: string; bic: string; creditorId: string };
  blocks: RunBlock[];
}

/** Local midnight of a calendar date: the library prints dates in the process's time zone. */
function localDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, day ?? 1);
}

export const paymentInfoIdOf = (messageId: string, suffix: string) => `${messageId}.${suffix}`;

/**
 * The pain.008.001.02 file of a run, written by the `sepa` library: one PmtInf per collection date
 * and sequence type, texts transliterated to the SEPA set, then checked against the cents meant.
 */
export function buildPain008(run: RunFile): string {
  if (!isSepaId(run.messageId) || run.messageId.length > 24) throw new Error(`bad message id ${run.messageId}`);
  const doc = new Document('pain.008.001.02');
  doc.grpHdr.id = run.messageId;
  doc.grpHdr.created = run.createdAt;
  doc.grpHdr.initiatorName = toSepaText(run.creditor.name, 70);
  for (const block of run.blocks) {
    const info = doc.createPaymentInfo();
    info.id = block.suffix;
    info.collectionDate = localDate(block.collectionDate);
    info.sequenceType = block.sequenceType;
    info.localInstrumentation = 'CORE';
    info.batchBooking = true;
    info.creditorName = toSepaText(run.creditor.name, 70);
    info.creditorIBAN = run.creditor.iban;
    info.creditorBIC = run.creditor.bic;
    info.creditorId = run.creditor.creditorId;
    doc.addPaymentInfo(info);
    block.transactions.forEach((entry, index) => {
      if (!isSepaId(entry.endToEndId)) throw new Error(`bad end-to-end id ${entry.endToEndId}`);
      const tx = info.createTransaction();
      tx.id = String(index + 1);
      tx.end2endId = entry.endToEndId;
      tx.amount = Number(centsToDecimal(entry.amountCents));
      tx.mandateId = entry.mandateReference;
      tx.mandateSignatureDate = localDate(entry.mandateSignedOn);
      tx.debtorName = toSepaText(entry.debtorName, 70) || 'Kunde';
      tx.debtorIBAN = entry.debtorIban;
      const bic = entry.debtorBic ?? '';
      // IBAN-only unless the BIC is well-formed and of the IBAN's country (the library checks that).
      tx.debtorBIC =
        /^[A-Z0-9]{8}([A-Z0-9]{3})?$/.test(bic) && bic.slice(4, 6) === entry.debtorIban.slice(0, 2) ? bic : '';
      const country = entry.debtorIban.slice(0, 2);
      if (!EEA.has(country)) {
        tx.debtorStreet = toSepaText(entry.debtorAddress.street, 70);
        tx.debtorCity = toSepaText(`${entry.debtorAddress.postalCode} ${entry.debtorAddress.city}`, 70);
        tx.debtorCountry = entry.debtorAddress.country;
      }
      tx.remittanceInfo = toSepaText(entry.remittance, 140);
      info.addTransaction(tx);
    });
  }
  const xml = doc.toString();
  checkSums(xml, run);
  return xml;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['PmtInf', 'DrctDbtTxInf'].includes(name),
});

/** The library adds euros as floating-point numbers: every figure is compared with the cents meant. */
function checkSums(xml: string, run: RunFile) {
  const root = parser.parse(xml).Document.CstmrDrctDbtInitn;
  const all = run.blocks.flatMap((block) => block.transactions);
  const total = all.reduce((sum, entry) => sum + entry.amountCents, 0);
  const mismatch = (what: string) => new Error(`pain.008 ${what} differs from the cents of the run`);
  if (root.GrpHdr.CtrlSum !== centsToDecimal(total) || root.GrpHdr.NbOfTxs !== String(all.length)) {
    throw mismatch('group header');
  }
  run.blocks.forEach((block, index) => {
    const info = root.PmtInf[index];
    const sum = block.transactions.reduce((acc, entry) => acc + entry.amountCents, 0);
    if (info.CtrlSum !== centsToDecimal(sum) || info.NbOfTxs !== String(block.transactions.length)) {
      throw mismatch(`block ${block.suffix}`);
    }
    block.transactions.forEach((entry, position) => {
      if (info.DrctDbtTxInf[position].InstdAmt !== centsToDecimal(entry.amountCents)) throw mismatch('amount');
    });
  });
}
