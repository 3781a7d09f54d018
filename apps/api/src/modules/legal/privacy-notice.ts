import type { TLegalText } from '@portal/contracts';
import type { ProviderIdentity } from '../../config';
import type { RetentionCategory, RetentionPeriod } from '../../lib/retention-periods';
import { escapeMarkdown as md, parseMarkdown } from './markdown';
import { retentionLines } from './retention-texts';

export interface PrivacyNoticeInput {
  provider: ProviderIdentity;
  publicUrl: string;
  /** The periods the retention job applies: the notice cannot drift from what the code does. */
  periods: Readonly<Record<RetentionCategory, RetentionPeriod>>;
}

export const PRIVACY_TITLES = { de: 'Datenschutzerklärung', en: 'Privacy notice' } as const;

function controller({ provider }: PrivacyNoticeInput): string {
  return [
    md(provider.name),
    md(provider.street),
    `${md(provider.postalCode)} ${md(provider.city)}`,
    `${md(provider.phone)} · [${md(provider.email)}](mailto:${provider.email})`,
  ].join('\n');
}

const list = (lines: string[]) => lines.map((line) => `- ${md(line)}`).join('\n');

/** Art. 13 GDPR, written for the customer: who, what, why, on which basis, to whom, how long, rights. */
export function defaultPrivacyNoticeDe(input: PrivacyNoticeInput): TLegalText {
  const { provider } = input;
  return parseMarkdown(
    `# ${PRIVACY_TITLES.de}

Diese Erklärung sagt Ihnen, welche personenbezogenen Daten das Kundenportal von ${md(provider.name)} verarbeitet, wozu, auf welcher Rechtsgrundlage, an wen sie gehen und wie lange wir sie aufbewahren.

## Verantwortlicher
${controller(input)}

Fragen zum Datenschutz richten Sie bitte an [${md(provider.email)}](mailto:${provider.email}).

## Welche Daten wir verarbeiten, wozu und auf welcher Grundlage
- **Stammdaten** (Name, Firma, Anschrift, E-Mail-Adresse, Telefon, USt-IdNr., Kundennummer, Kundenart): um den Vertrag mit Ihnen zu schließen und zu erfüllen und Sie zu erreichen – Art. 6 Abs. 1 lit. b DSGVO.
- **Vertragsdaten** (gebuchte Produkte, Laufzeiten, Vertragsdokumente und deren Annahme, Kündigungen): zur Vertragserfüllung – Art. 6 Abs. 1 lit. b DSGVO.
- **Rechnungs- und Zahlungsdaten** (Rechnungen, Zahlungen, Bankverbindung, SEPA-Lastschriftmandate): zur Abrechnung und Zahlung – Art. 6 Abs. 1 lit. b DSGVO – und weil Steuer- und Handelsrecht die Aufbewahrung verlangen – Art. 6 Abs. 1 lit. c DSGVO mit § 147 AO und § 14b UStG.
- **Support-Anfragen** (Tickets, Nachrichten, Anhänge): um Ihre Anliegen zu bearbeiten – Art. 6 Abs. 1 lit. b DSGVO.
- **Zugangs- und Sicherheitsdaten** (Passwort nur als Hash, zweite Faktoren – der Schlüssel der Authenticator-App verschlüsselt, Wiederherstellungscodes nur als Hash, von Passkeys nur der öffentliche Schlüssel –, Sitzungen, IP-Adresse, Browserkennung, Sicherheitsprotokoll): um Ihr Konto zu schützen und Missbrauch zu erkennen – Art. 6 Abs. 1 lit. f und Art. 32 DSGVO; unser berechtigtes Interesse ist die Sicherheit Ihres Kontos und unserer Systeme.
- **Kündigungen über das öffentliche Formular** (Name, E-Mail-Adresse, Kundennummer, Vertragsangabe, Zeitpunkt des Eingangs): um Ihre Kündigung zu bearbeiten und ihren Eingang nachzuweisen – Art. 6 Abs. 1 lit. b und c DSGVO mit § 312k BGB.
- **E-Mails an Sie** (Bestätigungen, Rechnungen, Antworten auf Tickets): zur Vertragserfüllung und zum Nachweis, was wir Ihnen mitgeteilt haben – Art. 6 Abs. 1 lit. b und f DSGVO.

Das Portal setzt nur technisch notwendige Speicher: ein Sitzungs-Cookie für die Anmeldung und Ihre Sprachwahl im Browser (§ 25 Abs. 2 Nr. 2 TDDDG). Es gibt kein Tracking, keine Werbung und keine Profilbildung; automatisierte Entscheidungen im Sinne von Art. 22 DSGVO treffen wir nicht.

Die Stamm- und Vertragsdaten brauchen wir, um den Vertrag zu schließen und zu erfüllen; ohne sie können wir keine Leistungen erbringen.

## Empfänger
- **Zahlungsdienstleister**: Wenn Sie per Karte oder Online-Zahlung bezahlen, geben Sie Ihre Zahlungsdaten direkt auf dessen Seite ein; wir erhalten nur das Ergebnis der Zahlung.
- **Unsere Bank**: für SEPA-Lastschriften (Name, IBAN, Mandatsreferenz, Betrag).
- **E-Mail-Versanddienstleister (Mail-Relay)**: stellt die E-Mails des Portals zu (Empfängeradresse und Inhalt der E-Mail).
- **Rechenzentrums- und IT-Dienstleister**, die für uns als Auftragsverarbeiter nach Art. 28 DSGVO tätig sind.
- **Behörden**, soweit ein Gesetz es verlangt (etwa die Finanzverwaltung bei einer Prüfung).

Eine Übermittlung in Länder außerhalb der EU bzw. des EWR findet durch das Portal nicht statt.

## Wie lange wir Daten aufbewahren
Solange Ihr Kundenkonto besteht, speichern wir die Daten, die wir für den Vertrag brauchen. Wenn Sie Ihr Konto löschen, löschen oder anonymisieren wir Ihre Daten sofort, außer denen, die wir aufbewahren müssen; diese sperren wir und löschen sie, wenn ihre Frist endet:
${list(retentionLines(input.periods, 'de'))}

## Ihre Rechte
Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch gegen Verarbeitungen auf Grundlage berechtigter Interessen (Art. 21 DSGVO). Im Portal unter „Stammdaten“ können Sie Ihre Daten selbst ändern, herunterladen und Ihr Konto löschen. Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO), etwa bei der Behörde Ihres Wohnorts oder unseres Sitzes.

Portal: <${input.publicUrl}>
`,
    PRIVACY_TITLES.de,
  );
}

