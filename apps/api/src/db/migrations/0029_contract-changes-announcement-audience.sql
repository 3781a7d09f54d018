ALTER TYPE "public"."cancellation_channel" ADD VALUE 'provider';--> statement-breakpoint
CREATE TABLE "contract_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_date" date NOT NULL,
	"price_cents" integer NOT NULL,
	"billing_interval" "billing_interval" NOT NULL,
	"minimum_term_months" integer NOT NULL,
	"notice_period_months" integer NOT NULL,
	"renewal_months" integer NOT NULL,
	"previous" jsonb NOT NULL,
	"reason" text NOT NULL,
	"document_id" uuid,
	"applied_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "announcements" ADD COLUMN "audience_category" "product_kind";--> statement-breakpoint
ALTER TABLE "contract_changes" ADD CONSTRAINT "contract_changes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_changes" ADD CONSTRAINT "contract_changes_product_id_customer_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."customer_products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_changes" ADD CONSTRAINT "contract_changes_document_id_contract_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."contract_documents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_changes" ADD CONSTRAINT "contract_changes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_changes_product_idx" ON "contract_changes" USING btree ("customer_id","product_id","version");--> statement-breakpoint
CREATE INDEX "contract_changes_due_idx" ON "contract_changes" USING btree ("effective_date") WHERE "contract_changes"."applied_at" is null;--> statement-breakpoint
CREATE INDEX "customer_products_start_idx" ON "customer_products" USING btree ("start_date","id");--> statement-breakpoint
CREATE INDEX "customer_products_status_start_idx" ON "customer_products" USING btree ("status","start_date","id");