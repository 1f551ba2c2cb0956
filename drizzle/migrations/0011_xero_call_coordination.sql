CREATE TABLE "xero_app_calls" (
	"client_id" text NOT NULL,
	"second" bigint NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "xero_app_calls_client_id_second_pk" PRIMARY KEY("client_id","second")
);
--> statement-breakpoint
CREATE TABLE "xero_call_slots" (
	"tenant_id" text NOT NULL,
	"slot" integer NOT NULL,
	"holder" text,
	"leased_until" timestamp with time zone,
	CONSTRAINT "xero_call_slots_tenant_id_slot_pk" PRIMARY KEY("tenant_id","slot")
);
--> statement-breakpoint
CREATE TABLE "xero_org_limits" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"recent_calls" timestamp with time zone[] DEFAULT '{}' NOT NULL,
	"day" date DEFAULT (now() at time zone 'utc')::date NOT NULL,
	"day_count" integer DEFAULT 0 NOT NULL,
	"wait_until" timestamp with time zone,
	"wait_problem" text
);
--> statement-breakpoint
CREATE TABLE "xero_refresh_claims" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"claim_id" text,
	"claimed_until" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "xero_refresh_claims" ADD CONSTRAINT "xero_refresh_claims_connection_id_xero_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."xero_connections"("id") ON DELETE cascade ON UPDATE no action;