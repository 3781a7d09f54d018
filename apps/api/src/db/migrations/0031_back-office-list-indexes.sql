-- The back office's searches in part of a name, company, e-mail, invoice number, subject or product
-- (ILIKE '%…%') use trigram indexes; embedded PGlite loads the same extension (db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "customers_created_id_idx" ON "customers" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_company_trgm_idx" ON "customers" USING gin ("company" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "invoices_open_issue_date_number_idx" ON "invoices" USING btree ("issue_date","number") WHERE "invoices"."state" = 'open';--> statement-breakpoint
CREATE INDEX "invoices_number_trgm_idx" ON "invoices" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customer_products_name_trgm_idx" ON "customer_products" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "staff_audit_events_customer_idx" ON "staff_audit_events" USING btree ("customer_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tickets_subject_trgm_idx" ON "tickets" USING gin ("subject" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_email_trgm_idx" ON "users" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_staff_name_idx" ON "users" USING btree ("name","id") WHERE "users"."role" = 'staff';