CREATE TYPE "public"."account_entry_kind" AS ENUM('overpayment', 'return_fee', 'dunning_fee');--> statement-breakpoint
CREATE TYPE "public"."bank_entry_direction" AS ENUM('credit', 'debit');--> statement-breakpoint
CREATE TYPE "public"."bank_entry_status" AS ENUM('matched', 'unmatched', 'assigned');--> statement-breakpoint
CREATE TYPE "public"."direct_debit_status" AS ENUM('announced', 'submitted', 'collected', 'returned', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."sepa_sequence_type" AS ENUM('FRST', 'RCUR');--> statement-breakpoint
CREATE TABLE "bank_statement_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"booking_date" date NOT NULL,
	"value_date" date,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"direction" "bank_entry_direction" NOT NULL,
	"reversal" text,
	"transaction_code" text,
	"remittance" text,
	"end_to_end_id" text,
	"payment_info_id" text,
	"counterparty_name" text,
	"counterparty_iban" text,
	"return_reason" text,
	"charges_cents" integer,
	"status" "bank_entry_status" NOT NULL,
	"unmatched_reason" text,
	"customer_id" uuid,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone,
	CONSTRAINT "bank_statement_entries_amount_positive" CHECK ("bank_statement_entries"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "bank_statement_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" text NOT NULL,
	"statement_id" text NOT NULL,
	"iban" text NOT NULL,
	"xml" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"entries" integer NOT NULL,
	"matched" integer NOT NULL,
	"unmatched" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_account_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" "account_entry_kind" NOT NULL,
	"amount_cents" integer NOT NULL,
	"invoice_id" uuid,
	"bank_entry_id" uuid,
	"booked_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_account_entries_not_zero" CHECK ("customer_account_entries"."amount_cents" <> 0)
);
--> statement-breakpoint
CREATE TABLE "direct_debit_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection_date" date NOT NULL,
	"message_id" text NOT NULL,
	"transaction_count" integer NOT NULL,
	"total_cents" bigint NOT NULL,
	"xml" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "direct_debit_runs_not_empty" CHECK ("direct_debit_runs"."transaction_count" > 0 and "direct_debit_runs"."total_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "direct_debits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"mandate_id" uuid NOT NULL,
	"mandate_reference" text NOT NULL,
	"mandate_signed_on" date NOT NULL,
	"account_holder" text NOT NULL,
	"iban" text NOT NULL,
	"bic" text,
	"amount_cents" integer NOT NULL,
	"collection_date" date NOT NULL,
	"status" "direct_debit_status" DEFAULT 'announced' NOT NULL,
	"run_id" uuid,
	"sequence_type" "sepa_sequence_type",
	"requested_collection_date" date,
	"payment_info_id" text,
	"end_to_end_id" text NOT NULL,
	"announced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"collected_on" date,
	"returned_on" date,
	"return_reason" text,
	"return_fee_cents" integer,
	"withdrawn_reason" text,
	CONSTRAINT "direct_debits_amount_positive" CHECK ("direct_debits"."amount_cents" > 0),
	CONSTRAINT "direct_debits_run_when_submitted" CHECK (("direct_debits"."run_id" is not null) = ("direct_debits"."status" in ('submitted', 'collected', 'returned')))
);
--> statement-breakpoint
CREATE TABLE "dunning_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"sent_on" date NOT NULL,
	"fee_cents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dunning_notices_level_range" CHECK ("dunning_notices"."level" between 1 and 9)
);
--> statement-breakpoint
CREATE TABLE "dunning_stops" (
	"invoice_id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mandate_suspensions" (
	"mandate_id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"suspended_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "payments_one_success";--> statement-breakpoint
ALTER TABLE "bank_statement_entries" ADD CONSTRAINT "bank_statement_entries_import_id_bank_statement_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."bank_statement_imports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statement_entries" ADD CONSTRAINT "bank_statement_entries_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_account_entries" ADD CONSTRAINT "customer_account_entries_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_account_entries" ADD CONSTRAINT "customer_account_entries_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_account_entries" ADD CONSTRAINT "customer_account_entries_bank_entry_id_bank_statement_entries_id_fk" FOREIGN KEY ("bank_entry_id") REFERENCES "public"."bank_statement_entries"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debits" ADD CONSTRAINT "direct_debits_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debits" ADD CONSTRAINT "direct_debits_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debits" ADD CONSTRAINT "direct_debits_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debits" ADD CONSTRAINT "direct_debits_mandate_id_sepa_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."sepa_mandates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debits" ADD CONSTRAINT "direct_debits_run_id_direct_debit_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."direct_debit_runs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_notices" ADD CONSTRAINT "dunning_notices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_notices" ADD CONSTRAINT "dunning_notices_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_stops" ADD CONSTRAINT "dunning_stops_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_stops" ADD CONSTRAINT "dunning_stops_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_suspensions" ADD CONSTRAINT "mandate_suspensions_mandate_id_sepa_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."sepa_mandates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_suspensions" ADD CONSTRAINT "mandate_suspensions_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statement_entries_reference_unique" ON "bank_statement_entries" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "bank_statement_entries_status_idx" ON "bank_statement_entries" USING btree ("status","booking_date");--> statement-breakpoint
CREATE INDEX "bank_statement_entries_customer_idx" ON "bank_statement_entries" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customer_account_entries_customer_idx" ON "customer_account_entries" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "direct_debit_runs_collection_date_unique" ON "direct_debit_runs" USING btree ("collection_date");--> statement-breakpoint
CREATE UNIQUE INDEX "direct_debit_runs_message_id_unique" ON "direct_debit_runs" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "direct_debits_one_run_per_invoice" ON "direct_debits" USING btree ("invoice_id") WHERE "direct_debits"."run_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "direct_debits_one_pending_per_invoice" ON "direct_debits" USING btree ("invoice_id") WHERE "direct_debits"."status" in ('announced', 'submitted');--> statement-breakpoint
CREATE UNIQUE INDEX "direct_debits_payment_unique" ON "direct_debits" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "direct_debits_end_to_end_unique" ON "direct_debits" USING btree ("end_to_end_id");--> statement-breakpoint
CREATE INDEX "direct_debits_due_idx" ON "direct_debits" USING btree ("status","collection_date");--> statement-breakpoint
CREATE INDEX "direct_debits_customer_idx" ON "direct_debits" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "direct_debits_mandate_idx" ON "direct_debits" USING btree ("mandate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_notices_level_unique" ON "dunning_notices" USING btree ("invoice_id","level");--> statement-breakpoint
CREATE INDEX "dunning_notices_customer_idx" ON "dunning_notices" USING btree ("customer_id");--> statement-breakpoint
-- A returned direct debit reopens a paid invoice (Rücklastschrift); everything else stays as in 0006.
CREATE OR REPLACE FUNCTION invoices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'state' - 'paid_at' - 'cancelled_at') IS DISTINCT FROM (to_jsonb(OLD) - 'state' - 'paid_at' - 'cancelled_at') THEN
    RAISE EXCEPTION 'issued invoice % cannot change', OLD.number USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.state <> 'open' AND NEW.state IS DISTINCT FROM OLD.state
     AND NOT (OLD.state = 'paid' AND NEW.state = 'open' AND NEW.paid_at IS NULL) THEN
    RAISE EXCEPTION 'invoice % is already %', OLD.number, OLD.state USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Replaces the index "one success per invoice": an invoice may be paid in parts, never beyond its total.
-- The caller locks the invoice row first, so concurrent payments of one invoice queue.
CREATE FUNCTION payments_within_invoice_total() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total integer;
  paid bigint;
BEGIN
  IF NEW.status <> 'succeeded' THEN
    RETURN NEW;
  END IF;
  SELECT gross_cents INTO total FROM invoices WHERE id = NEW.invoice_id;
  SELECT coalesce(sum(amount_cents), 0) INTO paid FROM payments
    WHERE invoice_id = NEW.invoice_id AND status = 'succeeded' AND id <> NEW.id;
  IF paid + NEW.amount_cents > total THEN
    RAISE EXCEPTION 'payments of invoice % would exceed its total', NEW.invoice_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_within_invoice_total';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER payments_within_invoice_total BEFORE INSERT OR UPDATE ON "payments" FOR EACH ROW EXECUTE FUNCTION payments_within_invoice_total();
--> statement-breakpoint
-- Direct debits were "collected" by the payment sandbox; the provider's bank collects them now
-- (pain.008 runs). Sandbox debits still waiting end here; the customer can pay again.
UPDATE "payments" SET "status" = 'failed', "failure_reason" = 'provider_debit_withdrawn', "settled_at" = now()
  WHERE "method" = 'sepa_debit' AND "status" IN ('pending', 'requires_action');
