import type { TErrorCode, TFieldErrorCode, TFieldErrorParams } from '@portal/contracts';
import { defineMessages } from './i18n';

/**
 * What the user reads for each problem `code` and each field error `code` the API (or a form's
 * own check) can name: whole sentences saying what is wrong and what to do. `field` is the name
 * of the field as its label shows it. Records over the contracts' code lists: a new code without
 * a text here is a type error, and lib/error-messages.test.ts checks both languages at runtime.
 */
type FieldText = (field: string, params: TFieldErrorParams) => string;

const deProblems: Record<TErrorCode, string> = {
  bad_request:
    'Die Anfrage konnte nicht verarbeitet werden. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.',
  validation_failed: 'Bitte prüfen Sie die markierten Angaben.',
  unauthenticated: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  forbidden: 'Diese Aktion ist für Ihren Zugang nicht erlaubt.',
  role_forbidden:
    'Ihre Rolle in diesem Kundenkonto erlaubt das nicht. Bitte wenden Sie sich an eine Inhaberin oder einen Inhaber des Kontos.',
  scope_forbidden:
    'Dieser API-Token darf das nicht. Bitte erstellen Sie einen Token mit der nötigen Berechtigung oder melden Sie sich an.',
  second_factor_required:
    'Ihr Kundenkonto verlangt eine Anmeldung mit zweitem Faktor. Bitte richten Sie unter Stammdaten › Sicherheit eine Authenticator-App ein.',
  not_found: 'Das Gesuchte gibt es nicht (mehr), oder es gehört nicht zu Ihrem Kundenkonto.',
  conflict:
    'Das ist im aktuellen Zustand nicht möglich; vermutlich wurde es inzwischen geändert. Bitte laden Sie die Seite neu.',
  unprocessable: 'Die Angaben widersprechen einer Vertragsregel. Bitte prüfen Sie sie.',
  idempotency_key_reused:
    'Diese Anfrage wurde bereits mit anderen Angaben gesendet. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
  idempotency_key_in_use: 'Ihre Anfrage wird noch bearbeitet. Bitte warten Sie einen Moment.',
  precondition_failed:
    'Die Angaben wurden inzwischen an anderer Stelle geändert. Bitte laden Sie die Seite neu und prüfen Sie sie.',
  payload_too_large: 'Die gesendeten Daten sind zu groß. Bitte verkleinern oder entfernen Sie Anhänge.',
  unsupported_media_type: 'Dieses Dateiformat wird nicht angenommen.',
  rate_limited: 'Zu viele Versuche in kurzer Zeit. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  service_unavailable: 'Der Dienst ist gerade kurz nicht verfügbar. Bitte versuchen Sie es in einer Minute erneut.',
  internal:
    'Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut; wenn er wieder auftritt, nennen Sie dem Support bitte die Referenz.',
};

const enProblems: Record<TErrorCode, string> = {
  bad_request: 'The request could not be processed. Please reload the page and try again.',
  validation_failed: 'Please check the marked entries.',
  unauthenticated: 'Your session has ended. Please sign in again.',
  forbidden: 'Your access does not allow this action.',
  role_forbidden: 'Your role in this customer account does not allow this. Please ask an owner of the account.',
  scope_forbidden: 'This API token may not do this. Please create a token with the permission needed, or sign in.',
  second_factor_required:
    'Your customer account requires signing in with a second factor. Please set up an authenticator app under Account details › Security.',
  not_found: 'What you are looking for does not exist (any more), or it does not belong to your customer account.',
  conflict:
    'This is not possible in the current state; it has probably been changed in the meantime. Please reload the page.',
  unprocessable: 'The entries conflict with a contract rule. Please check them.',
  idempotency_key_reused: 'This request was already sent with other entries. Please reload the page and try again.',
  idempotency_key_in_use: 'Your request is still being processed. Please wait a moment.',
  precondition_failed:
    'The entries have been changed elsewhere in the meantime. Please reload the page and check them.',
  payload_too_large: 'The data sent is too large. Please make attachments smaller or remove some.',
  unsupported_media_type: 'This file format is not accepted.',
  rate_limited: 'Too many attempts in a short time. Please wait a moment and try again.',
  service_unavailable: 'The service is briefly unavailable. Please try again in a minute.',
  internal:
    'An error occurred on our side. Please try again later; if it happens again, please give support the reference.',
};

