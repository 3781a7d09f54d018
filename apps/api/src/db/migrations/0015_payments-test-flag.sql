ALTER TABLE "payments" ADD COLUMN "test" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Until now the sandbox was the only provider: every card payment and direct debit went through it.
UPDATE "payments" SET "test" = true WHERE "method" IN ('card', 'sepa_debit');
