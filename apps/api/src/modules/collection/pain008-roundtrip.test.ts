import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { camt053 } from './camt053-writer';
import { parseCamt053 } from './rules/camt053';
import { decimalToCents } from './rules/money';
import { buildPain008, type RunFile } from './rules/pain008';
import { validateAgainst } from './xml-schemas';

const creditor = {
  name: 'Nordwind Rechenzentren GmbH',
  iban: 'DE02120300000000202051',
  bic: 'BYLADEM1001',
  creditorId: 'DE98ZZZ09999999999',
};
const address = { street: 'Hafenstraße 12', postalCode: '24937', city: 'Flensburg', country: 'DE' };

function runOf(amounts: number[][], names: string[] = []): RunFile {
  let n = 0;
  return {
    messageId: 'DD20261203ABCDEF',
    createdAt: new Date('2026-12-02T09:00:00Z'),
    creditor,
    blocks: amounts.map((block, index) => ({
      suffix: `${index % 2 ? 'R' : 'F'}${index + 1}`,
      collectionDate: `2026-12-${String(3 + index).padStart(2, '0')}`,
      sequenceType: index % 2 ? 'RCUR' : 'FRST',
      transactions: block.map((amountCents) => {
        n++;
        return {
          endToEndId: `RE-2026-${String(n).padStart(6, '0')}-A1B2C3`,
          amountCents,
          mandateReference: `K1000${n}-2026-ABCDEF`,
          mandateSignedOn: '2026-01-05',
          debtorName: names[n % Math.max(1, names.length)] ?? `Kunde ${n}`,
          debtorIban: n % 3 ? 'DE89370400440532013000' : 'CH9300762011623852957',
          debtorBic: null,
          debtorAddress: address,
          remittance: `RE-2026-${String(n).padStart(6, '0')} Kd-Nr. 1000${n}`,
        };
      }),
    })),
  };
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['PmtInf', 'DrctDbtTxInf'].includes(name),
});

describe('pain.008.001.02 files', () => {
  it('pass the schema, with a control sum and count per block and in the header', async () => {
    const xml = buildPain008(runOf([[12_345, 1], [99_999_999]], ['Müller & Söhne GmbH', 'Ærø ApS', 'José Nuñez']));
    expect(await validateAgainst('pain.008.001.02', xml)).toEqual({ valid: true, errors: [] });
    const root = parser.parse(xml).Document.CstmrDrctDbtInitn;
    expect(root.GrpHdr).toMatchObject({ NbOfTxs: '3', CtrlSum: '1000123.45' });
    expect(root.PmtInf.map((info: { CtrlSum: string }) => info.CtrlSum)).toEqual(['123.46', '999999.99']);
    // A debtor outside the EEA (CH) carries an address.
    expect(xml).toContain('<Ctry>DE</Ctry><AdrLine>Hafenstrasse 12</AdrLine>');
    expect(xml).not.toMatch(/[ÄÖÜäöüß&](?![a-z]+;)/);
  });

  it('round-trips random invoices through a run file and a bank statement to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: 1, max: 500_000_00 }), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 }),
        async (blocks, names) => {
          const xml = buildPain008(runOf(blocks, names));
          expect((await validateAgainst('pain.008.001.02', xml)).valid).toBe(true);
          const transactions = parser
            .parse(xml)
            .Document.CstmrDrctDbtInitn.PmtInf.flatMap(
              (info: { DrctDbtTxInf: Array<{ PmtId: { EndToEndId: string }; InstdAmt: string }> }) => info.DrctDbtTxInf,
            )
            .map((tx: { PmtId: { EndToEndId: string }; InstdAmt: string }) => ({
              endToEndId: tx.PmtId.EndToEndId,
              amountCents: decimalToCents(tx.InstdAmt) ?? -1,
            }));
          expect(transactions.map((tx: { amountCents: number }) => tx.amountCents)).toEqual(blocks.flat());
          const statement = camt053({
            iban: creditor.iban,
            entries: [
              {
                direction: 'CRDT',
                code: 'PMNT/IDDT/ESDD',
                bookingDate: '2026-12-03',
                amountCents: blocks.flat().reduce((sum, cents) => sum + cents, 0),
                transactions,
              },
            ],
          });
          expect((await validateAgainst('camt.053.001.08', statement)).valid).toBe(true);
          const [entry] = parseCamt053(statement).entries;
          expect(entry?.amountCents).toBe(blocks.flat().reduce((sum, cents) => sum + cents, 0));
          expect(entry?.transactions.map((tx) => tx.amountCents)).toEqual(blocks.flat());
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe('camt.053.001.08 statements', () => {
  it('reads booked entries only, with references, codes, return reasons and fees', async () => {
    const xml = camt053({
      iban: creditor.iban,
      entries: [
        {
          reference: 'A1',
          direction: 'CRDT',
          amountCents: 10_050,
          bookingDate: '2026-12-02',
          transactions: [{ remittance: 'RE-2026-000001', counterpartyName: 'Test GmbH' }],
        },
        {
          reference: 'A2',
          direction: 'DBIT',
          amountCents: 10_350,
          bookingDate: '2026-12-03',
          transactions: [{ endToEndId: 'RE-2026-000001-ABC', returnReason: 'AC04', chargesCents: 300 }],
        },
        { reference: 'A3', direction: 'CRDT', amountCents: 1, bookingDate: '2026-12-03', status: 'PDNG' },
      ],
    });
    expect(await validateAgainst('camt.053.001.08', xml)).toEqual({ valid: true, errors: [] });
    const statement = parseCamt053(xml);
    expect(statement).toMatchObject({ iban: creditor.iban, currency: 'EUR', skipped: 1 });
    expect(
      statement.entries.map((entry) => [entry.reference, entry.direction, entry.amountCents, entry.transactionCode]),
    ).toEqual([
      ['A1', 'credit', 10_050, 'PMNT/RCDT/ESCT'],
      ['A2', 'debit', 10_350, 'PMNT/IDDT/UPDD'],
    ]);
    expect(statement.entries[0]?.transactions[0]).toMatchObject({
      remittance: 'RE-2026-000001',
      counterpartyName: 'Test GmbH',
    });
    expect(statement.entries[1]?.transactions[0]).toMatchObject({
      endToEndId: 'RE-2026-000001-ABC',
      returnReason: 'AC04',
      chargesCents: 300,
    });
  });
});
