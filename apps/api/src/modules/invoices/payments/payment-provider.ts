import type { TPaymentMethod } from '@portal/contracts';
import type { PaymentsConfig } from '../../../config';
import { createSandboxProvider } from './sandbox-provider';

/** What a payment provider answers when a card or direct-debit payment starts. */
export interface ProviderStart {
  status: 'pending' | 'requires_action';
  providerReference: string;
  /** Hosted page for strong customer authentication (cards); card data never touches the portal. */
  redirectUrl?: string;
}

export interface ProviderEvent {
  paymentId: string;
  providerReference: string;
  outcome: 'succeeded' | 'failed';
  failureReason?: string;
}

/**
 * The one interface every payment provider implements; the portal ships a sandbox that behaves
 * like a real one (hosted card page, signed callbacks, delayed direct-debit settlement).
 */
export interface PaymentProvider {
  readonly name: string;
  /** True for the sandbox: its outcomes move no money, so its payments are marked as tests. */
  readonly test: boolean;
  start(payment: {
    id: string;
    method: Exclude<TPaymentMethod, 'bank_transfer'>;
    amountCents: number;
    reference: string;
    mandateReference?: string;
  }): Promise<ProviderStart>;
  /** Checks the signature header of a callback; false means it did not come from the provider. */
  verifyCallback(event: ProviderEvent, signatureHeader: string, now?: number): boolean;
  /** Asks the provider for the outcome of a pending direct debit (settlement job). */
  collectDebit(payment: { id: string; providerReference: string | null }): Promise<ProviderEvent | null>;
}

/** The provider PAYMENT_PROVIDER names; null: none configured, only bank transfers are offered. */
export function createPaymentProvider(payments: PaymentsConfig): PaymentProvider | null {
  return payments.provider === 'sandbox' ? createSandboxProvider(payments.sandboxSecret) : null;
}
