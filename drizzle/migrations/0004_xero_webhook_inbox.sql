CREATE TABLE "xero_webhook_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"event_category" text NOT NULL,
	"event_type" text NOT NULL,
	"event_date_utc" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "xero_webhook_events_tenantId_resourceId_eventType_eventDateUtc_unique" UNIQUE("tenant_id","resource_id","event_type","event_date_utc")
);
--> statement-breakpoint
CREATE INDEX "xero_webhook_events_tenant_id_processed_at_index" ON "xero_webhook_events" USING btree ("tenant_id","processed_at");