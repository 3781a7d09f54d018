import { defineTemplate } from '../template';

/** Mails about the signed-in user's own access: password, address, welcome. */

interface Person {
  name: string;
}

export const passwordChanged = defineTemplate<Person>('account.password.changed', {
  de: ({ name }) => ({
    subject: 'Ihr Passwort wurde geändert',
    addressee: name,
    paragraphs: [
      'das Passwort Ihres Zugangs zum Kundenportal wurde soeben geändert. Alle anderen Anmeldungen wurden beendet.',
      'Falls Sie das nicht waren, setzen Sie Ihr Passwort bitte über „Passwort vergessen“ zurück und wenden Sie sich an uns.',
    ],
  }),
  en: ({ name }) => ({
    subject: 'Your password has been changed',
    addressee: name,
    paragraphs: [
      'The password for your customer portal access has just been changed. All other sessions have been signed out.',
      'If you did not make this change, please reset your password using “Forgot your password?” and contact us.',
    ],
  }),
});

export const passwordResetLink = defineTemplate<Person & { link: string }>('account.password.reset', {
  de: ({ name, link }) => ({
    subject: 'Passwort zurücksetzen',
    addressee: name,
    paragraphs: [
      'mit diesem Link können Sie ein neues Passwort für das Kundenportal festlegen. Der Link ist 30 Minuten gültig und kann nur einmal verwendet werden:',
      link,
      'Falls Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren; Ihr Passwort bleibt unverändert.',
    ],
  }),
  en: ({ name, link }) => ({
    subject: 'Reset your password',
    addressee: name,
    paragraphs: [
      'You can set a new password for the customer portal with the following link. It is valid for 30 minutes and can be used only once:',
      link,
      'If you did not request this, please disregard this e-mail; your password remains unchanged.',
    ],
  }),
});

export const passwordSet = defineTemplate<Person>('account.password.reset-done', {
  de: ({ name }) => ({
    subject: 'Ihr Passwort wurde festgelegt',
    addressee: name,
    paragraphs: [
      'für Ihren Zugang zum Kundenportal wurde ein neues Passwort festgelegt. Alle bisherigen Anmeldungen wurden beendet.',
      'Falls Sie das nicht waren, wenden Sie sich bitte umgehend an uns.',
    ],
  }),
  en: ({ name }) => ({
    subject: 'Your password has been set',
    addressee: name,
    paragraphs: [
      'A new password has been set for your customer portal access. All previous sessions have been signed out.',
      'If this was not you, please contact us immediately.',
    ],
  }),
});

export const emailChangeConfirm = defineTemplate<Person & { link: string }>('account.email-change.confirm', {
  de: ({ name, link }) => ({
    subject: 'Bitte bestätigen Sie Ihre neue E-Mail-Adresse',
    addressee: name,
    paragraphs: [
      'bitte bestätigen Sie mit diesem Link, dass Sie das Kundenportal künftig mit dieser E-Mail-Adresse nutzen möchten. Der Link ist 24 Stunden gültig:',
      link,
      'Falls Sie das nicht veranlasst haben, können Sie diese E-Mail ignorieren.',
    ],
  }),
  en: ({ name, link }) => ({
    subject: 'Please confirm your new e-mail address',
    addressee: name,
    paragraphs: [
      'Please use the following link to confirm that you wish to use this e-mail address for the customer portal from now on. The link is valid for 24 hours:',
      link,
      'If you did not request this, please disregard this e-mail.',
    ],
  }),
});

export const emailChangeNotice = defineTemplate<Person & { newEmail: string }>('account.email-change.notice', {
  de: ({ name, newEmail }) => ({
    subject: 'Änderung Ihrer E-Mail-Adresse angefordert',
    addressee: name,
    paragraphs: [
      `für Ihren Zugang zum Kundenportal wurde die neue E-Mail-Adresse ${newEmail} angegeben. Sie gilt, sobald sie über den Link bestätigt ist, den wir an diese Adresse gesendet haben.`,
      'Falls Sie das nicht waren, ändern Sie bitte sofort Ihr Passwort und wenden Sie sich an uns.',
    ],
  }),
  en: ({ name, newEmail }) => ({
    subject: 'Change of your e-mail address requested',
    addressee: name,
    paragraphs: [
      `The new e-mail address ${newEmail} has been entered for your customer portal access. It will take effect once it has been confirmed with the link we have sent to that address.`,
      'If this was not you, please change your password immediately and contact us.',
    ],
  }),
});

export const emailChanged = defineTemplate<Person & { newEmail: string }>('account.email-change.done', {
  de: ({ name, newEmail }) => ({
    subject: 'Ihre E-Mail-Adresse wurde geändert',
    addressee: name,
    paragraphs: [
      `Ihr Zugang zum Kundenportal verwendet ab sofort die E-Mail-Adresse ${newEmail}.`,
      'Falls Sie das nicht waren, wenden Sie sich bitte umgehend an uns.',
    ],
  }),
  en: ({ name, newEmail }) => ({
    subject: 'Your e-mail address has been changed',
    addressee: name,
    paragraphs: [
      `Your customer portal access now uses the e-mail address ${newEmail}.`,
      'If this was not you, please contact us immediately.',
    ],
  }),
});

export const customerWelcome = defineTemplate<Person & { providerName: string; customerNumber: string; link: string }>(
  'account.welcome',
  {
    de: ({ name, providerName, customerNumber, link }) => ({
      subject: `Willkommen im Kundenportal von ${providerName}`,
      addressee: name,
      paragraphs: [
        `für Sie wurde ein Kundenkonto mit der Kundennummer ${customerNumber} angelegt.`,
        'Bitte legen Sie mit diesem Link Ihr Passwort fest. Der Link ist 7 Tage gültig und kann nur einmal verwendet werden:',
        link,
        'Ist der Link abgelaufen, fordern Sie auf der Anmeldeseite unter „Passwort vergessen“ einen neuen an.',
      ],
    }),
    en: ({ name, providerName, customerNumber, link }) => ({
      subject: `Welcome to the ${providerName} customer portal`,
      addressee: name,
      paragraphs: [
        `A customer account with the customer number ${customerNumber} has been set up for you.`,
        'Please set your password with the following link. It is valid for 7 days and can be used only once:',
        link,
        'If the link has expired, you can request a new one on the sign-in page under “Forgot your password?”.',
      ],
    }),
  },
);

export const staffWelcome = defineTemplate<Person & { providerName: string; link: string }>('account.welcome', {
  de: ({ name, providerName, link }) => ({
    subject: `Einladung in den Backoffice-Bereich von ${providerName}`,
    addressee: name,
    paragraphs: [
      'für Sie wurde ein Zugang zum Backoffice angelegt.',
      'Bitte legen Sie mit diesem Link Ihr Passwort fest. Der Link ist 7 Tage gültig und kann nur einmal verwendet werden:',
      link,
    ],
  }),
  en: ({ name, providerName, link }) => ({
    subject: `Invitation to the ${providerName} back office`,
    addressee: name,
    paragraphs: [
      'An account for the back office has been set up for you.',
      'Please set your password with the following link. It is valid for 7 days and can be used only once:',
      link,
    ],
  }),
});
