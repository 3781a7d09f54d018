import { z } from 'zod';
import { ZDate, ZInstant, ZLanguage, ZTaxRate, ZUuid } from './common';

// The customer's data export (GDPR Art. 15 and 20): one JSON document, one top-level key per kind
// of record. Each key is filled by the module that owns the records (apps/api/src/lifecycle).
// Values that other parts of the portal may extend (statuses, event types) are plain strings.

const ZExportProfile = z.object({
  id: ZUuid,
  customerNumber: z.string().nullable(),
  email: z.string(),
  pendingEmail: z.string().nullable().meta({ description: 'A new address waiting for confirmation' }),
  name: z.string(),
  company: z.string().nullable(),
  address: z.object({
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
  }),
  phone: z.string().nullable(),
  vatId: z.string().nullable(),
  hasPassword: z.boolean(),
  language: ZLanguage.meta({ description: "The owner's language of the portal and its e-mails" }),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});

const ZExportContract = z.object({
  id: ZUuid,
  contractNumber: z.string(),
  name: z.string(),
  startDate: ZDate,
  priceCents: z.number().int(),
  billingInterval: z.string(),
  minimumTermMonths: z.number().int(),
  noticePeriodMonths: z.number().int(),
  renewalMonths: z.number().int(),
  status: z.string(),
  createdAt: ZInstant,
  documents: z.array(
    z.object({
      id: ZUuid,
      kind: z.string(),
      title: z.string(),
      version: z.string(),
      acceptedOn: ZDate.meta({ description: 'The day the customer accepted this version' }),
      createdAt: ZInstant,
    }),
  ),
  cancellation: z
    .object({
      type: z.string(),
      reason: z.string().nullable(),
      requestedEndDate: ZDate.nullable(),
      effectiveDate: ZDate,
      channel: z.string(),
      receivedAt: ZInstant,
    })
    .nullable(),
});

const ZExportInvoice = z.object({
  id: ZUuid,
  number: z.string(),
  kind: z.string(),
  state: z.string(),
  issueDate: ZDate,
  servicePeriodStart: ZDate,
  servicePeriodEnd: ZDate,
  dueDate: ZDate,
  currency: z.string(),
  netCents: z.number().int(),
  taxCents: z.number().int(),
  grossCents: z.number().int(),
  billingAddress: z.record(z.string(), z.unknown()),
  paidAt: ZInstant.nullable(),
  cancelledAt: ZInstant.nullable(),
  lines: z.array(
    z.object({
      position: z.number().int(),
      description: z.string(),
      quantityMilli: z.number().int(),
      unit: z.string(),
      unitPriceCents: z.number().int(),
      taxRate: ZTaxRate,
      netCents: z.number().int(),
    }),
  ),
});

const ZExportPayment = z.object({
  id: ZUuid,
  invoiceId: ZUuid,
  method: z.string(),
  status: z.string(),
  amountCents: z.number().int(),
  currency: z.string(),
  providerReference: z.string().nullable(),
  failureReason: z.string().nullable(),
  createdAt: ZInstant,
  settledAt: ZInstant.nullable(),
});

const ZExportMandate = z.object({
  id: ZUuid,
  reference: z.string(),
  accountHolder: z.string(),
  iban: z.string(),
  bic: z.string().nullable(),
  creditorId: z.string(),
  signedAt: ZInstant,
  revokedAt: ZInstant.nullable(),
});

const ZExportDirectDebit = z.object({
  id: ZUuid,
  invoiceId: ZUuid,
  mandateReference: z.string(),
  iban: z.string(),
  amountCents: z.number().int(),
  collectionDate: ZDate,
  status: z.string(),
  sequenceType: z.string().nullable(),
  endToEndId: z.string(),
  collectedOn: ZDate.nullable(),
  returnedOn: ZDate.nullable(),
  returnReason: z.string().nullable(),
  returnFeeCents: z.number().int().nullable(),
});

const ZExportDunningNotice = z.object({
  invoiceId: ZUuid,
  level: z.number().int(),
  sentOn: ZDate,
  feeCents: z.number().int(),
});

const ZExportAccountEntry = z.object({
  kind: z.string().meta({ description: '`overpayment` (credit), `return_fee` or `dunning_fee` (charges)' }),
  amountCents: z.number().int().meta({ description: 'Positive: in the customer’s favour' }),
  invoiceId: ZUuid.nullable(),
  bookedOn: ZDate,
});

const ZExportBankEntry = z.object({
  reference: z.string(),
  bookingDate: ZDate,
  amountCents: z.number().int(),
  direction: z.string(),
  remittance: z.string().nullable(),
  counterpartyName: z.string().nullable(),
  counterpartyIban: z.string().nullable(),
});

