ALTER TABLE "xero_mirror_contacts" drop column "name_key";--> statement-breakpoint
ALTER TABLE "xero_mirror_contacts" ADD COLUMN "name_key" text GENERATED ALWAYS AS (xero_fold(btrim(name))) STORED NOT NULL;--> statement-breakpoint
-- Dropping the column dropped its index too; drizzle-kit does not see that, so it is made again here.
CREATE INDEX "xero_mirror_contacts_name_idx" ON "xero_mirror_contacts" USING btree ("tenant_id","name_key","contact_id");
