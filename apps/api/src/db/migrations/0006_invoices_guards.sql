-- Rules the database enforces itself, whatever code writes to it.
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_cancels_invoice_id_fk" FOREIGN KEY ("cancels_invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict;
--> statement-breakpoint
-- An issued invoice never changes (§14 UStG): only its payment state may move on.
CREATE FUNCTION invoices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'state' - 'paid_at' - 'cancelled_at') IS DISTINCT FROM (to_jsonb(OLD) - 'state' - 'paid_at' - 'cancelled_at') THEN
    RAISE EXCEPTION 'issued invoice % cannot change', OLD.number USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.state <> 'open' AND NEW.state IS DISTINCT FROM OLD.state THEN
    RAISE EXCEPTION 'invoice % is already %', OLD.number, OLD.state USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoices_immutable BEFORE UPDATE ON "invoices" FOR EACH ROW EXECUTE FUNCTION invoices_immutable();
--> statement-breakpoint
CREATE FUNCTION invoice_lines_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'lines of an issued invoice cannot change' USING ERRCODE = 'check_violation';
END $$;
--> statement-breakpoint
-- A payment can only start on an open invoice; the invoice row is locked by the caller first.
CREATE FUNCTION payments_need_open_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM invoices WHERE id = NEW.invoice_id AND state = 'open' AND kind = 'invoice') THEN
    RAISE EXCEPTION 'invoice % is not open', NEW.invoice_id USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_need_open_invoice';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER payments_need_open_invoice BEFORE INSERT ON "payments" FOR EACH ROW EXECUTE FUNCTION payments_need_open_invoice();
--> statement-breakpoint
CREATE TRIGGER invoice_lines_immutable BEFORE UPDATE ON "invoice_lines" FOR EACH ROW EXECUTE FUNCTION invoice_lines_immutable();
