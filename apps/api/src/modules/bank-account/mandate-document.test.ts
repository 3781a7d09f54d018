import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/app';
import type { CustomerRow, SepaMandateRow } from '../../db/schema/index';
import { asCustomerId } from '../customers/customer-id';
import { mandateDocument } from './mandate-document';

const provider = testConfig().provider;
const mandate: SepaMandateRow = {
  id: '00000000-0000-4000-8000-000000000001',
  customerId: asCustomerId('00000000-0000-4000-8000-000000000002'),
  reference: 'K10001-2026-ABCDEF1234',
  accountHolder: 'Jana <b>Petersen</b>',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
  creditorId: provider.creditorId,
  signedAt: new Date('2026-03-02T09:30:00Z'),
  revokedAt: null,
};
const debtor = {
  name: 'Jana Petersen',
  company: 'Petersen IT GmbH',
  customerNumber: '10001',
  street: 'Hafenstraße 5',
  postalCode: '24937',
  city: 'Flensburg',
  country: 'DE',
} as CustomerRow;

describe('mandate document', () => {
  const text = mandateDocument(mandate, debtor, provider).value;

  it('carries everything the SEPA rulebook asks for', () => {
    for (const part of [
      'SEPA-Lastschriftmandat',
      provider.name,
      `${provider.street}, ${provider.postalCode} ${provider.city}`,
      `Gläubiger-Identifikationsnummer</th><td>${provider.creditorId}`,
      'Mandatsreferenz</th><td>K10001-2026-ABCDEF1234',
      'Hafenstraße 5, 24937 Flensburg, DE',
      'DE89 3704 0044 0532 0130 00',
      'Zahlungen von meinem / unserem Konto mittels Lastschrift einzuziehen',
      'innerhalb von acht Wochen, beginnend mit dem Belastungsdatum, die Erstattung des belasteten Betrages verlangen',
      '2. März 2026 um 10:30',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('escapes customer text and marks revoked mandates', () => {
    expect(text).toContain('Jana &lt;b&gt;Petersen&lt;/b&gt;');
    expect(text).not.toContain('Widerrufen');
    const revoked = mandateDocument(
      { ...mandate, revokedAt: new Date('2026-04-01T08:00:00Z') },
      debtor,
      provider,
    ).value;
    expect(revoked).toContain('Widerrufen am 1. April 2026');
  });
});
