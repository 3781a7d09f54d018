ALTER TABLE "sepa_mandates" DROP CONSTRAINT "sepa_mandates_customer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sepa_mandates" ADD CONSTRAINT "sepa_mandates_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_emails_customer_idx" ON "outbox_emails" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_emails_created_at_idx" ON "outbox_emails" USING btree ("created_at");--> statement-breakpoint
-- Mails already in the outbox belong to the customer who had the address when they were sent.
UPDATE "outbox_emails" o SET "customer_id" = u."id" FROM "users" u WHERE u."role" = 'customer' AND lower(u."email") = lower(o."to_address");--> statement-breakpoint
-- Delivered mails forget the tokens of their links (same pattern as mail/redact.ts).
UPDATE "outbox_emails" SET "text_body" = regexp_replace("text_body", '([?&;]token=)[A-Za-z0-9_%-]+', '\1[entfernt]', 'g'), "html_body" = regexp_replace("html_body", '([?&;]token=)[A-Za-z0-9_%-]+', '\1[entfernt]', 'g') WHERE "sent_at" IS NOT NULL;
