import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PaymentProvider, ProviderEvent } from './payment-provider';

/** Callbacks older than this are refused, so a captured one cannot be replayed later. */
const SIGNATURE_TOLERANCE_MS = 5 * 60_000;

function canonical(event: ProviderEvent): string {
  return [event.paymentId, event.providerReference, event.outcome, event.failureReason ?? ''].join('\n');
}

function hmac(secret: Buffer, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

/** `t=<unix ms>,v1=<hex>` over the timestamp and the event, like the big providers sign. */
export function signSandboxEvent(secret: Buffer, event: ProviderEvent, now = Date.now()): string {
  return `t=${now},v1=${hmac(secret, `${now}.${canonical(event)}`)}`;
}

/** The token on the hosted page's URL: only whoever started the payment can approve it. */
export function sandboxPageToken(secret: Buffer, paymentId: string): string {
  return hmac(secret, `page.${paymentId}`);
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `secret` is PAYMENT_SANDBOX_SECRET (random per process outside production when unset). */
export function createSandboxProvider(secret: Buffer): PaymentProvider {
  return {
    name: 'sandbox',
    test: true,
    async start(payment) {
      return {
        status: 'requires_action',
        providerReference: `sbx_card_${payment.id}`,
        redirectUrl: `/sandbox-pay/${payment.id}?token=${sandboxPageToken(secret, payment.id)}`,
      };
    },
    verifyCallback(event, header, now = Date.now()) {
      const match = /^t=(\d{1,15}),v1=([0-9a-f]{64})$/.exec(header);
      if (!match) return false;
      const timestamp = Number(match[1]);
      if (Math.abs(now - timestamp) > SIGNATURE_TOLERANCE_MS) return false;
      return safeEqual(match[2] ?? '', hmac(secret, `${timestamp}.${canonical(event)}`));
    },
  };
}
