ALTER TABLE "public_cancellation_requests" ADD COLUMN "language" text DEFAULT 'de' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" text DEFAULT 'de' NOT NULL;--> statement-breakpoint
ALTER TABLE "public_cancellation_requests" ADD CONSTRAINT "public_cancellation_requests_language_known" CHECK ("public_cancellation_requests"."language" in ('de', 'en'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_language_known" CHECK ("users"."language" in ('de', 'en'));