import { defineMessages } from '../../lib/i18n';

export const invoiceSettingsMessages = defineMessages({
  de: {
    heading: 'Rechnungsversand',
    intro:
      'So erhalten Sie Ihre Rechnungen. Änderungen gelten für Rechnungen, die ab jetzt ausgestellt werden; bereits ausgestellte Rechnungen bleiben unverändert.',
    delivery: 'Versand der Rechnungen',
    deliveryPdf: 'Per E-Mail mit der Rechnung als PDF',
    deliveryPdfHint: 'Das PDF enthält die Rechnungsdaten auch maschinenlesbar (ZUGFeRD).',
    deliveryXrechnung: 'Per E-Mail als PDF und zusätzlich als XRechnung',
    deliveryXrechnungHint:
      'Für die automatische Verarbeitung in Ihrer Buchhaltung oder bei öffentlichen Auftraggebern.',
    deliveryPortal: 'Nur im Kundenportal',
    deliveryPortalHint: 'Sie erhalten eine E-Mail ohne Anhang, sobald eine neue Rechnung bereitsteht.',
    invoiceEmail: 'E-Mail-Adresse für Rechnungen (optional)',
    invoiceEmailShort: 'E-Mail-Adresse für Rechnungen',
    invoiceEmailHint:
      'Zum Beispiel die Adresse Ihrer Buchhaltung. Ohne Angabe gehen Rechnungen an Ihre Anmeldeadresse.',
    leitwegId: 'Leitweg-ID (optional)',
    leitwegIdShort: 'Leitweg-ID',
    leitwegIdHint:
      'Nur für öffentliche Auftraggeber: Sie steht in Ihrem Auftrag, z. B. 04011000-12345-03, und wird als Käuferreferenz in die XRechnung übernommen.',
    customerType: 'Kundenart',
    business: 'Unternehmen',
    businessHint: 'Sie handeln in Ausübung Ihrer gewerblichen oder selbständigen beruflichen Tätigkeit (§ 14 BGB).',
    consumer: 'Verbraucher',
    consumerHint: 'Sie sind Privatperson (§ 13 BGB); Preise werden Ihnen inklusive Umsatzsteuer angezeigt.',
    saved: 'Ihre Einstellungen zum Rechnungsversand sind gespeichert.',
  },
  en: {
    heading: 'Invoice delivery',
    intro:
      'How you receive your invoices. Changes apply to invoices issued from now on; invoices already issued stay as they are.',
    delivery: 'Delivery of invoices',
    deliveryPdf: 'By e-mail with the invoice as PDF',
    deliveryPdfHint: 'The PDF also carries the invoice data in machine-readable form (ZUGFeRD).',
    deliveryXrechnung: 'By e-mail as PDF and also as XRechnung',
    deliveryXrechnungHint: 'For automatic processing in your accounting or by public-sector buyers.',
    deliveryPortal: 'Only in the customer portal',
    deliveryPortalHint: 'You receive an e-mail without attachment as soon as a new invoice is ready.',
    invoiceEmail: 'E-mail address for invoices (optional)',
    invoiceEmailShort: 'E-mail address for invoices',
    invoiceEmailHint:
      'For example your accounting department’s address. Without one, invoices go to your sign-in address.',
    leitwegId: 'Leitweg-ID (optional)',
    leitwegIdShort: 'Leitweg-ID',
    leitwegIdHint:
      'Public-sector buyers only: it is in your order, e.g. 04011000-12345-03, and becomes the buyer reference of the XRechnung.',
    customerType: 'Kind of customer',
    business: 'Business',
    businessHint: 'You act in your trade, business or profession (§ 14 BGB).',
    consumer: 'Consumer',
    consumerHint: 'You are a private individual (§ 13 BGB); prices are shown to you including VAT.',
    saved: 'Your invoice delivery settings have been saved.',
  },
});
