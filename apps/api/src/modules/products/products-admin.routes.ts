import { adminProductRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { pageOf } from '../../lib/pagination';
import { registerRoute } from '../../lib/route';
import { noteStaffChange } from '../staff/staff-audit';
import { toCancellation } from './cancellation.service';
import cancellationDeclarationsAdminModule from './cancellation-declarations-admin.routes';
import contractsAdminModule from './contracts-admin.routes';
import { specLabel } from './product-specs';
import { findCatalog, findPendingCancellations } from './products-admin.repository';
import { bookProduct, decodeInstantCursor, encodeInstantCursor } from './products-admin.service';

/** Back office: the catalogue, booking products for customers, cancellations and the declarations queue. */
export default async function productsAdminModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  registerRoute(app, adminProductRoutes.catalog, async () => {
    const rows = await findCatalog(app.db);
    return {
      status: 200,
      body: {
        items: rows.map((row) => ({
          id: row.id,
          sku: row.sku,
          category: row.kind,
          name: row.name,
          specs: row.specs.map((spec) => ({ ...spec, label: specLabel(spec.key) })),
        })),
      },
    };
  });

  registerRoute(app, adminProductRoutes.book, async (request) => {
    const product = await bookProduct(app.db, app.pdf, config.provider, request.body);
    noteStaffChange(request, { customerId: request.body.customerId, subjectId: product.id });
    return { status: 201, body: product };
  });

  registerRoute(app, adminProductRoutes.pendingCancellations, async (request) => {
    const { limit, cursor } = request.query;
    const rows = await findPendingCancellations(app.db, limit + 1, cursor ? decodeInstantCursor(cursor) : undefined);
    const result = pageOf(rows, limit, (row) => encodeInstantCursor(row.cancellation));
    return {
      status: 200,
      body: {
        nextCursor: result.nextCursor,
        hasMore: result.hasMore,
        items: result.rows.map(({ cancellation, product, customerNumber }) => ({
          ...toCancellation(cancellation),
          customerId: cancellation.customerId,
          customerNumber,
          contractNumber: product.contractNumber,
          productName: product.name,
          productStatus: product.status,
          channel: cancellation.channel,
        })),
      },
    };
  });

  await app.register(cancellationDeclarationsAdminModule);
  await app.register(contractsAdminModule, { config });
}
