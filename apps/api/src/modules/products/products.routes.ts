import { productsRoutes, publicCancellationRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { today } from '../../lib/calendar';
import { registerRoute } from '../../lib/route';
import { cancelProduct } from './cancellation.service';
import { listProductDocuments, loadProductDocument } from './contract-documents.service';
import { applyDueContractChanges } from './contracts-admin.service';
import { endExpiredContracts } from './products.repository';
import { getProductDetail, listProducts } from './products.service';
import { submitPublicCancellation } from './public-cancellation.service';
import { MATCHING_JOB, matchReceivedDeclarations } from './public-cancellation-matching';

/** The form is open to anyone, so it is throttled per client address against abuse. */
export const PUBLIC_CANCELLATION_LIMIT = { max: 5, timeWindow: '10 minutes' } as const;

/** Produkte: the customer's contracts, their documents and cancellation, plus the §312k form. */
export default async function productsModule(app: FastifyInstance) {
  registerRoute(app, productsRoutes.list, async (request) => {
    const { limit, cursor } = request.query;
    return { status: 200, body: await listProducts(app.db, request.auth.customerId, limit, cursor) };
  });

  registerRoute(app, productsRoutes.get, async (request) => ({
    status: 200,
    body: await getProductDetail(app.db, request.auth.customerId, request.params.id),
  }));

  registerRoute(app, productsRoutes.documents, async (request) => ({
    status: 200,
    body: { items: await listProductDocuments(app.db, request.auth.customerId, request.params.id) },
  }));

  registerRoute(app, productsRoutes.downloadDocument, async (request) => {
    const { id, documentId } = request.params;
    const document = await loadProductDocument(app.db, request.auth.customerId, id, documentId);
    return {
      status: 200,
      body: document.content,
      headers: {
        'content-type': document.mediaType,
        'content-disposition': `attachment; filename="${document.fileName}"`,
        // The stored bytes never change, so their hash is a strong validator for integrity checks.
        etag: `"${document.sha256}"`,
        'cache-control': 'private, no-store',
      },
    };
  });

  registerRoute(app, productsRoutes.cancel, async (request) => ({
    status: 201,
    body: await cancelProduct(app.db, request.auth.customerId, request.params.id, request.body, request.auth.origin),
  }));

  registerRoute(
    app,
    publicCancellationRoutes.create,
    async (request) => ({
      status: 202,
      body: await submitPublicCancellation(app.db, app.counters, request.body, request.ip),
      headers: { 'cache-control': 'no-store' },
    }),
    { rateLimit: PUBLIC_CANCELLATION_LIMIT },
  );

  // Declarations from the form are matched after the answer (the identity rule, decision 0009);
  // the job runs on every scheduler tick, so the holder hears of one within seconds.
  app.jobs.register({
    name: MATCHING_JOB,
    intervalMs: 1000,
    run: async (db) => {
      await matchReceivedDeclarations(db, app.counters);
    },
  });

  // Changes of price or terms take effect on their day (one made for today applied at once).
  app.jobs.register({
    name: 'products.apply-contract-changes',
    intervalMs: 60 * 60 * 1000,
    run: async (db) => {
      await applyDueContractChanges(db);
    },
  });

  // Cancelled contracts end once their end date has passed (reads already show it; this records it).
  app.jobs.register({
    name: 'products.end-cancelled-contracts',
    intervalMs: 60 * 60 * 1000,
    run: async (db) => {
      await endExpiredContracts(db, today());
    },
  });
}