const ZExportTicket = z.object({
  id: ZUuid,
  number: z.number().int(),
  subject: z.string(),
  category: z.string(),
  status: z.string(),
  productId: ZUuid.nullable(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
  messages: z.array(
    z.object({
      id: ZUuid,
      author: z.string().meta({ description: '`customer` or `staff`' }),
      body: z.string(),
      createdAt: ZInstant,
      attachments: z.array(
        z.object({
          id: ZUuid,
          filename: z.string(),
          contentType: z.string(),
          sizeBytes: z.number().int(),
          sha256: z.string(),
          createdAt: ZInstant,
        }),
      ),
    }),
  ),
});

const ZExportEmail = z.object({
  id: ZUuid,
  to: z.string().meta({ description: 'The address the mail went to, also an earlier one' }),
  subject: z.string(),
  template: z.string(),
  textBody: z.string().meta({ description: 'Link tokens are replaced by [entfernt]' }),
  createdAt: ZInstant,
  sentAt: ZInstant.nullable(),
});

const ZExportSession = z.object({
  id: ZUuid,
  createdAt: ZInstant,
  lastSeenAt: ZInstant,
  expiresAt: ZInstant,
  revokedAt: ZInstant.nullable(),
  userAgent: z.string().nullable(),
  ipAddress: z.string().nullable(),
});

const ZExportApiToken = z.object({
  id: ZUuid,
  userId: ZUuid.meta({ description: 'The member the token acts for' }),
  name: z.string(),
  scopes: z.array(z.string()),
  prefix: z.string(),
  createdAt: ZInstant,
  expiresAt: ZInstant,
  lastUsedAt: ZInstant.nullable(),
  revokedAt: ZInstant.nullable(),
});

const ZExportWebhookEndpoint = z.object({
  id: ZUuid,
  url: z.string(),
  events: z.array(z.string()),
  createdAt: ZInstant,
});

const ZExportSecurityEvent = z.object({
  id: ZUuid,
  occurredAt: ZInstant,
  type: z.string(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

const ZExportSecondFactors = z
  .object({
    totp: z.object({ enabledAt: ZInstant }).nullable().meta({ description: 'Never the secret' }),
    recoveryCodes: z.object({ remaining: z.number().int(), generatedAt: ZInstant }).nullable(),
    passkeys: z.array(
      z.object({
        id: ZUuid,
        name: z.string(),
        createdAt: ZInstant,
        lastUsedAt: ZInstant.nullable(),
        backedUp: z.boolean(),
      }),
    ),
  })
  .meta({ description: 'The enrolled second factors, without secrets, hashes or public keys' });

const ZExportPublicDeclaration = z.object({
  reference: z.string(),
  type: z.string(),
  reason: z.string().nullable(),
  name: z.string(),
  customerNumber: z.string().nullable(),
  email: z.string(),
  contract: z.string(),
  requestedEndDate: ZDate.nullable(),
  status: z.string(),
  receivedAt: ZInstant,
});

export const ZCustomerExport = z
  .object({
    format: z.literal('portal-customer-export'),
    version: z.literal(2),
    exportedAt: ZInstant,
    profile: ZExportProfile,
    customerType: z.enum(['consumer', 'business']).nullable(),
    contracts: z.array(ZExportContract),
    invoices: z.array(ZExportInvoice),
    payments: z.array(ZExportPayment),
    mandates: z.array(ZExportMandate),
    directDebits: z.array(ZExportDirectDebit),
    dunningNotices: z.array(ZExportDunningNotice),
    accountEntries: z.array(ZExportAccountEntry),
    bankEntries: z.array(ZExportBankEntry).meta({ description: 'Bank statement lines booked to the customer' }),
    tickets: z.array(ZExportTicket),
    emails: z.array(ZExportEmail),
    sessions: z.array(ZExportSession),
    apiTokens: z
      .array(ZExportApiToken)
      .meta({ description: 'Personal API tokens, without the tokens or their hashes' }),
    webhookEndpoints: z
      .array(ZExportWebhookEndpoint)
      .meta({ description: 'Webhook endpoints, without their signing secrets' }),
    securityLog: z.array(ZExportSecurityEvent),
    secondFactors: ZExportSecondFactors,
    publicDeclarations: z.array(ZExportPublicDeclaration).meta({
      description: 'Declarations from the public cancellation form that were matched to the customer',
    }),
  })
  .meta({ id: 'CustomerExport' });
export type TCustomerExport = z.infer<typeof ZCustomerExport>;
/** The sections of the export, each filled by the module that owns the records. */
export type TCustomerExportSections = Omit<TCustomerExport, 'format' | 'version' | 'exportedAt'>;

/** A kind of record kept after the account's deletion, and for how long (lib/retention-periods.ts). */
export const ZRetainedCategory = z
  .object({
    category: z.enum(['invoices', 'sepaMandates', 'publicDeclarations', 'emails', 'securityLog', 'endedSessions']),
    unit: z.enum(['yearsFromEndOfYear', 'months', 'days']),
    amount: z.number().int(),
    from: z.enum(['issue', 'lastCollection', 'receipt', 'sending', 'occurrence', 'end']),
    basis: z.string().meta({ description: 'Legal basis, e.g. §147 AO' }),
  })
  .meta({ id: 'RetainedCategory' });
export type TRetainedCategory = z.infer<typeof ZRetainedCategory>;