const deFields: Record<TFieldErrorCode, FieldText> = {
  required: (field) => `Bitte füllen Sie das Feld „${field}“ aus.`,
  tooShort: (field, { minimum }) => `„${field}“ ist zu kurz: Bitte geben Sie mindestens ${minimum} Zeichen ein.`,
  tooLong: (field, { maximum }) => `„${field}“ ist zu lang: Es sind höchstens ${maximum} Zeichen möglich.`,
  tooSmall: (field, { minimum }) => `„${field}“ muss mindestens ${minimum} betragen.`,
  tooLarge: (field, { maximum }) => `„${field}“ darf höchstens ${maximum} betragen.`,
  tooFew: (field, { minimum }) => `Bitte wählen Sie bei „${field}“ mindestens ${minimum} aus.`,
  tooMany: (field, { maximum }) => `Bei „${field}“ sind höchstens ${maximum} möglich.`,
  invalid: (field) => `Die Angabe im Feld „${field}“ ist ungültig. Bitte prüfen Sie sie.`,
  invalidChoice: (field) => `Bitte wählen Sie bei „${field}“ eine der angebotenen Möglichkeiten.`,
  email: (field) =>
    `„${field}“ ist keine gültige E-Mail-Adresse. Bitte prüfen Sie die Schreibweise (z. B. name@firma.de).`,
  date: (field) => `Bitte geben Sie bei „${field}“ ein gültiges Datum ein.`,
  ibanFormat: () => 'Das ist keine IBAN. Eine IBAN beginnt mit dem Länderkürzel, z. B. DE89 3704 0044 0532 0130 00.',
  ibanCountry: () =>
    'Die IBAN gehört zu einem Land außerhalb des SEPA-Raums. Bitte geben Sie ein Konto im SEPA-Raum an.',
  ibanLength: () =>
    'Die IBAN hat nicht die für ihr Land vorgeschriebene Länge. Bitte prüfen Sie, ob eine Stelle fehlt oder zu viel ist.',
  ibanChecksum: () =>
    'Die Prüfziffern der IBAN stimmen nicht. Bitte vergleichen Sie die IBAN Zeichen für Zeichen mit Ihren Bankunterlagen.',
  bicFormat: () => 'Das ist keine BIC. Eine BIC hat 8 oder 11 Zeichen, z. B. COBADEFFXXX.',
  bicCountry: () => 'Die BIC gehört zu einem anderen Land als die IBAN. Bitte prüfen Sie beide Angaben.',
  vatIdCountry: () => 'Die USt-IdNr. muss mit dem Kürzel eines EU-Staats beginnen, z. B. DE (für Griechenland EL).',
  vatIdFormat: () => 'Die USt-IdNr. hat nicht das Format ihres Landes. Bitte prüfen Sie die Anzahl der Stellen.',
  countryUnknown: () => 'Bitte wählen Sie ein Land aus der Liste.',
  vatIdCountryMismatch: () =>
    'Die USt-IdNr. gehört zu einem anderen Land als Ihre Anschrift. Bitte prüfen Sie Land und USt-IdNr.',
  postalCodeFormat: () =>
    'Die Postleitzahl passt nicht zum gewählten Land (in Deutschland sind es fünf Ziffern). Bitte prüfen Sie Postleitzahl und Land.',
  leitwegIdInvalid: () =>
    'Das ist keine gültige Leitweg-ID: Format oder Prüfziffer stimmen nicht. Bitte übernehmen Sie sie genau aus dem Auftrag Ihrer Behörde (z. B. 04011000-12345-03).',
  wrongPassword: () => 'Das Passwort ist nicht richtig. Bitte geben Sie Ihr aktuelles Passwort ein.',
  passwordRequired: () => 'Bitte geben Sie Ihr aktuelles Passwort ein, um die E-Mail-Adresse zu ändern.',
  tokenInvalid: () => 'Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.',
  emailInUse: () =>
    'Diese E-Mail-Adresse wird bereits für ein anderes Kundenkonto verwendet. Bitte wählen Sie eine andere.',
  passwordTooShort: () => 'Das Passwort ist zu kurz. Bitte wählen Sie mindestens 12 Zeichen.',
  passwordTooLong: () => 'Das Passwort ist zu lang. Es sind höchstens 128 Zeichen möglich.',
  passwordCommon: () =>
    'Dieses Passwort ist zu verbreitet: Es steht in Listen gestohlener Passwörter. Bitte wählen Sie ein anderes.',
  passwordContainsEmail: () => 'Das Passwort darf Ihre E-Mail-Adresse nicht enthalten. Bitte wählen Sie ein anderes.',
  passwordMismatch: () =>
    'Die beiden Passwörter stimmen nicht überein. Bitte geben Sie das neue Passwort zweimal gleich ein.',
  confirmRequired: () => 'Bitte bestätigen Sie dies mit dem Häkchen, bevor Sie fortfahren.',
  codeWrong: () =>
    'Der Code ist falsch oder wurde schon verwendet. Bitte geben Sie den aktuellen Code aus Ihrer App oder einen unbenutzten Wiederherstellungscode ein.',
  reasonRequired: () => 'Bitte nennen Sie den wichtigen Grund für die außerordentliche Kündigung.',
  endDateNotAllowed: () =>
    'Zu diesem Datum kann der Vertrag nicht enden. Bitte wählen Sie das frühestmögliche Datum oder ein späteres Laufzeitende.',
  productUnknown: () => 'Dieses Produkt gehört nicht zu Ihren Verträgen. Bitte wählen Sie ein Produkt aus der Liste.',
  dateInPast: () => 'Bitte wählen Sie heute oder ein späteres Datum.',
  beforeStart: () => 'Das Datum darf nicht vor dem Vertragsbeginn liegen.',
  sameEndDate: () => 'Der Vertrag endet bereits an diesem Tag.',
  nothingChanged: () => 'Bitte ändern Sie den Preis oder mindestens eine Vertragsbedingung.',
  fileTooLarge: () => 'Eine Datei ist zu groß. Bitte verkleinern Sie sie oder lassen Sie sie weg.',
  fileTypeRefused: () => 'Eine Datei ist keine PDF-, PNG-, JPEG- oder Textdatei. Bitte wählen Sie eine andere.',
  fileNameMismatch: () =>
    'Bei einer Datei passt die Endung des Namens nicht zum Inhalt. Bitte benennen Sie sie passend.',
  filesTooLarge: () => 'Die Dateien sind zusammen zu groß. Bitte lassen Sie eine oder mehrere weg.',
  cursorInvalid: () => 'Die Liste hat sich inzwischen geändert. Bitte laden Sie die Seite neu.',
  expiryPast: () => 'Das Ablaufdatum liegt in der Vergangenheit. Bitte wählen Sie ein Datum ab morgen.',
  expiryTooLate: () => 'Ein Token gilt höchstens ein Jahr. Bitte wählen Sie ein früheres Ablaufdatum.',
  scopeBeyondRole: () =>
    'Ihre Rolle erlaubt nicht alle gewählten Berechtigungen. Bitte wählen Sie nur, was Ihre Rolle erlaubt.',
};

