CREATE TYPE "public"."customer_type" AS ENUM('consumer', 'business');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "customer_type" "customer_type";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "vat_id_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "vat_id_verified_by" uuid;--> statement-breakpoint
UPDATE "users" SET "customer_type" = 'business' WHERE "role" = 'customer';--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_customer_type_for_customers" CHECK (("users"."role" = 'customer') = ("users"."customer_type" is not null));