CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"uscc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"level" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"role" text NOT NULL,
	"department_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"department_id" uuid,
	"subject_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "access_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"department_id" uuid,
	"subject_id" uuid,
	"data_kind" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"purpose" text NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"department_id" uuid,
	"ip" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_names" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"name" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_relations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"uscc" text,
	"org_code" text,
	"registration_no" text,
	"citizen_id_enc" text,
	"citizen_id_hash" text,
	"citizen_id_masked" text,
	"phone_enc" text,
	"address_enc" text,
	"address" text,
	"region_code" text,
	"identifier_flags" text[],
	"status" text DEFAULT 'active' NOT NULL,
	"established_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category_code" text NOT NULL,
	"kind" text NOT NULL,
	"nature" text NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"fields" jsonb NOT NULL,
	"document_number_field" text NOT NULL,
	"decision_date_field" text NOT NULL,
	"subject_name_field" text NOT NULL,
	"subject_identifier_field" text NOT NULL,
	"disclosure_scope" text NOT NULL,
	"default_severity" text NOT NULL,
	"disclosure_periods" jsonb NOT NULL,
	"repairable" boolean NOT NULL,
	"submitting_departments" jsonb,
	"subject_kinds" jsonb NOT NULL,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "catalog_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"note" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_versions_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "record_versions" (
	"record_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"catalog_item_id" uuid NOT NULL,
	"fields" jsonb NOT NULL,
	"raw" jsonb,
	"reason" text,
	"batch_id" uuid,
	"row_number" integer,
	"submitted_by" text NOT NULL,
	"submitter_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_versions_record_id_version_pk" PRIMARY KEY("record_id","version")
);
--> statement-breakpoint
CREATE TABLE "records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"catalog_item_id" uuid NOT NULL,
	"document_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"severity" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"region_code" text,
	"arrival_working_days" integer,
	"late" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingest_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"client_key" text,
	"mode" text NOT NULL,
	"source" text NOT NULL,
	"filename" text,
	"content_path" text,
	"format" text,
	"encoding" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"corrected" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"error_message" text,
	"submitted_by" text NOT NULL,
	"submitter_id" text,
	"submitter_kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ingest_errors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"field" text,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"raw" jsonb
);
--> statement-breakpoint
CREATE TABLE "quality_issues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"existing_name" text NOT NULL,
	"incoming_name" text NOT NULL,
	"department_id" uuid NOT NULL,
	"batch_id" uuid,
	"row_number" integer,
	"occurrences" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision" text,
	"decision_note" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"confirmed" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"change" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_state" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"department_id" uuid NOT NULL,
	"disclosed" boolean NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"ended_reason" text,
	"record_version" integer NOT NULL,
	"record_updated_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "list_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"list_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"state" text NOT NULL,
	"proposer_id" text NOT NULL,
	"reviewer_id" text,
	"evidence" jsonb NOT NULL,
	"reasons" text NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"notice" jsonb,
	"statement" jsonb,
	"decision" jsonb,
	"published_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"removal" jsonb,
	"ban" jsonb,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "list_entry_events" (
	"entry_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb,
	CONSTRAINT "list_entry_events_entry_id_seq_pk" PRIMARY KEY("entry_id","seq")
);
--> statement-breakpoint
CREATE TABLE "list_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"scope" text NOT NULL,
	"kind" text NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"criteria" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"validity_months" integer NOT NULL,
	"removal_conditions" text NOT NULL,
	"removal_procedure" text NOT NULL,
	"remedies" text NOT NULL,
	"statement_working_days" integer DEFAULT 5 NOT NULL,
	"decision_working_days" integer DEFAULT 15 NOT NULL,
	"public_comment" jsonb,
	"local_regulation" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_list_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"note" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_list_versions_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" integer NOT NULL,
	"kind" text NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"targets" jsonb NOT NULL,
	"implementing_departments" jsonb,
	"matter_types" jsonb,
	"degree" text NOT NULL,
	"scope" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"matter_code" text NOT NULL,
	"matter_case_id" text,
	"purpose" text NOT NULL,
	"result" jsonb NOT NULL,
	"treatment" text NOT NULL,
	"feedback_due" date,
	"feedback" jsonb,
	"feedback_at" timestamp with time zone,
	"flagged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_names" ADD CONSTRAINT "subject_names_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_relations" ADD CONSTRAINT "subject_relations_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_relations" ADD CONSTRAINT "subject_relations_person_id_subjects_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_version_id_catalog_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."catalog_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_version_id_measure_list_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."measure_list_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "departments_region_idx" ON "departments" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_department_idx" ON "users" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "access_log_subject_idx" ON "access_log" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "access_log_at_idx" ON "access_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_entries" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "subject_names_subject_idx" ON "subject_names" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "subject_relations_subject_idx" ON "subject_relations" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "subject_relations_person_idx" ON "subject_relations" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subjects_uscc_uq" ON "subjects" USING btree ("uscc") WHERE "subjects"."uscc" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "subjects_citizen_id_hash_uq" ON "subjects" USING btree ("citizen_id_hash") WHERE "subjects"."citizen_id_hash" is not null;--> statement-breakpoint
