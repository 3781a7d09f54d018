CREATE TABLE "sepa_mandate_documents" (
	"mandate_id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"pdf" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sepa_mandate_documents" ADD CONSTRAINT "sepa_mandate_documents_mandate_id_sepa_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."sepa_mandates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
