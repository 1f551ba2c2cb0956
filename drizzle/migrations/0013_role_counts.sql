ALTER TABLE "xero_sync_states" ADD COLUMN "active_customers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "xero_sync_states" ADD COLUMN "stored_customers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "xero_sync_states" ADD COLUMN "active_suppliers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "xero_sync_states" ADD COLUMN "stored_suppliers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Organisations mirrored already get their counts now rather than at their next change. What a list can
-- show is counted: a contact under a GDPR request never is.
UPDATE "xero_sync_states" AS "state" SET
  "stored_count" = "counted"."stored",
  "active_customers" = "counted"."active_customers",
  "stored_customers" = "counted"."stored_customers",
  "active_suppliers" = "counted"."active_suppliers",
  "stored_suppliers" = "counted"."stored_suppliers"
FROM (
  SELECT
    "tenant_id",
    count(*) FILTER (WHERE "status" IN ('ACTIVE', 'ARCHIVED')) AS "stored",
    count(*) FILTER (WHERE "status" = 'ACTIVE' AND "is_customer") AS "active_customers",
    count(*) FILTER (WHERE "status" IN ('ACTIVE', 'ARCHIVED') AND "is_customer") AS "stored_customers",
    count(*) FILTER (WHERE "status" = 'ACTIVE' AND "is_supplier") AS "active_suppliers",
    count(*) FILTER (WHERE "status" IN ('ACTIVE', 'ARCHIVED') AND "is_supplier") AS "stored_suppliers"
  FROM "xero_mirror_contacts"
  GROUP BY "tenant_id"
) AS "counted"
WHERE "state"."tenant_id" = "counted"."tenant_id";
