import type { TBillingInterval } from '@portal/contracts';
import { formatDate, formatMoney } from '../format';
import { defineTemplate } from '../template';

/** What the provider changes in or ends of a running contract (Backoffice › Verträge, ADR 0025-c). */

interface Terms {
  /** Net price per billing interval, in cents. */
  priceCents: number;
  billingInterval: TBillingInterval;
  minimumTermMonths: number;
  noticePeriodMonths: number;
}

export interface ContractChange {
  customerName: string;
  contractNumber: string;
  productName: string;
  effectiveDate: string;
  before: Terms;
  after: Terms;
  reason: string;
}

const intervals: Record<TBillingInterval, { de: string; en: string }> = {
  monthly: { de: 'monatlich', en: 'per month' },
  quarterly: { de: 'vierteljährlich', en: 'per quarter' },
  yearly: { de: 'jährlich', en: 'per year' },
};

const months = (count: number, language: 'de' | 'en') =>
  language === 'de' ? `${count} ${count === 1 ? 'Monat' : 'Monate'}` : `${count} ${count === 1 ? 'month' : 'months'}`;

const priceDe = (terms: Terms) => `${formatMoney(terms.priceCents, 'de')} netto ${intervals[terms.billingInterval].de}`;
const priceEn = (terms: Terms) => `${formatMoney(terms.priceCents, 'en')} net ${intervals[terms.billingInterval].en}`;

export const contractChanged = defineTemplate<ContractChange>('contract.changed', {
  de: (p) => ({
    subject: `Änderung Ihres Vertrags ${p.contractNumber} – ${p.productName}`,
    addressee: p.customerName,
    paragraphs: [
      `für Ihren Vertrag ${p.contractNumber} („${p.productName}“) gelten ab dem ${formatDate(p.effectiveDate, 'de')} neue Bedingungen.`,
      `Entgelt: bisher ${priceDe(p.before)}, künftig ${priceDe(p.after)}\nMindestlaufzeit: ${months(p.after.minimumTermMonths, 'de')}, Kündigungsfrist: ${months(p.after.noticePeriodMonths, 'de')}`,
      `Grund der Änderung: ${p.reason}`,
      'Die Einzelheiten und alle Fassungen Ihrer Vertragsunterlagen finden Sie im Kundenportal unter „Produkte“.',
    ],
  }),
  en: (p) => ({
    subject: `Change to your contract ${p.contractNumber} – ${p.productName}`,
    addressee: p.customerName,
    paragraphs: [
      `New terms apply to your contract ${p.contractNumber} (“${p.productName}”) from ${formatDate(p.effectiveDate, 'en')}.`,
      `Charge: previously ${priceEn(p.before)}, from then on ${priceEn(p.after)}\nMinimum term: ${months(p.after.minimumTermMonths, 'en')}, notice period: ${months(p.after.noticePeriodMonths, 'en')}`,
      `Reason for the change: ${p.reason}`,
      'You will find the details and every version of your contract documents in the customer portal under “Products”.',
    ],
  }),
});

export interface ContractEnd {
  customerName: string;
  contractNumber: string;
  productName: string;
  endDate: string;
  reason: string;
}

export const contractEndedByProvider = defineTemplate<ContractEnd>('contract.ended_by_provider', {
  de: (p) => ({
    subject: `Beendigung Ihres Vertrags ${p.contractNumber} – ${p.productName}`,
    addressee: p.customerName,
    paragraphs: [
      `wir beenden Ihren Vertrag ${p.contractNumber} („${p.productName}“) zum ${formatDate(p.endDate, 'de')}.`,
      `Grund: ${p.reason}`,
      'Die Einzelheiten finden Sie im Kundenportal unter „Produkte“. Bei Fragen erreichen Sie uns unter „Kontakt“.',
    ],
  }),
  en: (p) => ({
    subject: `Termination of your contract ${p.contractNumber} – ${p.productName}`,
    addressee: p.customerName,
    paragraphs: [
      `We are terminating your contract ${p.contractNumber} (“${p.productName}”) with effect from ${formatDate(p.endDate, 'en')}.`,
      `Reason: ${p.reason}`,
      'You will find the details in the customer portal under “Products”. If you have any questions, please reach us under “Contact”.',
    ],
  }),
});

