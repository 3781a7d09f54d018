CREATE TYPE "public"."contract_document_kind" AS ENUM('order_confirmation', 'terms', 'sla', 'data_processing');--> statement-breakpoint
CREATE TYPE "public"."cancellation_channel" AS ENUM('portal', 'public_form');--> statement-breakpoint
CREATE TYPE "public"."cancellation_type" AS ENUM('ordinary', 'extraordinary');--> statement-breakpoint
CREATE TYPE "public"."public_cancellation_status" AS ENUM('applied', 'pending_review');--> statement-breakpoint
CREATE TYPE "public"."billing_interval" AS ENUM('monthly', 'quarterly', 'yearly');--> statement-breakpoint
CREATE TYPE "public"."product_kind" AS ENUM('colocation_unit', 'rack', 'cloud_server', 'backup_storage', 'cross_connect', 'ip_range');--> statement-breakpoint
CREATE TYPE "public"."product_status" AS ENUM('active', 'cancellation_pending', 'ended');--> statement-breakpoint
CREATE SEQUENCE "public"."contract_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1;--> statement-breakpoint
CREATE TABLE "contract_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"kind" "contract_document_kind" NOT NULL,
	"title" text NOT NULL,
	"version" text NOT NULL,
	"accepted_on" date NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"size_bytes" integer NOT NULL,
	"media_type" text DEFAULT 'application/pdf' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_files_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "product_cancellations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"type" "cancellation_type" NOT NULL,
	"reason" text,
	"requested_end_date" date,
	"effective_date" date NOT NULL,
	"channel" "cancellation_channel" NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_cancellation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"type" "cancellation_type" NOT NULL,
	"reason" text,
	"name" text NOT NULL,
	"customer_number" text,
	"email" text NOT NULL,
	"contract" text NOT NULL,
	"requested_end_date" date,
	"status" "public_cancellation_status" NOT NULL,
	"customer_id" uuid,
	"cancellation_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_cancellation_requests_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "customer_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"catalog_id" uuid NOT NULL,
	"contract_number" text NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"price_cents" integer NOT NULL,
	"billing_interval" "billing_interval" NOT NULL,
	"minimum_term_months" integer NOT NULL,
	"notice_period_months" integer NOT NULL,
	"renewal_months" integer NOT NULL,
	"status" "product_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_products_price_not_negative" CHECK ("customer_products"."price_cents" >= 0),
	CONSTRAINT "customer_products_terms_valid" CHECK ("customer_products"."minimum_term_months" >= 1 and "customer_products"."renewal_months" >= 1 and "customer_products"."notice_period_months" >= 0)
);
--> statement-breakpoint
CREATE TABLE "product_catalog" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sku" text NOT NULL,
	"kind" "product_kind" NOT NULL,
	"name" text NOT NULL,
	"specs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_catalog_sku_unique" UNIQUE("sku")
);
--> statement-breakpoint
ALTER TABLE "contract_documents" ADD CONSTRAINT "contract_documents_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_documents" ADD CONSTRAINT "contract_documents_product_id_customer_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."customer_products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_documents" ADD CONSTRAINT "contract_documents_file_id_document_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."document_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_cancellations" ADD CONSTRAINT "product_cancellations_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_cancellations" ADD CONSTRAINT "product_cancellations_product_id_customer_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."customer_products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_cancellation_requests" ADD CONSTRAINT "public_cancellation_requests_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_cancellation_requests" ADD CONSTRAINT "public_cancellation_requests_cancellation_id_product_cancellations_id_fk" FOREIGN KEY ("cancellation_id") REFERENCES "public"."product_cancellations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_products" ADD CONSTRAINT "customer_products_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_products" ADD CONSTRAINT "customer_products_catalog_id_product_catalog_id_fk" FOREIGN KEY ("catalog_id") REFERENCES "public"."product_catalog"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_documents_product_idx" ON "contract_documents" USING btree ("customer_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "product_cancellations_product_unique" ON "product_cancellations" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "product_cancellations_customer_idx" ON "product_cancellations" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "public_cancellation_requests_status_idx" ON "public_cancellation_requests" USING btree ("status","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_products_contract_number_unique" ON "customer_products" USING btree (upper("contract_number"));--> statement-breakpoint
CREATE INDEX "customer_products_customer_idx" ON "customer_products" USING btree ("customer_id","start_date");