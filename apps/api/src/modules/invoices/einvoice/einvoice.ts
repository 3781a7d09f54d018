import { FormatFactoryService, type Invoice, InvoiceService, type Logger } from '@e-invoice-eu/core';
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

/**
 * e-invoice-eu 2.3.4 validates BT-25 as `cac:BillingReference/cac:InvoiceDocumentReference` but
 * its CII mapping reads `cbc:ID` one level higher, so the preceding invoice of a credit note is
 * lost. This writes `ram:InvoiceReferencedDocument` (BT-25, BT-26) from the model instead.
 */
function addPrecedingInvoice(cii: Tree, model: Invoice | undefined) {
  const references = model?.['ubl:Invoice']['cac:BillingReference'];
  const transaction = (cii['rsm:CrossIndustryInvoice'] as Tree | undefined)?.['rsm:SupplyChainTradeTransaction'] as
    | Tree
    | undefined;
  const settlement = transaction?.['ram:ApplicableHeaderTradeSettlement'] as Tree | undefined;
  if (!references?.length || !settlement || settlement['ram:InvoiceReferencedDocument']) return;
  settlement['ram:InvoiceReferencedDocument'] = references.map(({ 'cac:InvoiceDocumentReference': reference }) => ({
    'ram:IssuerAssignedID': reference['cbc:ID'],
    ...(reference['cbc:IssueDate']
      ? {
          'ram:FormattedIssueDateTime': {
            'qdt:DateTimeString': reference['cbc:IssueDate'].replaceAll('-', ''),
            'qdt:DateTimeString@format': '102',
          },
        }
      : {}),
  }));
}

interface PatchedFormat {
  generate?: (this: { __model?: Invoice }, invoice: Invoice, options: unknown) => Promise<unknown>;
  postProcess?: (this: { __model?: Invoice }, cii: Tree) => void;
  __einvoicePatched?: boolean;
}

const ciiPrototype = Object.getPrototypeOf(
  new FormatFactoryService().createFormatService('CII', quiet),
) as PatchedFormat;
const libraryGenerate = ciiPrototype.generate;
const libraryPostProcess = ciiPrototype.postProcess;
if (typeof libraryPostProcess !== 'function' || typeof libraryGenerate !== 'function') {
  throw new Error('@e-invoice-eu/core changed: FormatCIIService.generate/postProcess moved (see einvoice.ts)');
}
if (!ciiPrototype.__einvoicePatched) {
  ciiPrototype.__einvoicePatched = true;
  // Each generate() call has its own format service instance, so the model stays per call.
  ciiPrototype.generate = function generate(invoice, options) {
    this.__model = invoice;
    return libraryGenerate.call(this, invoice, options);
  };
  ciiPrototype.postProcess = function postProcess(cii) {
    libraryPostProcess.call(this, cii);
    dropPayeeThatIsTheSeller(cii);
    addPrecedingInvoice(cii, this.__model);
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
