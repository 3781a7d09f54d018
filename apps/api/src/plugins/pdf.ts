import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config';
import { createPdfRenderer, type PdfRenderer } from '../pdf/pdf-renderer';

declare module 'fastify' {
  interface FastifyInstance {
    pdf: PdfRenderer;
  }
}

/** The shared PDF renderer; Chromium starts on the first render, not at boot. */
export default fp(
  async (app: FastifyInstance, { config }: { config: AppConfig }) => {
    const renderer = createPdfRenderer({ executablePath: config.CHROMIUM_PATH, poolSize: config.PDF_POOL_SIZE });
    app.decorate('pdf', renderer);
    app.addHook('onClose', () => renderer.close());
  },
  { name: 'pdf' },
);
