ALTER TABLE "xero_auth_flows" DROP CONSTRAINT "xero_auth_flows_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "xero_connections" DROP CONSTRAINT "xero_connections_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "xero_settings" DROP CONSTRAINT "xero_settings_updated_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "xero_auth_flows" ADD COLUMN "session_hash" text DEFAULT '' NOT NULL;