const enFields: Record<TFieldErrorCode, FieldText> = {
  required: (field) => `Please fill in "${field}".`,
  tooShort: (field, { minimum }) => `"${field}" is too short: please enter at least ${minimum} characters.`,
  tooLong: (field, { maximum }) => `"${field}" is too long: at most ${maximum} characters are possible.`,
  tooSmall: (field, { minimum }) => `"${field}" must be at least ${minimum}.`,
  tooLarge: (field, { maximum }) => `"${field}" must be at most ${maximum}.`,
  tooFew: (field, { minimum }) => `Please choose at least ${minimum} for "${field}".`,
  tooMany: (field, { maximum }) => `At most ${maximum} are possible for "${field}".`,
  invalid: (field) => `The entry in "${field}" is not valid. Please check it.`,
  invalidChoice: (field) => `Please choose one of the options offered for "${field}".`,
  email: (field) => `"${field}" is not a valid e-mail address. Please check the spelling (e.g. name@company.com).`,
  date: (field) => `Please enter a valid date for "${field}".`,
  ibanFormat: () => 'This is not an IBAN. An IBAN starts with the country code, e.g. DE89 3704 0044 0532 0130 00.',
  ibanCountry: () => 'The IBAN belongs to a country outside the SEPA area. Please give an account in the SEPA area.',
  ibanLength: () =>
    'The IBAN does not have the length its country requires. Please check whether a character is missing or extra.',
  ibanChecksum: () =>
    'The check digits of the IBAN do not match. Please compare the IBAN character by character with your bank documents.',
  bicFormat: () => 'This is not a BIC. A BIC has 8 or 11 characters, e.g. COBADEFFXXX.',
  bicCountry: () => 'The BIC belongs to a different country than the IBAN. Please check both.',
  vatIdCountry: () => 'The VAT ID must start with the code of an EU state, e.g. DE (EL for Greece).',
  vatIdFormat: () => 'The VAT ID does not have the format of its country. Please check the number of characters.',
  countryUnknown: () => 'Please choose a country from the list.',
  vatIdCountryMismatch: () =>
    'The VAT ID belongs to a different country than your address. Please check the country and the VAT ID.',
  postalCodeFormat: () =>
    'The postal code does not fit the chosen country (in Germany it has five digits). Please check the postal code and the country.',
  leitwegIdInvalid: () =>
    'This is not a valid Leitweg-ID: its format or check digits are wrong. Please copy it exactly from your authority’s order (e.g. 04011000-12345-03).',
  wrongPassword: () => 'The password is not correct. Please enter your current password.',
  passwordRequired: () => 'Please enter your current password to change the e-mail address.',
  tokenInvalid: () => 'The link is invalid or has expired. Please request a new one.',
  emailInUse: () => 'This e-mail address is already used by another customer account. Please choose a different one.',
  passwordTooShort: () => 'The password is too short. Please choose at least 12 characters.',
  passwordTooLong: () => 'The password is too long. At most 128 characters are possible.',
  passwordCommon: () =>
    'This password is too common: it appears in lists of stolen passwords. Please choose a different one.',
  passwordContainsEmail: () => 'The password must not contain your e-mail address. Please choose a different one.',
  passwordMismatch: () => 'The two passwords do not match. Please enter the new password the same way twice.',
  confirmRequired: () => 'Please confirm this with the checkbox before you continue.',
  codeWrong: () =>
    'The code is wrong or was already used. Please enter the current code from your app or an unused recovery code.',
  reasonRequired: () => 'Please state the good cause for the extraordinary cancellation.',
  endDateNotAllowed: () =>
    'The contract cannot end on this date. Please choose the earliest possible date or a later end of term.',
  productUnknown: () => 'This product is not one of your contracts. Please choose a product from the list.',
  dateInPast: () => 'Please choose today or a later date.',
  beforeStart: () => 'The date must not be before the start of the contract.',
  sameEndDate: () => 'The contract already ends on this day.',
  nothingChanged: () => 'Please change the price or at least one of the terms.',
  fileTooLarge: () => 'A file is too large. Please make it smaller or leave it out.',
  fileTypeRefused: () => 'A file is not a PDF, PNG, JPEG or text file. Please choose a different one.',
  fileNameMismatch: () => 'The ending of a file name does not match its content. Please rename the file to fit.',
  filesTooLarge: () => 'The files are too large together. Please leave one or more out.',
  cursorInvalid: () => 'The list has changed in the meantime. Please reload the page.',
  expiryPast: () => 'The expiry date is in the past. Please choose a date from tomorrow on.',
  expiryTooLate: () => 'A token is valid for at most a year. Please choose an earlier expiry date.',
  scopeBeyondRole: () =>
    'Your role does not allow all the permissions chosen. Please choose only what your role allows.',
};

/** Problem texts by the problem's `code`. */
export const problemTexts = { de: deProblems, en: enProblems };

/** Field error sentences by the field error's `code`, given the field's name. */
export const fieldErrorTexts = { de: deFields, en: enFields };

export const errorMessages = defineMessages({
  de: {
    networkError:
      'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    errorTitle: 'Es ist ein Fehler aufgetreten',
    notFoundTitle: 'Nicht gefunden',
    errorRetry: 'Erneut versuchen',
    errorReference: (requestId: string) => `Referenz für den Support: ${requestId}`,
    fieldErrorsTitle: 'Bitte prüfen Sie diese Angaben:',
  },
  en: {
    networkError: 'The server cannot be reached right now. Please check your internet connection and try again.',
    errorTitle: 'An error occurred',
    notFoundTitle: 'Not found',
    errorRetry: 'Try again',
    errorReference: (requestId: string) => `Reference for support: ${requestId}`,
    fieldErrorsTitle: 'Please check these entries:',
  },
});
