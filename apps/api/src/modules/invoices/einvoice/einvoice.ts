import { FormatFactoryService, InvoiceService, type Logger } from '@e-invoice-eu/core';
import { type EInvoiceSource, toEInvoiceModel } from './einvoice-model';

/** The library logs warnings on stderr by default; the validation tests check the output instead. */
const quiet: Logger = { log: () => {}, warn: () => {}, error: (message) => console.error(message) };
const service = new InvoiceService(quiet);

type Tree = Record<string, unknown>;

/**
 * e-invoice-eu 2.3.4 writes the SEPA creditor identifier (BT-90, required with direct debit by
 * BR-DE-30) only from the payee's identifier, and so always adds a PayeeTradeParty. In CII a
 * payee equal to the seller breaks BR-17. This removes exactly that party again after the
 * library's own post-processing, before it renders the XML (CII, XRechnung and Factur-X share
 * the step). The version is pinned; the validation tests fail if the internals move.
 */
function dropPayeeThatIsTheSeller(cii: Tree) {
  const transaction = (cii['rsm:CrossIndustryInvoice'] as Tree | undefined)?.['rsm:SupplyChainTradeTransaction'] as
    | Tree
    | undefined;
  const settlement = transaction?.['ram:ApplicableHeaderTradeSettlement'] as Tree | undefined;
  const seller = (transaction?.['ram:ApplicableHeaderTradeAgreement'] as Tree | undefined)?.['ram:SellerTradeParty'] as
    | Tree
    | undefined;
  const payee = settlement?.['ram:PayeeTradeParty'] as Tree | undefined;
  if (settlement && payee && seller && payee['ram:Name'] === seller['ram:Name']) {
    delete settlement['ram:PayeeTradeParty'];
  }
}

const ciiPrototype = Object.getPrototypeOf(new FormatFactoryService().createFormatService('CII', quiet)) as {
  postProcess?: (cii: Tree) => void;
  __payeeFix?: boolean;
};
const libraryPostProcess = ciiPrototype.postProcess;
if (typeof libraryPostProcess !== 'function') {
  throw new Error('@e-invoice-eu/core changed: FormatCIIService.postProcess is gone (see einvoice.ts)');
}
if (!ciiPrototype.__payeeFix) {
  ciiPrototype.__payeeFix = true;
  ciiPrototype.postProcess = function postProcess(this: unknown, cii: Tree) {
    libraryPostProcess.call(this, cii);
    dropPayeeThatIsTheSeller(cii);
  };
}

/** The XRechnung in CII syntax (EN 16931 + the German CIUS). */
export async function buildXRechnung(source: EInvoiceSource): Promise<Buffer> {
  const xml = await service.generate(toEInvoiceModel(source), { format: 'XRECHNUNG-CII', lang: 'de-de' });
  return Buffer.from(xml);
}

/**
 * The printed invoice as ZUGFeRD/Factur-X (profile EN 16931): the library turns Chromium's PDF
 * into a PDF/A-3 with `factur-x.xml` embedded and the matching XMP metadata.
 */
export async function buildFacturX(source: EInvoiceSource, pdf: Buffer): Promise<Buffer> {
  const result = await service.generate(toEInvoiceModel(source), {
    format: 'Factur-X-EN16931',
    lang: 'de-de',
    pdf: { buffer: pdf, filename: `${source.invoice.number}.pdf`, mimetype: 'application/pdf' },
  });
  return Buffer.from(result);
}