export interface ContractEndMove {
  customerName: string;
  contractNumber: string;
  productName: string;
  previousEndDate: string;
  endDate: string;
  reason: string;
  /** The day staff moved the end (Europe/Berlin): a last day before it has passed, and is told so. */
  movedOn: string;
}

/**
 * Staff may move the end to a day that has passed (the contract ends at once) or revive an ended
 * contract: each date is told in the tense of the day of the move, never "endet zum" a past day.
 */
export const contractEndMoved = defineTemplate<ContractEndMove>('contract.end_moved', {
  de: (p) => {
    const contract = `Ihr Vertrag ${p.contractNumber} („${p.productName}“)`;
    const previous = formatDate(p.previousEndDate, 'de');
    const next = formatDate(p.endDate, 'de');
    const previousPassed = p.previousEndDate < p.movedOn;
    const endPassed = p.endDate < p.movedOn;
    const notAsTold = previousPassed
      ? `endete nicht wie bisher mitgeteilt am ${previous}`
      : `endet nicht wie bisher mitgeteilt zum ${previous}`;
    const instead = endPassed
      ? previousPassed
        ? `sondern am ${next}`
        : `sondern endete bereits am ${next}`
      : previousPassed
        ? `sondern läuft bis zum ${next} weiter`
        : `sondern zum ${next}`;
    return {
      subject: `Neues Vertragsende für ${p.contractNumber} – ${p.productName}`,
      addressee: p.customerName,
      paragraphs: [
        `${contract} ${notAsTold}, ${instead}.`,
        `Grund: ${p.reason}`,
        'Die Einzelheiten finden Sie im Kundenportal unter „Produkte“. Bei Fragen erreichen Sie uns unter „Kontakt“.',
      ],
    };
  },
  en: (p) => {
    const contract = `Your contract ${p.contractNumber} (“${p.productName}”)`;
    const previous = formatDate(p.previousEndDate, 'en');
    const next = formatDate(p.endDate, 'en');
    const previousPassed = p.previousEndDate < p.movedOn;
    const endPassed = p.endDate < p.movedOn;
    const notAsTold = previousPassed
      ? `did not end on ${previous} as previously notified`
      : `no longer ends on ${previous} as previously notified`;
    const instead = endPassed
      ? previousPassed
        ? `but on ${next}`
        : `but already ended on ${next}`
      : previousPassed
        ? `but continues until ${next}`
        : `but on ${next}`;
    return {
      subject: `New end date for your contract ${p.contractNumber} – ${p.productName}`,
      addressee: p.customerName,
      paragraphs: [
        `${contract} ${notAsTold}, ${instead}.`,
        `Reason: ${p.reason}`,
        'You will find the details in the customer portal under “Products”. If you have any questions, please reach us under “Contact”.',
      ],
    };
  },
});

export interface ContractChangeCancel {
  customerName: string;
  contractNumber: string;
  productName: string;
  effectiveDate: string;
}

export const contractChangeCancelled = defineTemplate<ContractChangeCancel>('contract.change_cancelled', {
  de: (p) => ({
    subject: `Angekündigte Vertragsänderung entfällt – ${p.contractNumber}`,
    addressee: p.customerName,
    paragraphs: [
      `die für den ${formatDate(p.effectiveDate, 'de')} angekündigte Änderung Ihres Vertrags ${p.contractNumber} („${p.productName}“) entfällt. Es bleibt bei Ihren bisherigen Bedingungen.`,
      'Ihre Vertragsunterlagen im Kundenportal unter „Produkte“ zeigen wieder die geltende Fassung.',
    ],
  }),
  en: (p) => ({
    subject: `Announced contract change withdrawn – ${p.contractNumber}`,
    addressee: p.customerName,
    paragraphs: [
      `The change to your contract ${p.contractNumber} (“${p.productName}”) announced for ${formatDate(p.effectiveDate, 'en')} will not take place. Your current terms remain in force.`,
      'Your contract documents in the customer portal under “Products” show the version in force again.',
    ],
  }),
});
