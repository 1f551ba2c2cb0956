ALTER TABLE "xero_sync_states" ADD COLUMN "active_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "xero_sync_states" ADD COLUMN "stored_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "xero_sync_states" ADD COLUMN "last_started_at" timestamp with time zone;