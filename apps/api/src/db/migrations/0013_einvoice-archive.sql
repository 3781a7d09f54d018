CREATE TYPE "public"."vat_treatment" AS ENUM('domestic', 'reverse_charge', 'eu_consumer', 'non_eu');--> statement-breakpoint
CREATE TYPE "public"."invoice_delivery" AS ENUM('email_pdf', 'email_pdf_xrechnung', 'portal');--> statement-breakpoint
ALTER TYPE "public"."invoice_kind" ADD VALUE 'correction';--> statement-breakpoint
ALTER TABLE "invoice_documents" ADD COLUMN "factur_x" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_documents" ADD COLUMN "xml" "bytea";--> statement-breakpoint
ALTER TABLE "invoice_documents" ADD COLUMN "xml_sha256" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "corrects_invoice_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "vat_treatment" "vat_treatment" DEFAULT 'domestic' NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "payment_means" jsonb;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "invoice_delivery" "invoice_delivery" DEFAULT 'email_pdf' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "invoice_email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "leitweg_id" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_correction_refers" CHECK (("invoices"."kind"::text = 'correction') = ("invoices"."corrects_invoice_id" is not null));--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_corrects_invoice_id_fk" FOREIGN KEY ("corrects_invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict;
--> statement-breakpoint
-- §147 AO, §14b UStG: an invoice and its documents are kept until the end of the eighth calendar
-- year after the year of issue (the same rule as modules/account/rules/retention.ts).
CREATE FUNCTION invoice_retained_until(issue_date date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT make_date(extract(year FROM issue_date)::int + 8, 12, 31)
$$;
--> statement-breakpoint
CREATE FUNCTION invoices_retained() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_date <= invoice_retained_until(OLD.issue_date) THEN
    RAISE EXCEPTION 'invoice % is retained until %', OLD.number, invoice_retained_until(OLD.issue_date) USING ERRCODE = 'check_violation';
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoices_retained BEFORE DELETE ON "invoices" FOR EACH ROW EXECUTE FUNCTION invoices_retained();
--> statement-breakpoint
-- Lines and archived documents go only with an invoice whose retention period has ended.
CREATE FUNCTION invoice_parts_retained() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  issued date;
BEGIN
  SELECT issue_date INTO issued FROM invoices WHERE id = OLD.invoice_id;
  IF issued IS NOT NULL AND current_date <= invoice_retained_until(issued) THEN
    RAISE EXCEPTION 'documents of invoice % are retained until %', OLD.invoice_id, invoice_retained_until(issued) USING ERRCODE = 'check_violation';
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_retained BEFORE DELETE ON "invoice_lines" FOR EACH ROW EXECUTE FUNCTION invoice_parts_retained();
--> statement-breakpoint
CREATE TRIGGER invoice_documents_retained BEFORE DELETE ON "invoice_documents" FOR EACH ROW EXECUTE FUNCTION invoice_parts_retained();
--> statement-breakpoint
-- Archived documents never change. The one exception: a PDF archived before e-invoicing gets its
-- XRechnung once (the back-fill), which sets `xml` from null and touches nothing else.
CREATE FUNCTION invoice_documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.xml IS NULL AND NEW.xml IS NOT NULL AND NEW.xml_sha256 IS NOT NULL
     AND (to_jsonb(NEW) - 'xml' - 'xml_sha256') = (to_jsonb(OLD) - 'xml' - 'xml_sha256') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'archived documents of invoice % cannot change', OLD.invoice_id USING ERRCODE = 'check_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER invoice_documents_immutable BEFORE UPDATE ON "invoice_documents" FOR EACH ROW EXECUTE FUNCTION invoice_documents_immutable();
--> statement-breakpoint
CREATE TABLE "outbox_email_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_email_attachments" ADD CONSTRAINT "outbox_email_attachments_email_id_outbox_emails_id_fk" FOREIGN KEY ("email_id") REFERENCES "public"."outbox_emails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
