import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config';
import { configureMailLayout, mailLayoutOf } from '../mail/mailer';
import { outboxDeliveryJob } from '../mail/outbox-sender';

/** Every mail's footer comes from this configuration. With SMTP_URL, the outbox is delivered by a periodic job that runs on one instance at a time. */
export default fp(
  async (app: FastifyInstance, { config }: { config: AppConfig }) => {
    configureMailLayout(mailLayoutOf(config));
    if (!config.SMTP_URL) return;
    const job = outboxDeliveryJob({
      smtpUrl: config.SMTP_URL,
      from: config.MAIL_FROM,
      log: app.log,
      intervalMs: config.OUTBOX_INTERVAL_SECONDS * 1000,
    });
    app.jobs.register(job);
    app.addHook('onClose', async () => job.close());
  },
  { name: 'outbox', dependencies: ['jobs'] },
);
