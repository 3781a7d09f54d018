import QRCode from 'qrcode';

export interface EpcTransfer {
  bic: string;
  name: string;
  iban: string;
  amountCents: number;
  /** Unstructured remittance information: the invoice number. */
  reference: string;
}

/**
 * The EPC069-12 payload ("GiroCode"), version 002, UTF-8: banking apps fill in a SEPA credit
 * transfer from it. Name max. 70, remittance max. 140 characters; the amount as EUR with a dot.
 */
export function epcPayload(transfer: EpcTransfer): string {
  if (transfer.amountCents < 1 || transfer.amountCents > 99_999_999_999) {
    throw new RangeError('EPC amounts are 0.01 to 999999999.99 EUR');
  }
  const euros = Math.floor(transfer.amountCents / 100);
  const cents = String(transfer.amountCents % 100).padStart(2, '0');
  return [
    'BCD',
    '002',
    '1',
    'SCT',
    transfer.bic.replace(/\s+/g, ''),
    transfer.name.slice(0, 70),
    transfer.iban.replace(/\s+/g, '').toUpperCase(),
    `EUR${euros}.${cents}`,
    '', // purpose code
    '', // structured reference (we use the unstructured one)
    transfer.reference.slice(0, 140),
  ].join('\n');
}

/** The QR code as an SVG data: URI, so PDFs (network refused) and the SPA can inline it. */
export async function epcQrDataUri(transfer: EpcTransfer): Promise<string> {
  // EPC069-12 asks for error correction level M.
  const svg = await QRCode.toString(epcPayload(transfer), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
