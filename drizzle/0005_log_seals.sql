CREATE TABLE "log_seals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"log" text NOT NULL,
	"after_id" uuid,
	"to_id" uuid NOT NULL,
	"rows" bigint NOT NULL,
	"digest" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "log_seals_log_idx" ON "log_seals" USING btree ("log","sealed_at");