import type {
  TAdminContractDetail,
  TAdminContractListItem,
  TChangeContractBody,
  TEndContractBody,
  TProductStatus,
} from '@portal/contracts';
import { eq } from 'drizzle-orm';
import type { ProviderIdentity } from '../../config';
import type { Database, DbOrTx } from '../../db/client';
import { type CustomerProductRow, productCatalog } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { today } from '../../lib/calendar';
import { type Page, pageOf } from '../../lib/pagination';
import type { PdfRenderer } from '../../pdf/pdf-renderer';
import { asCustomerId } from '../customers/customer-id';
import { findCustomer } from '../customers/customers.repository';
import { publishEvent } from '../webhooks/webhooks.service';
import { sendContractChangeNotice, sendContractEndNotice } from './contract-change-emails';
import {
  applyContractChange,
  findContractChanges,
  hasPendingChange,
  insertContractChange,
  lockDueContractChanges,
  nextChangeVersion,
} from './contract-changes.repository';
import { listProductDocuments, sha256Hex } from './contract-documents.service';
import { consumerTermViolations, earliestEndDate } from './contract-terms';
import { findContractOwner, findContractsForStaff } from './contracts-admin.repository';
import { contractChangeHtml } from './document-templates';
import { insertContractDocument, storeDocumentFile } from './documents.repository';
import {
  findCustomerContact,
  findCustomerProductDetails,
  insertCancellation,
  lockCustomerProduct,
  setProductStatus,
} from './products.repository';
import { decodeCursor, encodeCursor, termsOf, toProduct, toProductDetail } from './products.service';

