import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppConfig } from '../../../config';
import type { SafeHtml } from '../../../lib/html';
import { API_PREFIX } from '../../../plugins/openapi';
import { findPaymentForProvider } from '../payments.repository';
import { findInvoiceNumberForProvider } from './sandbox-lookup';
import { sandboxMessagePage, sandboxPayPage, sandboxStyles } from './sandbox-pay.page';
import { safeEqual, sandboxPageToken, signSandboxEvent } from './sandbox-provider';

const ZParams = z.object({ paymentId: z.uuid() });
const ZToken = z.object({ token: z.string().max(200).default('') });

/**
 * The sandbox payment provider's hosted pages. They stand in for an external provider, so they
 * live outside /api/v1 and the OpenAPI document, and talk to the portal only through the
 * signed callback, exactly as a real provider would. Registered only while the sandbox is the
 * configured provider.
 */
export default async function sandboxPayModule(
  app: FastifyInstance,
  { config, secret }: { config: AppConfig; secret: Buffer },
) {
  // The hosted page posts plain HTML forms; only this plugin accepts them.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  const sendPage = (reply: FastifyReply, status: number, page: SafeHtml) =>
    reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page.value);

  const findPayable = async (paymentId: string, token: string) => {
    if (!safeEqual(token, sandboxPageToken(secret, paymentId))) return undefined;
    const payment = await findPaymentForProvider(app.db, paymentId);
    return payment?.method === 'card' ? payment : undefined;
  };

  app.get('/sandbox-pay/assets/sandbox.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(sandboxStyles),
  );

  app.get('/sandbox-pay/:paymentId', { schema: { hide: true } }, async (request, reply) => {
    const params = ZParams.safeParse(request.params);
    const { token } = ZToken.parse(request.query ?? {});
    const payment = params.success ? await findPayable(params.data.paymentId, token) : undefined;
    if (!payment)
      return sendPage(
        reply,
        404,
        sandboxMessagePage('Zahlung unbekannt', 'Dieser Zahlungslink ist ungültig.', '/invoices'),
      );
    const back = `/invoices/${payment.invoiceId}`;
    if (payment.status !== 'requires_action') {
      return sendPage(
        reply,
        409,
        sandboxMessagePage('Bereits bearbeitet', 'Diese Zahlung wurde bereits abgeschlossen.', back),
      );
    }
    return sendPage(
      reply,
      200,
      sandboxPayPage({
        paymentId: payment.id,
        token,
        amountCents: payment.amountCents,
        reference: (await findInvoiceNumberForProvider(app.db, payment.invoiceId)) ?? '',
        merchant: config.provider.name,
      }),
    );
  });

  for (const outcome of ['approve', 'decline'] as const) {
    app.post(`/sandbox-pay/:paymentId/${outcome}`, { schema: { hide: true } }, async (request, reply) => {
      const params = ZParams.safeParse(request.params);
      const { token } = ZToken.parse(request.body ?? {});
      const payment = params.success ? await findPayable(params.data.paymentId, token) : undefined;
      if (!payment)
        return sendPage(
          reply,
          404,
          sandboxMessagePage('Zahlung unbekannt', 'Dieser Zahlungslink ist ungültig.', '/invoices'),
        );
      const event = {
        paymentId: payment.id,
        providerReference: payment.providerReference ?? `sbx_card_${payment.id}`,
        outcome: outcome === 'approve' ? ('succeeded' as const) : ('failed' as const),
        ...(outcome === 'decline' ? { failureReason: 'declined_by_customer' } : {}),
      };
      // The provider's server-to-server callback; the portal trusts it only for its signature.
      const callback = await app.inject({
        method: 'POST',
        url: `${API_PREFIX}/payments/webhooks/sandbox`,
        headers: { 'content-type': 'application/json', 'x-sandbox-signature': signSandboxEvent(secret, event) },
        payload: event,
      });
      if (callback.statusCode !== 204) request.log.warn({ status: callback.statusCode }, 'sandbox callback refused');
      return reply.redirect(`/invoices/${payment.invoiceId}?payment=${payment.id}`, 303);
    });
  }
}
