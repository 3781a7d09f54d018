import { date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CustomerId } from '../../modules/customers/customer-id';
import { bytea } from './columns';
import { customers } from './customers';
import { customerProducts } from './products';

export const contractDocumentKind = pgEnum('contract_document_kind', [
  'order_confirmation',
  'terms',
  'sla',
  'data_processing',
]);

/** The bytes of a document, stored once: identical general terms are shared by every contract. */
export const documentFiles = pgTable('document_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  sha256: text('sha256').notNull().unique(),
  content: bytea('content').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  mediaType: text('media_type').notNull().default('application/pdf'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A document of one contract, in the version the customer accepted. */
export const contractDocuments = pgTable(
  'contract_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => customerProducts.id, { onDelete: 'restrict' }),
    kind: contractDocumentKind('kind').notNull(),
    title: text('title').notNull(),
    version: text('version').notNull(),
    acceptedOn: date('accepted_on', { mode: 'string' }).notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => documentFiles.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('contract_documents_product_idx').on(table.customerId, table.productId)],
);

export type ContractDocumentRow = typeof contractDocuments.$inferSelect;