CREATE INDEX "subjects_name_trgm_idx" ON "subjects" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "subjects_kind_idx" ON "subjects" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_items_version_code_uq" ON "catalog_items" USING btree ("version_id","code");--> statement-breakpoint
CREATE INDEX "catalog_items_code_idx" ON "catalog_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "record_versions_subject_idx" ON "record_versions" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "records_idempotency_uq" ON "records" USING btree ("department_id","item_code","document_number");--> statement-breakpoint
CREATE INDEX "records_subject_idx" ON "records" USING btree ("subject_id","decision_date");--> statement-breakpoint
CREATE INDEX "records_item_date_idx" ON "records" USING btree ("item_code","decision_date");--> statement-breakpoint
CREATE INDEX "records_department_idx" ON "records" USING btree ("department_id","received_at");--> statement-breakpoint
CREATE INDEX "records_updated_idx" ON "records" USING btree ("updated_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ingest_batches_client_key_uq" ON "ingest_batches" USING btree ("department_id","client_key") WHERE "ingest_batches"."client_key" is not null;--> statement-breakpoint
CREATE INDEX "ingest_batches_department_idx" ON "ingest_batches" USING btree ("department_id","created_at");--> statement-breakpoint
CREATE INDEX "ingest_batches_status_idx" ON "ingest_batches" USING btree ("status");--> statement-breakpoint
CREATE INDEX "ingest_errors_batch_idx" ON "ingest_errors" USING btree ("batch_id","row_number");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_issues_pair_uq" ON "quality_issues" USING btree ("subject_id","incoming_name");--> statement-breakpoint
CREATE INDEX "quality_issues_open_idx" ON "quality_issues" USING btree ("status") WHERE "quality_issues"."status" = 'open';--> statement-breakpoint
CREATE INDEX "disclosure_changes_record_idx" ON "disclosure_changes" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "disclosure_state_subject_idx" ON "disclosure_state" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "disclosure_state_item_start_idx" ON "disclosure_state" USING btree ("item_code","start_date");--> statement-breakpoint
CREATE INDEX "disclosure_state_end_idx" ON "disclosure_state" USING btree ("end_date");--> statement-breakpoint
CREATE INDEX "disclosure_state_record_updated_idx" ON "disclosure_state" USING btree ("record_updated_at");--> statement-breakpoint
CREATE INDEX "list_entries_subject_idx" ON "list_entries" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "list_entries_kind_state_idx" ON "list_entries" USING btree ("list_kind","state");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_version_code_uq" ON "measures" USING btree ("version_id","code");--> statement-breakpoint
CREATE INDEX "measures_code_idx" ON "measures" USING btree ("code");--> statement-breakpoint
CREATE INDEX "checks_department_created_idx" ON "checks" USING btree ("department_id","created_at");--> statement-breakpoint
CREATE INDEX "checks_subject_idx" ON "checks" USING btree ("subject_id");