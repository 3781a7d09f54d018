import { describe, expect, it } from 'vitest';
import { epcPayload, epcQrDataUri } from './epc-qr';

const transfer = {
  bic: 'BYLADEM1001',
  name: 'Nordwind Rechenzentren GmbH',
  iban: 'DE02 1203 0000 0000 2020 51',
  amountCents: 123_405,
  reference: 'RE-2026-000123',
};

describe('EPC QR code (GiroCode)', () => {
  it('carries IBAN, amount and the invoice number as reference, line by line', () => {
    expect(epcPayload(transfer).split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'BYLADEM1001',
      'Nordwind Rechenzentren GmbH',
      'DE02120300000000202051',
      'EUR1234.05',
      '',
      '',
      'RE-2026-000123',
    ]);
  });

  it('formats small amounts with two decimals and refuses out-of-range ones', () => {
    expect(epcPayload({ ...transfer, amountCents: 7 })).toContain('\nEUR0.07\n');
    expect(() => epcPayload({ ...transfer, amountCents: 0 })).toThrow(RangeError);
  });

  it('renders an inline SVG data: URI', async () => {
    const uri = await epcQrDataUri(transfer);
    expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(uri.split(',')[1] ?? '', 'base64').toString()).toContain('<svg');
  });
});
