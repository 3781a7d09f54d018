import { defineMessages } from '../../lib/i18n';

export const bankMessages = defineMessages({
  de: {
    heading: 'Bankdaten',
    intro: 'Mit dem Speichern erteilen Sie uns ein SEPA-Lastschriftmandat; ein bisheriges Mandat wird widerrufen.',
    none: 'Es sind noch keine Bankdaten hinterlegt.',
    current: 'Hinterlegte Bankverbindung',
    accountHolder: 'Kontoinhaber',
    iban: 'IBAN',
    bic: 'BIC (optional)',
    bicShown: 'BIC',
    mandateReference: 'Mandatsreferenz',
    creditorId: 'Gläubiger-ID',
    signedAt: 'Erteilt am',
    downloadMandate: 'Mandat als PDF',
    replace: 'Neue Bankverbindung',
    mandateText: (creditor: string) =>
      `Ich ermächtige ${creditor}, Zahlungen von meinem Konto mittels Lastschrift einzuziehen. Zugleich weise ich mein Kreditinstitut an, die Lastschriften einzulösen. Ich kann innerhalb von acht Wochen, beginnend mit dem Belastungsdatum, die Erstattung des belasteten Betrages verlangen.`,
    theProvider: 'den Anbieter',
    submit: 'Speichern und Mandat erteilen',
    saved: (reference: string) => `Gespeichert. Ihr Mandat hat die Referenz ${reference}.`,
  },
  en: {
    heading: 'Bank details',
    intro: 'Saving grants us a SEPA direct-debit mandate; a previous mandate is revoked.',
    none: 'No bank details are stored yet.',
    current: 'Stored bank account',
    accountHolder: 'Account holder',
    iban: 'IBAN',
    bic: 'BIC (optional)',
    bicShown: 'BIC',
    mandateReference: 'Mandate reference',
    creditorId: 'Creditor ID',
    signedAt: 'Granted on',
    downloadMandate: 'Mandate as PDF',
    replace: 'New bank account',
    mandateText: (creditor: string) =>
      `I authorise ${creditor} to collect payments from my account by direct debit. At the same time I instruct my bank to honour these debits. I can demand a refund of a debited amount within eight weeks of the debit date.`,
    theProvider: 'the provider',
    submit: 'Save and grant mandate',
    saved: (reference: string) => `Saved. Your mandate has the reference ${reference}.`,
  },
});
