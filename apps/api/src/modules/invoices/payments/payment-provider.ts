import type { PaymentsConfig } from '../../../config';
import { createSandboxProvider } from './sandbox-provider';

/** What a payment provider answers when a card payment starts. */
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
 * The one interface every card payment provider implements; the portal ships a sandbox that behaves
 * like a real one (hosted card page, signed callbacks). Direct debits are no provider's business:
 * the provider's own bank collects them from pain.008 files (modules/collection).
 */
export interface PaymentProvider {
  readonly name: string;
  /** True for the sandbox: its outcomes move no money, so its payments are marked as tests. */
  readonly test: boolean;
  start(payment: { id: string; method: 'card'; amountCents: number; reference: string }): Promise<ProviderStart>;
  /** Checks the signature header of a callback; false means it did not come from the provider. */
  verifyCallback(event: ProviderEvent, signatureHeader: string, now?: number): boolean;
}

/** The provider PAYMENT_PROVIDER names; null: none configured, only bank transfers are offered. */
export function createPaymentProvider(payments: PaymentsConfig): PaymentProvider | null {
  return payments.provider === 'sandbox' ? createSandboxProvider(payments.sandboxSecret) : null;
}
