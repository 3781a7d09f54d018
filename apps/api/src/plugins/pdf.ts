import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config';
import { createDocumentLimit } from '../pdf/document-limit';
import { createPdfRenderer, type PdfRenderer } from '../pdf/pdf-renderer';

declare module 'fastify' {
  interface FastifyInstance {
    pdf: PdfRenderer;
    /** Per-customer limits of the document routes; `registerRoute` applies them. */
    documentLimit: ReturnType<typeof createDocumentLimit>;
  }
}

/** The shared PDF renderer; Chromium starts on the first render, not at boot. */
export default fp(
  async (app: FastifyInstance, { config }: { config: AppConfig }) => {
    const renderer = createPdfRenderer({ executablePath: config.CHROMIUM_PATH, poolSize: config.PDF_POOL_SIZE });
    app.decorate('pdf', renderer);
    app.decorate('documentLimit', createDocumentLimit(app.counters));
    app.addHook('onClose', () => renderer.close());
  },
  { name: 'pdf', dependencies: ['security'] },
);
