import { defineMessages } from '../../lib/i18n';

/** Backoffice › Kunden: creating a customer account (admins). */
export const customerMessages = defineMessages({
  de: {
    createHeading: 'Kunden anlegen',
    createIntro:
      'Der Kunde erhält eine Willkommens-E-Mail in der gewählten Sprache, mit der er sein Passwort festlegt. Anschrift und weitere Angaben ergänzt er im Kundenportal.',
    email: 'E-Mail-Adresse',
    name: 'Name',
    company: 'Firma',
    companyHint: 'Leer bei Privatkunden',
    customerType: 'Kundenart',
    type_business: 'Unternehmen (§ 14 BGB)',
    type_consumer: 'Verbraucher (§ 13 BGB)',
    language: 'Sprache des Kunden',
    languageHint: 'Für das Kundenportal und jede E-Mail, beginnend mit der Willkommens-E-Mail.',
    language_de: 'Deutsch',
    language_en: 'Englisch',
    phone: 'Telefon',
    vatId: 'USt-IdNr.',
    create: 'Kunden anlegen',
    created: (number: string) => `Der Kunde ${number} wurde angelegt; die Willkommens-E-Mail ist unterwegs.`,
    openCustomer: 'Kunden öffnen',
    emailTaken: 'Diese E-Mail-Adresse gehört bereits zu einem Konto.',
  },
  en: {
    createHeading: 'Create a customer',
    createIntro:
      'The customer receives a welcome e-mail in the chosen language to set their password. They add their address and other details in the customer portal.',
    email: 'E-mail address',
    name: 'Name',
    company: 'Company',
    companyHint: 'Empty for private customers',
    customerType: 'Type of customer',
    type_business: 'Business (§ 14 BGB)',
    type_consumer: 'Consumer (§ 13 BGB)',
    language: 'Customer’s language',
    languageHint: 'For the customer portal and every e-mail, starting with the welcome e-mail.',
    language_de: 'German',
    language_en: 'English',
    phone: 'Phone',
    vatId: 'VAT ID',
    create: 'Create customer',
    created: (number: string) => `Customer ${number} was created; the welcome e-mail is on its way.`,
    openCustomer: 'Open customer',
    emailTaken: 'This e-mail address already belongs to an account.',
  },
});
