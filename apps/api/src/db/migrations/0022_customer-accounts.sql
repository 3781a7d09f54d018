CREATE TYPE "public"."member_role" AS ENUM('owner', 'billing', 'technical', 'readonly');--> statement-breakpoint
CREATE TABLE "customer_members" (
	"customer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "member_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_members_customer_id_user_id_pk" PRIMARY KEY("customer_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_number" text NOT NULL,
	"customer_type" "customer_type" NOT NULL,
	"name" text NOT NULL,
	"company" text,
	"street" text,
	"postal_code" text,
	"city" text,
	"country" text,
	"phone" text,
	"vat_id" text,
	"vat_id_verified_at" timestamp with time zone,
	"vat_id_verified_by" uuid,
	"invoice_delivery" "invoice_delivery" DEFAULT 'email_pdf' NOT NULL,
	"invoice_email" text,
	"leitweg_id" text,
	"mfa_required" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
-- Data (ADR 0020): every customer user becomes a customer account with the SAME id, and its
-- owner; foreign keys that named the user as the customer stay valid as they are.
INSERT INTO "customers" ("id", "customer_number", "customer_type", "name", "company", "street", "postal_code", "city", "country", "phone", "vat_id", "vat_id_verified_at", "vat_id_verified_by", "invoice_delivery", "invoice_email", "leitweg_id", "created_at", "updated_at", "deleted_at")
SELECT "id", "customer_number", "customer_type", "name", "company", "street", "postal_code", "city", "country", "phone", "vat_id", "vat_id_verified_at", "vat_id_verified_by", "invoice_delivery", "invoice_email", "leitweg_id", "created_at", "updated_at", "deleted_at"
FROM "users" WHERE "role" = 'customer';--> statement-breakpoint
INSERT INTO "customer_members" ("customer_id", "user_id", "role", "created_at")
SELECT "id", "id", 'owner', "created_at" FROM "users" WHERE "role" = 'customer';--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_customer_type_for_customers";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_customer_number_for_customers";--> statement-breakpoint
ALTER TABLE "bank_statement_entries" DROP CONSTRAINT IF EXISTS "bank_statement_entries_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "customer_account_entries" DROP CONSTRAINT IF EXISTS "customer_account_entries_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "direct_debits" DROP CONSTRAINT IF EXISTS "direct_debits_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "dunning_notices" DROP CONSTRAINT IF EXISTS "dunning_notices_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "dunning_stops" DROP CONSTRAINT IF EXISTS "dunning_stops_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP CONSTRAINT IF EXISTS "idempotency_keys_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "mandate_suspensions" DROP CONSTRAINT IF EXISTS "mandate_suspensions_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "contract_documents" DROP CONSTRAINT IF EXISTS "contract_documents_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT IF EXISTS "invoices_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "outbox_emails" DROP CONSTRAINT IF EXISTS "outbox_emails_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "product_cancellations" DROP CONSTRAINT IF EXISTS "product_cancellations_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "public_cancellation_requests" DROP CONSTRAINT IF EXISTS "public_cancellation_requests_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "customer_products" DROP CONSTRAINT IF EXISTS "customer_products_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "sepa_mandate_documents" DROP CONSTRAINT IF EXISTS "sepa_mandate_documents_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "sepa_mandates" DROP CONSTRAINT IF EXISTS "sepa_mandates_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "tickets" DROP CONSTRAINT IF EXISTS "tickets_customer_id_users_id_fk";
--> statement-breakpoint
DROP INDEX "users_customer_number_unique";--> statement-breakpoint
ALTER TABLE "customer_members" ADD CONSTRAINT "customer_members_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_members" ADD CONSTRAINT "customer_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_members_user_unique" ON "customer_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "customer_members_customer_idx" ON "customer_members" USING btree ("customer_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_customer_number_unique" ON "customers" USING btree ("customer_number");--> statement-breakpoint
ALTER TABLE "bank_statement_entries" ADD CONSTRAINT "bank_statement_entries_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_account_entries" ADD CONSTRAINT "customer_account_entries_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debits" ADD CONSTRAINT "direct_debits_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_notices" ADD CONSTRAINT "dunning_notices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_stops" ADD CONSTRAINT "dunning_stops_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_suspensions" ADD CONSTRAINT "mandate_suspensions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_documents" ADD CONSTRAINT "contract_documents_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_cancellations" ADD CONSTRAINT "product_cancellations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_cancellation_requests" ADD CONSTRAINT "public_cancellation_requests_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_products" ADD CONSTRAINT "customer_products_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sepa_mandate_documents" ADD CONSTRAINT "sepa_mandate_documents_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sepa_mandates" ADD CONSTRAINT "sepa_mandates_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "customer_number";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "company";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "street";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "postal_code";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "city";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "country";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "phone";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "vat_id";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "customer_type";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "vat_id_verified_at";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "vat_id_verified_by";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "invoice_delivery";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "invoice_email";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "leitweg_id";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "deleted_at";