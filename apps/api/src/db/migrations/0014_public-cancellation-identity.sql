ALTER TYPE "public"."cancellation_channel" ADD VALUE 'letter';--> statement-breakpoint
ALTER TYPE "public"."cancellation_channel" ADD VALUE 'email';--> statement-breakpoint
ALTER TYPE "public"."public_cancellation_status" ADD VALUE 'received';--> statement-breakpoint
ALTER TYPE "public"."public_cancellation_status" ADD VALUE 'rejected';--> statement-breakpoint
ALTER TABLE "public_cancellation_requests" ADD COLUMN "receipt_sent" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "public_cancellation_requests" ADD COLUMN "product_id" uuid;--> statement-breakpoint
ALTER TABLE "public_cancellation_requests" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "public_cancellation_requests" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "public_cancellation_requests" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "public_cancellation_requests" ADD CONSTRAINT "public_cancellation_requests_product_id_customer_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."customer_products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_cancellation_requests" ADD CONSTRAINT "public_cancellation_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Declarations applied before this change name the contract they cancelled.
UPDATE "public_cancellation_requests" AS r SET "product_id" = c."product_id"
FROM "product_cancellations" AS c WHERE c."id" = r."cancellation_id";
