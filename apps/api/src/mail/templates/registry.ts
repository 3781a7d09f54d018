import * as account from './account';
import * as cancellation from './cancellation';
import * as collection from './collection';
import * as contracts from './contracts';
import * as customerAccount from './customer-account';
import * as invoices from './invoices';
import * as security from './security';
import * as team from './team';
import * as tickets from './tickets';

/**
 * Every e-mail the portal sends, by template: templates.test.ts renders each one in every
 * language, so a template missing from here (or a language missing from one) fails a test.
 */
export const mailTemplates = {
  passwordChanged: account.passwordChanged,
  passwordResetLink: account.passwordResetLink,
  passwordSet: account.passwordSet,
  emailChangeConfirm: account.emailChangeConfirm,
  emailChangeNotice: account.emailChangeNotice,
  emailChanged: account.emailChanged,
  customerWelcome: account.customerWelcome,
  staffWelcome: account.staffWelcome,
  apiTokenCreated: security.apiTokenCreated,
  passkeyAdded: security.passkeyAdded,
  totpEnabled: security.totpEnabled,
  totpDisabled: security.totpDisabled,
  teamInvitation: team.teamInvitation,
  mandateIssued: customerAccount.mandateIssued,
  accountDeleted: customerAccount.accountDeleted,
  contractChanged: contracts.contractChanged,
  contractEndedByProvider: contracts.contractEndedByProvider,
  contractEndMoved: contracts.contractEndMoved,
  contractChangeCancelled: contracts.contractChangeCancelled,
  cancellationConfirmed: cancellation.cancellationConfirmed,
  publicDeclarationReceipt: cancellation.publicDeclarationReceipt,
  declarationNotice: cancellation.declarationNotice,
  declarationRejected: cancellation.declarationRejected,
  ticketStaffReply: tickets.ticketStaffReply,
  ticketStatusChanged: tickets.ticketStatusChanged,
  invoiceIssued: invoices.invoiceIssued,
  invoiceCorrected: invoices.invoiceCorrected,
  invoiceCancelled: invoices.invoiceCancelled,
  paymentReceived: invoices.paymentReceived,
  debitPreNotification: collection.debitPreNotification,
  debitReturned: collection.debitReturned,
  debitWithdrawn: collection.debitWithdrawn,
  paymentReminder: collection.dunningNotice(1),
  firstDunningNotice: collection.dunningNotice(2),
  secondDunningNotice: collection.dunningNotice(3),
  mandateExpired: collection.mandateExpired,
} as const;
