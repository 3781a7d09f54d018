import { readFileSync } from 'node:fs';
import SEPA from 'sepa';
import { validateXML } from 'xmllint-wasm';

const doc = new SEPA.Document('pain.008.001.02');
doc.grpHdr.id = 'DD20261203-ABCDEF';
doc.grpHdr.created = new Date();
doc.grpHdr.initiatorName = 'Nordwind Rechenzentren GmbH';
const info = doc.createPaymentInfo();
info.collectionDate = new Date(2026, 11, 4);
info.creditorIBAN = 'DE02120300000000202051';
info.creditorBIC = 'BYLADEM1001';
info.creditorName = 'Nordwind Rechenzentren GmbH';
info.creditorId = 'DE98ZZZ09999999999';
info.sequenceType = 'FRST';
info.batchBooking = true;
info.id = 'F1';
doc.addPaymentInfo(info);
const tx = info.createTransaction();
tx.debtorName = 'Mustermann Hosting GmbH';
tx.debtorIBAN = 'DE89370400440532013000';
tx.debtorBIC = '';
tx.mandateId = 'K10001-2026-ABCDEF1234';
tx.mandateSignatureDate = new Date(2026, 0, 5);
tx.amount = 1234.56;
tx.remittanceInfo = 'RE-2026-000123';
tx.end2endId = 'RE-2026-000123-X1';
info.addTransaction(tx);
const xml = doc.toString();
console.log(xml);
const xsd = readFileSync('/work/shared/sepa/pain.008.001.02.xsd', 'utf8');
let t = Date.now();
const r = await validateXML({
  xml: [{ fileName: 'run.xml', contents: xml }],
  schema: [{ fileName: 'pain.xsd', contents: xsd }],
});
console.log(r.valid, r.errors, Date.now() - t);
t = Date.now();
const camt = readFileSync('/work/shared/sepa/camt.053.001.08.xsd', 'utf8');
const r2 = await validateXML({
  xml: [{ fileName: 'run.xml', contents: xml }],
  schema: [{ fileName: 'camt.xsd', contents: camt }],
});
console.log(r2.valid, r2.errors.slice(0, 2), Date.now() - t);