export function defaultPrivacyNoticeEn(input: PrivacyNoticeInput): TLegalText {
  const { provider } = input;
  return parseMarkdown(
    `# ${PRIVACY_TITLES.en}

This notice tells you which personal data the customer portal of ${md(provider.name)} processes, for what purpose, on which legal basis, to whom it is passed and how long we keep it.

## Controller
${controller(input)}

Please send questions about data protection to [${md(provider.email)}](mailto:${provider.email}).

## What we process, why, and on which basis
- **Master data** (name, company, address, e-mail address, phone, VAT ID, customer number, customer type): to conclude and perform the contract with you and to reach you – Art. 6(1)(b) GDPR.
- **Contract data** (booked products, terms, contract documents and their acceptance, cancellations): to perform the contract – Art. 6(1)(b) GDPR.
- **Invoice and payment data** (invoices, payments, bank details, SEPA direct debit mandates): for billing and payment – Art. 6(1)(b) GDPR – and because tax and commercial law require us to keep them – Art. 6(1)(c) GDPR with § 147 AO and § 14b UStG.
- **Support requests** (tickets, messages, attachments): to handle your requests – Art. 6(1)(b) GDPR.
- **Access and security data** (password only as a hash, second factors – the authenticator app's key encrypted, recovery codes only as a hash, of passkeys only the public key –, sessions, IP address, browser identification, security log): to protect your account and detect misuse – Art. 6(1)(f) and Art. 32 GDPR; our legitimate interest is the security of your account and our systems.
- **Cancellations on the public form** (name, e-mail address, customer number, the contract named, time of receipt): to process your cancellation and prove its receipt – Art. 6(1)(b) and (c) GDPR with § 312k BGB.
- **E-mails to you** (confirmations, invoices, ticket replies): to perform the contract and to prove what we told you – Art. 6(1)(b) and (f) GDPR.

The portal stores only what is technically necessary: a session cookie for signing in and your language choice in the browser (§ 25(2) no. 2 TDDDG). There is no tracking, no advertising and no profiling; we make no automated decisions within the meaning of Art. 22 GDPR.

We need the master and contract data to conclude and perform the contract; without them we cannot provide our services.

## Recipients
- **Payment provider**: when you pay by card or online payment, you enter your payment details directly on its page; we only receive the result of the payment.
- **Our bank**: for SEPA direct debits (name, IBAN, mandate reference, amount).
- **E-mail delivery service (mail relay)**: delivers the portal's e-mails (recipient address and content of the e-mail).
- **Data centre and IT service providers** working for us as processors under Art. 28 GDPR.
- **Authorities**, where a law requires it (for example the tax authorities during an audit).

The portal does not transfer data to countries outside the EU or the EEA.

## How long we keep data
While your customer account exists, we store the data we need for the contract. When you delete your account, we erase or anonymise your data at once, except what we must keep; that is locked away and erased when its period ends:
${list(retentionLines(input.periods, 'en'))}

## Your rights
You have the right of access (Art. 15 GDPR), rectification (Art. 16), erasure (Art. 17), restriction of processing (Art. 18), data portability (Art. 20) and to object to processing based on legitimate interests (Art. 21 GDPR). In the portal, under "Master data", you can change and download your data and delete your account. You may also lodge a complaint with a data protection supervisory authority (Art. 77 GDPR), for example the one where you live or where we have our seat.

Portal: <${input.publicUrl}>
`,
    PRIVACY_TITLES.en,
  );
}