export async function listContractsForStaff(
  db: DbOrTx,
  query: { q?: string | undefined; status?: TProductStatus | undefined; limit: number; cursor?: string | undefined },
): Promise<Page<TAdminContractListItem>> {
  const onDay = today();
  const rows = await findContractsForStaff(db, {
    q: query.q,
    status: query.status,
    today: onDay,
    limit: query.limit + 1,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
  const page = pageOf(rows, query.limit, (last) =>
    encodeCursor({ startDate: last.product.startDate, id: last.product.id }),
  );
  return {
    items: page.rows.map((row) => ({
      ...toProduct(row, onDay),
      customerId: row.product.customerId,
      customerNumber: row.customerNumber,
      customerName: row.customerName,
      customerCompany: row.customerCompany,
    })),
    nextCursor: page.nextCursor,
    hasMore: page.hasMore,
  };
}

/** The owner of a contract, or 404: staff then read and change it through customer-scoped queries. */
export async function ownerOf(db: DbOrTx, productId: string) {
  const owner = await findContractOwner(db, productId);
  if (!owner) throw AppError.notFound('contract');
  return { ...owner, customerId: asCustomerId(owner.customerId) };
}

export async function getContractForStaff(db: DbOrTx, productId: string): Promise<TAdminContractDetail> {
  const owner = await ownerOf(db, productId);
  const [row, changes, documents] = await Promise.all([
    findCustomerProductDetails(db, owner.customerId, productId),
    findContractChanges(db, owner.customerId, productId),
    listProductDocuments(db, owner.customerId, productId),
  ]);
  if (!row) throw AppError.notFound('contract');
  return { ...toProductDetail(row, today(), changes), ...owner, documents };
}

function refuseDateInPast(path: string): never {
  throw AppError.validation([{ path, code: 'dateInPast', message: 'must be today or later' }]);
}

const sameTerms = (product: CustomerProductRow, body: TChangeContractBody) =>
  product.priceCents === body.price.amount &&
  product.billingInterval === body.price.interval &&
  product.minimumTermMonths === body.minimumTermMonths &&
  product.noticePeriodMonths === body.noticePeriodMonths &&
  product.renewalMonths === body.renewalMonths;

export interface ContractChangeDeps {
  renderer: Pick<PdfRenderer, 'render'>;
  provider: ProviderIdentity;
}

/**
 * Changes price or terms of a running contract from a day on: a new version of the order
 * confirmation, the change (applied at once when its day is today, else by the hourly job) and the
 * customer's e-mail, all in one transaction. One change may wait at a time.
 */
export async function changeContract(
  db: Database,
  deps: ContractChangeDeps,
  productId: string,
  body: TChangeContractBody,
  staffUserId: string,
  now = new Date(),
) {
  const { customerId } = await ownerOf(db, productId);
  const onDay = today(now);
  if (body.effectiveDate < onDay) refuseDateInPast('effectiveDate');
  const customer = await findCustomer(db, customerId);
  if (!customer) throw AppError.notFound('contract');
  if (customer.customerType === 'consumer') {
    const violations = consumerTermViolations(body);
    if (violations.length > 0) {
      throw new AppError(
        'unprocessable',
        'These terms are not allowed in a contract with a consumer (§309 Nr. 9 BGB).',
        {
          errors: violations,
        },
      );
    }
  }
  return db.transaction(async (tx) => {
    const product = await lockCustomerProduct(tx, customerId, productId);
    if (!product) throw AppError.notFound('contract');
    if (product.status !== 'active') throw new AppError('conflict', 'Only a running contract can be changed.');
    if (await hasPendingChange(tx, customerId, productId)) {
      throw new AppError('conflict', 'A change of this contract is waiting for its date; it must take effect first.');
    }
    if (sameTerms(product, body)) {
      throw AppError.validation([
        { path: 'price.amount', code: 'nothingChanged', message: 'changes neither the price nor the terms' },
      ]);
    }
    const [catalog] = await tx.select().from(productCatalog).where(eq(productCatalog.id, product.catalogId));
    if (!catalog) throw new Error('catalogue entry of a contract vanished');
    const after: CustomerProductRow = {
      ...product,
      priceCents: body.price.amount,
      billingInterval: body.price.interval,
      minimumTermMonths: body.minimumTermMonths,
      noticePeriodMonths: body.noticePeriodMonths,
      renewalMonths: body.renewalMonths,
    };
    const version = await nextChangeVersion(tx, customerId, productId);
    const text = { version, effectiveDate: body.effectiveDate, reason: body.reason, before: product };
    const pdf = await deps.renderer.render(contractChangeHtml(deps.provider, customer, after, catalog, text));
    const document = await insertContractDocument(tx, {
      customerId,
      productId,
      kind: 'order_confirmation',
      title: `Vertragsänderung ${product.contractNumber} (Fassung ${version})`,
      version: `${product.contractNumber}/${version}`,
      acceptedOn: onDay,
      fileId: await storeDocumentFile(tx, { sha256: sha256Hex(pdf), content: pdf }),
    });
    const change = await insertContractChange(tx, {
      customerId,
      productId,
      version,
      effectiveDate: body.effectiveDate,
      priceCents: after.priceCents,
      billingInterval: after.billingInterval,
      minimumTermMonths: after.minimumTermMonths,
      noticePeriodMonths: after.noticePeriodMonths,
      renewalMonths: after.renewalMonths,
      previous: {
        priceCents: product.priceCents,
        billingInterval: product.billingInterval,
        minimumTermMonths: product.minimumTermMonths,
        noticePeriodMonths: product.noticePeriodMonths,
        renewalMonths: product.renewalMonths,
      },
      reason: body.reason,
      documentId: document.id,
      createdBy: staffUserId,
    });
    if (body.effectiveDate <= onDay) await applyContractChange(tx, change, now);
    const contact = await findCustomerContact(tx, customerId);
    if (contact) {
      await sendContractChangeNotice(tx, customerId, contact, {
        before: product,
        after,
        effectiveDate: body.effectiveDate,
        reason: body.reason,
      });
    }
    return { change, before: termsOf(product), customerId };
  });
}

/**
 * The provider ends a running contract on a day of its choosing (today or later). It is recorded
 * as the contract's cancellation by the provider, ordinary when the terms allow that day, else
 * extraordinary; the customer is told by e-mail and sees it in Produkte.
 */
export async function endContract(db: Database, productId: string, body: TEndContractBody, now = new Date()) {
  const { customerId } = await ownerOf(db, productId);
  const onDay = today(now);
  if (body.endDate < onDay) refuseDateInPast('endDate');
  return db.transaction(async (tx) => {
    const product = await lockCustomerProduct(tx, customerId, productId);
    if (!product) throw AppError.notFound('contract');
    if (product.status !== 'active') {
      throw new AppError('conflict', 'This contract has already been cancelled or has ended.');
    }
    if (body.endDate < product.startDate) refuseDateInPast('endDate');
    const ordinary = body.endDate >= earliestEndDate(termsOf(product), onDay);
    const row = await insertCancellation(tx, {
      customerId,
      productId,
      type: ordinary ? 'ordinary' : 'extraordinary',
      reason: body.reason,
      requestedEndDate: body.endDate,
      effectiveDate: body.endDate,
      channel: 'provider',
      receivedAt: now,
    });
    if (!row) throw new AppError('conflict', 'This contract has already been cancelled or has ended.');
    await setProductStatus(tx, customerId, productId, 'cancellation_pending');
    const contact = await findCustomerContact(tx, customerId);
    if (contact) await sendContractEndNotice(tx, customerId, contact, product, body);
    await publishEvent(tx, customerId, 'contract.cancelled', {
      productId,
      contractNumber: product.contractNumber,
      cancellationId: row.id,
      type: row.type,
      effectiveDate: row.effectiveDate,
    });
    return { customerId, cancellationId: row.id };
  });
}

/** The hourly job: contracts take the terms of changes whose day has come. Idempotent. */
export async function applyDueContractChanges(db: Database, now = new Date()) {
  return db.transaction(async (tx) => {
    const due = await lockDueContractChanges(tx, today(now));
    for (const change of due) {
      const product = await lockCustomerProduct(tx, change.customerId, change.productId);
      if (product) await applyContractChange(tx, change, now);
    }
    return due.length;
  });
}
