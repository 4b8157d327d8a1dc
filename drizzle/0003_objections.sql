CREATE TABLE "objection_events" (
	"objection_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb,
	CONSTRAINT "objection_events_objection_id_seq_pk" PRIMARY KEY("objection_id","seq")
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"record_version" integer NOT NULL,
	"state" text NOT NULL,
	"applicant" jsonb NOT NULL,
	"reasons" text NOT NULL,
	"evidence" text,
	"submitted_on" date NOT NULL,
	"accept_due" date NOT NULL,
	"acceptance" jsonb,
	"verify_due" date,
	"extension" jsonb,
	"outcome" jsonb,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "objections_record_idx" ON "objections" USING btree ("record_id","state");--> statement-breakpoint
CREATE INDEX "objections_department_idx" ON "objections" USING btree ("department_id","state","updated_at");--> statement-breakpoint
CREATE INDEX "objections_subject_idx" ON "objections" USING btree ("subject_id");