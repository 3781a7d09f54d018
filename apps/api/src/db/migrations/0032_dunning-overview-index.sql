-- The dunning job and the back office's dunning overview read open invoices past their due date,
-- oldest due date first (ADR 0027-a); a partial index keeps the few open ones apart from every paid one.
CREATE INDEX "invoices_overdue_due_date_number_idx" ON "invoices" USING btree ("due_date","number") WHERE "invoices"."state" = 'open' and "invoices"."kind" = 'invoice';
