import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_staff_blood_type" AS ENUM('A', 'B', 'AB', 'O');
  CREATE TYPE "public"."enum_disciplines_sphere" AS ENUM('party', 'administrative', 'organisation');
  CREATE TYPE "public"."enum_family_members_side" AS ENUM('self', 'spouse');
  CREATE TYPE "public"."enum_codes_list" AS ENUM('ethnicity', 'religion', 'province', 'qualification', 'academic-title', 'academic-degree', 'political-theory', 'state-management', 'it-level', 'language-level', 'evaluation-rating', 'discipline-form', 'training-mode', 'blood-type', 'relation', 'training-kind', 'award-form');
  CREATE TYPE "public"."enum_ranks_kind" AS ENUM('ngach', 'cdnn');
  CREATE TYPE "public"."enum_ranks_group" AS ENUM('A3.1', 'A3.2', 'A2.1', 'A2.2', 'A1', 'A0', 'B', 'C1', 'C2', 'C3');
  CREATE TABLE "training_records" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"staff_id" integer NOT NULL,
  	"kind_id" integer NOT NULL,
  	"from_month" timestamp(3) with time zone NOT NULL,
  	"to_month" timestamp(3) with time zone,
  	"institution" varchar NOT NULL,
  	"major" varchar,
  	"mode_id" integer,
  	"qualification" varchar,
  	"language" varchar,
  	"score" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "work_history" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"staff_id" integer NOT NULL,
  	"from_month" timestamp(3) with time zone NOT NULL,
  	"to_month" timestamp(3) with time zone,
  	"position" varchar,
  	"organisation" varchar NOT NULL,
  	"decision_number" varchar,
  	"decision_date" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "salary_history" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"staff_id" integer NOT NULL,
  	"effective_date" timestamp(3) with time zone NOT NULL,
  	"end_date" timestamp(3) with time zone,
  	"rank_code" varchar NOT NULL,
  	"step" numeric NOT NULL,
  	"coefficient" numeric NOT NULL,
  	"percentage" numeric DEFAULT 100,
  	"job_position_salary" numeric,
  	"decision_number" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "allowance_history" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"staff_id" integer NOT NULL,
  	"from_month" timestamp(3) with time zone NOT NULL,
  	"to_month" timestamp(3) with time zone,
  	"kind" varchar NOT NULL,
  	"percentage" numeric,
  	"coefficient" numeric,
  	"mode" varchar,
  	"amount" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "awards" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"staff_id" integer NOT NULL,
  	"year" numeric NOT NULL,
  	"form_id" integer NOT NULL,
  	"content" varchar,
  	"decision_number" varchar,
  	"decided_by" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "evaluations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"staff_id" integer NOT NULL,
  	"year" numeric NOT NULL,
  	"rating_id" integer NOT NULL,
  	"emulation_title" varchar,
  	"comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "disciplines" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"staff_id" integer NOT NULL,
  	"from_date" timestamp(3) with time zone NOT NULL,
  	"to_date" timestamp(3) with time zone,
  	"form_id" integer NOT NULL,
  	"sphere" "enum_disciplines_sphere" DEFAULT 'administrative' NOT NULL,
  	"violation" varchar,
  	"decided_by" varchar,
  	"decision_number" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "family_members" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"staff_id" integer NOT NULL,
  	"side" "enum_family_members_side" DEFAULT 'self' NOT NULL,
  	"relation_id" integer NOT NULL,
  	"full_name" varchar NOT NULL,
  	"birth_year" numeric,
  	"details" varchar,
  	"sort_order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "photos" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "codes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"list" "enum_codes_list" NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"sort_order" numeric DEFAULT 0,
  	"rank" numeric,
  	"aliases" varchar,
  	"valid_from" timestamp(3) with time zone,
  	"valid_to" timestamp(3) with time zone,
  	"source" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ranks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"kind" "enum_ranks_kind" NOT NULL,
  	"group" "enum_ranks_group" NOT NULL,
  	"salary_table" varchar,
  	"coefficients" jsonb NOT NULL,
  	"valid_from" timestamp(3) with time zone,
  	"valid_to" timestamp(3) with time zone,
  	"source" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "units" ADD COLUMN "established_on" timestamp(3) with time zone;
  ALTER TABLE "units" ADD COLUMN "dissolved_on" timestamp(3) with time zone;
  ALTER TABLE "units" ADD COLUMN "path" varchar;
  ALTER TABLE "units" ADD COLUMN "depth" numeric;
  ALTER TABLE "staff" ADD COLUMN "national_personal_code" varchar;
  ALTER TABLE "staff" ADD COLUMN "other_names" varchar;
  ALTER TABLE "staff" ADD COLUMN "nationality" varchar DEFAULT 'Việt Nam';
  ALTER TABLE "staff" ADD COLUMN "birth_place" varchar;
  ALTER TABLE "staff" ADD COLUMN "hometown" varchar;
  ALTER TABLE "staff" ADD COLUMN "ethnicity_id" integer;
  ALTER TABLE "staff" ADD COLUMN "religion_id" integer;
  ALTER TABLE "staff" ADD COLUMN "family_background" varchar;
  ALTER TABLE "staff" ADD COLUMN "national_id" varchar;
  ALTER TABLE "staff" ADD COLUMN "national_id_issue_date" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "national_id_issue_place" varchar;
  ALTER TABLE "staff" ADD COLUMN "legacy_id_number" varchar;
  ALTER TABLE "staff" ADD COLUMN "passport_number" varchar;
  ALTER TABLE "staff" ADD COLUMN "tax_code" varchar;
  ALTER TABLE "staff" ADD COLUMN "social_insurance_number" varchar;
  ALTER TABLE "staff" ADD COLUMN "health_insurance_number" varchar;
  ALTER TABLE "staff" ADD COLUMN "permanent_address" varchar;
  ALTER TABLE "staff" ADD COLUMN "current_address" varchar;
  ALTER TABLE "staff" ADD COLUMN "phone" varchar;
  ALTER TABLE "staff" ADD COLUMN "email" varchar;
  ALTER TABLE "staff" ADD COLUMN "photo_id" integer;
  ALTER TABLE "staff" ADD COLUMN "job_before_recruitment" varchar;
  ALTER TABLE "staff" ADD COLUMN "recruitment_date" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "recruiting_agency" varchar;
  ALTER TABLE "staff" ADD COLUMN "current_agency_join_date" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "position" varchar;
  ALTER TABLE "staff" ADD COLUMN "position_appointed_date" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "position_reappointed_date" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "concurrent_positions" varchar;
  ALTER TABLE "staff" ADD COLUMN "planned_positions" varchar;
  ALTER TABLE "staff" ADD COLUMN "party_position" varchar;
  ALTER TABLE "staff" ADD COLUMN "party_concurrent_position" varchar;
  ALTER TABLE "staff" ADD COLUMN "main_duties" varchar;
  ALTER TABLE "staff" ADD COLUMN "strengths" varchar;
  ALTER TABLE "staff" ADD COLUMN "longest_job" varchar;
  ALTER TABLE "staff" ADD COLUMN "job_position" varchar;
  ALTER TABLE "staff" ADD COLUMN "job_position_code" varchar;
  ALTER TABLE "staff" ADD COLUMN "rank_id" integer;
  ALTER TABLE "staff" ADD COLUMN "rank_appointed_date" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "salary_step" numeric;
  ALTER TABLE "staff" ADD COLUMN "salary_coefficient" numeric;
  ALTER TABLE "staff" ADD COLUMN "salary_step_date" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "salary_percentage" numeric DEFAULT 100;
  ALTER TABLE "staff" ADD COLUMN "seniority_allowance_pct" numeric;
  ALTER TABLE "staff" ADD COLUMN "seniority_allowance_date" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "position_allowance" numeric;
  ALTER TABLE "staff" ADD COLUMN "concurrent_allowance" numeric;
  ALTER TABLE "staff" ADD COLUMN "other_allowances" varchar;
  ALTER TABLE "staff" ADD COLUMN "job_position_salary" numeric;
  ALTER TABLE "staff" ADD COLUMN "general_education" varchar;
  ALTER TABLE "staff" ADD COLUMN "highest_qualification_id" integer;
  ALTER TABLE "staff" ADD COLUMN "major" varchar;
  ALTER TABLE "staff" ADD COLUMN "academic_title_id" integer;
  ALTER TABLE "staff" ADD COLUMN "academic_degree_id" integer;
  ALTER TABLE "staff" ADD COLUMN "political_theory_id" integer;
  ALTER TABLE "staff" ADD COLUMN "state_management_id" integer;
  ALTER TABLE "staff" ADD COLUMN "foreign_languages" varchar;
  ALTER TABLE "staff" ADD COLUMN "it_level_id" integer;
  ALTER TABLE "staff" ADD COLUMN "party_join_date" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "party_official_date" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "socio_political_org_join_date" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "socio_political_org_details" varchar;
  ALTER TABLE "staff" ADD COLUMN "military_enlist_date" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "military_discharge_date" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "military_rank" varchar;
  ALTER TABLE "staff" ADD COLUMN "highest_state_title" varchar;
  ALTER TABLE "staff" ADD COLUMN "health_status" varchar;
  ALTER TABLE "staff" ADD COLUMN "height_cm" numeric;
  ALTER TABLE "staff" ADD COLUMN "weight_kg" numeric;
  ALTER TABLE "staff" ADD COLUMN "blood_type" "enum_staff_blood_type";
  ALTER TABLE "staff" ADD COLUMN "war_invalid_grade" varchar;
  ALTER TABLE "staff" ADD COLUMN "policy_family" varchar;
  ALTER TABLE "staff" ADD COLUMN "policy_group" varchar;
  ALTER TABLE "staff" ADD COLUMN "arrest_history" varchar;
  ALTER TABLE "staff" ADD COLUMN "old_regime_work" varchar;
  ALTER TABLE "staff" ADD COLUMN "foreign_org_relations" varchar;
  ALTER TABLE "staff" ADD COLUMN "relatives_abroad" varchar;
  ALTER TABLE "staff" ADD COLUMN "economy_income_salary" varchar;
  ALTER TABLE "staff" ADD COLUMN "economy_income_other" varchar;
  ALTER TABLE "staff" ADD COLUMN "economy_housing_allocated" varchar;
  ALTER TABLE "staff" ADD COLUMN "economy_housing_owned" varchar;
  ALTER TABLE "staff" ADD COLUMN "economy_land_allocated" varchar;
  ALTER TABLE "staff" ADD COLUMN "economy_land_owned" varchar;
  ALTER TABLE "staff" ADD COLUMN "economy_land_business" varchar;
  ALTER TABLE "staff" ADD COLUMN "management_comment" varchar;
  ALTER TABLE "staff" ADD COLUMN "search_name" varchar;
  ALTER TABLE "staff" ADD COLUMN "sort_name" varchar;
  ALTER TABLE "staff" ADD COLUMN "unit_path" varchar;
  ALTER TABLE "staff" ADD COLUMN "last_confirmed_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "training_records_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "work_history_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "salary_history_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "allowance_history_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "awards_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "evaluations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "disciplines_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "family_members_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "photos_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "codes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "ranks_id" integer;
  ALTER TABLE "training_records" ADD CONSTRAINT "training_records_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "training_records" ADD CONSTRAINT "training_records_kind_id_codes_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "training_records" ADD CONSTRAINT "training_records_mode_id_codes_id_fk" FOREIGN KEY ("mode_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "work_history" ADD CONSTRAINT "work_history_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "salary_history" ADD CONSTRAINT "salary_history_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "allowance_history" ADD CONSTRAINT "allowance_history_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "awards" ADD CONSTRAINT "awards_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "awards" ADD CONSTRAINT "awards_form_id_codes_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_rating_id_codes_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "disciplines" ADD CONSTRAINT "disciplines_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "disciplines" ADD CONSTRAINT "disciplines_form_id_codes_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "family_members" ADD CONSTRAINT "family_members_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "family_members" ADD CONSTRAINT "family_members_relation_id_codes_id_fk" FOREIGN KEY ("relation_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "training_records_staff_idx" ON "training_records" USING btree ("staff_id");
  CREATE INDEX "training_records_kind_idx" ON "training_records" USING btree ("kind_id");
  CREATE INDEX "training_records_mode_idx" ON "training_records" USING btree ("mode_id");
  CREATE INDEX "training_records_updated_at_idx" ON "training_records" USING btree ("updated_at");
  CREATE INDEX "training_records_created_at_idx" ON "training_records" USING btree ("created_at");
  CREATE INDEX "work_history_staff_idx" ON "work_history" USING btree ("staff_id");
  CREATE INDEX "work_history_updated_at_idx" ON "work_history" USING btree ("updated_at");
  CREATE INDEX "work_history_created_at_idx" ON "work_history" USING btree ("created_at");
  CREATE INDEX "salary_history_staff_idx" ON "salary_history" USING btree ("staff_id");
  CREATE INDEX "salary_history_updated_at_idx" ON "salary_history" USING btree ("updated_at");
  CREATE INDEX "salary_history_created_at_idx" ON "salary_history" USING btree ("created_at");
  CREATE INDEX "allowance_history_staff_idx" ON "allowance_history" USING btree ("staff_id");
  CREATE INDEX "allowance_history_updated_at_idx" ON "allowance_history" USING btree ("updated_at");
  CREATE INDEX "allowance_history_created_at_idx" ON "allowance_history" USING btree ("created_at");
  CREATE INDEX "awards_staff_idx" ON "awards" USING btree ("staff_id");
  CREATE INDEX "awards_form_idx" ON "awards" USING btree ("form_id");
  CREATE INDEX "awards_updated_at_idx" ON "awards" USING btree ("updated_at");
  CREATE INDEX "awards_created_at_idx" ON "awards" USING btree ("created_at");
  CREATE INDEX "evaluations_staff_idx" ON "evaluations" USING btree ("staff_id");
  CREATE INDEX "evaluations_rating_idx" ON "evaluations" USING btree ("rating_id");
  CREATE INDEX "evaluations_updated_at_idx" ON "evaluations" USING btree ("updated_at");
  CREATE INDEX "evaluations_created_at_idx" ON "evaluations" USING btree ("created_at");
  CREATE INDEX "disciplines_staff_idx" ON "disciplines" USING btree ("staff_id");
  CREATE INDEX "disciplines_form_idx" ON "disciplines" USING btree ("form_id");
  CREATE INDEX "disciplines_updated_at_idx" ON "disciplines" USING btree ("updated_at");
  CREATE INDEX "disciplines_created_at_idx" ON "disciplines" USING btree ("created_at");
  CREATE INDEX "family_members_staff_idx" ON "family_members" USING btree ("staff_id");
  CREATE INDEX "family_members_relation_idx" ON "family_members" USING btree ("relation_id");
  CREATE INDEX "family_members_updated_at_idx" ON "family_members" USING btree ("updated_at");
  CREATE INDEX "family_members_created_at_idx" ON "family_members" USING btree ("created_at");
  CREATE INDEX "photos_updated_at_idx" ON "photos" USING btree ("updated_at");
  CREATE INDEX "photos_created_at_idx" ON "photos" USING btree ("created_at");
  CREATE UNIQUE INDEX "photos_filename_idx" ON "photos" USING btree ("filename");
  CREATE INDEX "codes_list_idx" ON "codes" USING btree ("list");
  CREATE INDEX "codes_updated_at_idx" ON "codes" USING btree ("updated_at");
  CREATE INDEX "codes_created_at_idx" ON "codes" USING btree ("created_at");
  CREATE UNIQUE INDEX "list_code_idx" ON "codes" USING btree ("list","code");
  CREATE UNIQUE INDEX "ranks_code_idx" ON "ranks" USING btree ("code");
  CREATE INDEX "ranks_updated_at_idx" ON "ranks" USING btree ("updated_at");
  CREATE INDEX "ranks_created_at_idx" ON "ranks" USING btree ("created_at");
  ALTER TABLE "staff" ADD CONSTRAINT "staff_ethnicity_id_codes_id_fk" FOREIGN KEY ("ethnicity_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff" ADD CONSTRAINT "staff_religion_id_codes_id_fk" FOREIGN KEY ("religion_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff" ADD CONSTRAINT "staff_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff" ADD CONSTRAINT "staff_rank_id_ranks_id_fk" FOREIGN KEY ("rank_id") REFERENCES "public"."ranks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff" ADD CONSTRAINT "staff_highest_qualification_id_codes_id_fk" FOREIGN KEY ("highest_qualification_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff" ADD CONSTRAINT "staff_academic_title_id_codes_id_fk" FOREIGN KEY ("academic_title_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff" ADD CONSTRAINT "staff_academic_degree_id_codes_id_fk" FOREIGN KEY ("academic_degree_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff" ADD CONSTRAINT "staff_political_theory_id_codes_id_fk" FOREIGN KEY ("political_theory_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff" ADD CONSTRAINT "staff_state_management_id_codes_id_fk" FOREIGN KEY ("state_management_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff" ADD CONSTRAINT "staff_it_level_id_codes_id_fk" FOREIGN KEY ("it_level_id") REFERENCES "public"."codes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_training_records_fk" FOREIGN KEY ("training_records_id") REFERENCES "public"."training_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_work_history_fk" FOREIGN KEY ("work_history_id") REFERENCES "public"."work_history"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_salary_history_fk" FOREIGN KEY ("salary_history_id") REFERENCES "public"."salary_history"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_allowance_history_fk" FOREIGN KEY ("allowance_history_id") REFERENCES "public"."allowance_history"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_awards_fk" FOREIGN KEY ("awards_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_evaluations_fk" FOREIGN KEY ("evaluations_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_disciplines_fk" FOREIGN KEY ("disciplines_id") REFERENCES "public"."disciplines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_family_members_fk" FOREIGN KEY ("family_members_id") REFERENCES "public"."family_members"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_photos_fk" FOREIGN KEY ("photos_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_codes_fk" FOREIGN KEY ("codes_id") REFERENCES "public"."codes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ranks_fk" FOREIGN KEY ("ranks_id") REFERENCES "public"."ranks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "units_path_idx" ON "units" USING btree ("path");
  CREATE INDEX "staff_national_personal_code_idx" ON "staff" USING btree ("national_personal_code");
  CREATE INDEX "staff_birth_date_idx" ON "staff" USING btree ("birth_date");
  CREATE INDEX "staff_ethnicity_idx" ON "staff" USING btree ("ethnicity_id");
  CREATE INDEX "staff_religion_idx" ON "staff" USING btree ("religion_id");
  CREATE UNIQUE INDEX "staff_national_id_idx" ON "staff" USING btree ("national_id");
  CREATE INDEX "staff_photo_idx" ON "staff" USING btree ("photo_id");
  CREATE INDEX "staff_employment_type_idx" ON "staff" USING btree ("employment_type");
  CREATE INDEX "staff_position_idx" ON "staff" USING btree ("position");
  CREATE INDEX "staff_rank_idx" ON "staff" USING btree ("rank_id");
  CREATE INDEX "staff_highest_qualification_idx" ON "staff" USING btree ("highest_qualification_id");
  CREATE INDEX "staff_academic_title_idx" ON "staff" USING btree ("academic_title_id");
  CREATE INDEX "staff_academic_degree_idx" ON "staff" USING btree ("academic_degree_id");
  CREATE INDEX "staff_political_theory_idx" ON "staff" USING btree ("political_theory_id");
  CREATE INDEX "staff_state_management_idx" ON "staff" USING btree ("state_management_id");
  CREATE INDEX "staff_it_level_idx" ON "staff" USING btree ("it_level_id");
  CREATE INDEX "staff_search_name_idx" ON "staff" USING btree ("search_name");
  CREATE INDEX "payload_locked_documents_rels_training_records_id_idx" ON "payload_locked_documents_rels" USING btree ("training_records_id");
  CREATE INDEX "payload_locked_documents_rels_work_history_id_idx" ON "payload_locked_documents_rels" USING btree ("work_history_id");
  CREATE INDEX "payload_locked_documents_rels_salary_history_id_idx" ON "payload_locked_documents_rels" USING btree ("salary_history_id");
  CREATE INDEX "payload_locked_documents_rels_allowance_history_id_idx" ON "payload_locked_documents_rels" USING btree ("allowance_history_id");
  CREATE INDEX "payload_locked_documents_rels_awards_id_idx" ON "payload_locked_documents_rels" USING btree ("awards_id");
  CREATE INDEX "payload_locked_documents_rels_evaluations_id_idx" ON "payload_locked_documents_rels" USING btree ("evaluations_id");
  CREATE INDEX "payload_locked_documents_rels_disciplines_id_idx" ON "payload_locked_documents_rels" USING btree ("disciplines_id");
  CREATE INDEX "payload_locked_documents_rels_family_members_id_idx" ON "payload_locked_documents_rels" USING btree ("family_members_id");
  CREATE INDEX "payload_locked_documents_rels_photos_id_idx" ON "payload_locked_documents_rels" USING btree ("photos_id");
  CREATE INDEX "payload_locked_documents_rels_codes_id_idx" ON "payload_locked_documents_rels" USING btree ("codes_id");
  CREATE INDEX "payload_locked_documents_rels_ranks_id_idx" ON "payload_locked_documents_rels" USING btree ("ranks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "training_records" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "work_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "salary_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "allowance_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "awards" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "evaluations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "disciplines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "family_members" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "photos" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "codes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ranks" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "training_records" CASCADE;
  DROP TABLE "work_history" CASCADE;
  DROP TABLE "salary_history" CASCADE;
  DROP TABLE "allowance_history" CASCADE;
  DROP TABLE "awards" CASCADE;
  DROP TABLE "evaluations" CASCADE;
  DROP TABLE "disciplines" CASCADE;
  DROP TABLE "family_members" CASCADE;
  DROP TABLE "photos" CASCADE;
  DROP TABLE "codes" CASCADE;
  DROP TABLE "ranks" CASCADE;
  ALTER TABLE "staff" DROP CONSTRAINT "staff_ethnicity_id_codes_id_fk";
  
  ALTER TABLE "staff" DROP CONSTRAINT "staff_religion_id_codes_id_fk";
  
  ALTER TABLE "staff" DROP CONSTRAINT "staff_photo_id_photos_id_fk";
  
  ALTER TABLE "staff" DROP CONSTRAINT "staff_rank_id_ranks_id_fk";
  
  ALTER TABLE "staff" DROP CONSTRAINT "staff_highest_qualification_id_codes_id_fk";
  
  ALTER TABLE "staff" DROP CONSTRAINT "staff_academic_title_id_codes_id_fk";
  
  ALTER TABLE "staff" DROP CONSTRAINT "staff_academic_degree_id_codes_id_fk";
  
  ALTER TABLE "staff" DROP CONSTRAINT "staff_political_theory_id_codes_id_fk";
  
  ALTER TABLE "staff" DROP CONSTRAINT "staff_state_management_id_codes_id_fk";
  
  ALTER TABLE "staff" DROP CONSTRAINT "staff_it_level_id_codes_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_training_records_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_work_history_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_salary_history_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_allowance_history_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_awards_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_evaluations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_disciplines_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_family_members_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_photos_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_codes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_ranks_fk";
  
  DROP INDEX "units_path_idx";
  DROP INDEX "staff_national_personal_code_idx";
  DROP INDEX "staff_birth_date_idx";
  DROP INDEX "staff_ethnicity_idx";
  DROP INDEX "staff_religion_idx";
  DROP INDEX "staff_national_id_idx";
  DROP INDEX "staff_photo_idx";
  DROP INDEX "staff_employment_type_idx";
  DROP INDEX "staff_position_idx";
  DROP INDEX "staff_rank_idx";
  DROP INDEX "staff_highest_qualification_idx";
  DROP INDEX "staff_academic_title_idx";
  DROP INDEX "staff_academic_degree_idx";
  DROP INDEX "staff_political_theory_idx";
  DROP INDEX "staff_state_management_idx";
  DROP INDEX "staff_it_level_idx";
  DROP INDEX "staff_search_name_idx";
  DROP INDEX "payload_locked_documents_rels_training_records_id_idx";
  DROP INDEX "payload_locked_documents_rels_work_history_id_idx";
  DROP INDEX "payload_locked_documents_rels_salary_history_id_idx";
  DROP INDEX "payload_locked_documents_rels_allowance_history_id_idx";
  DROP INDEX "payload_locked_documents_rels_awards_id_idx";
  DROP INDEX "payload_locked_documents_rels_evaluations_id_idx";
  DROP INDEX "payload_locked_documents_rels_disciplines_id_idx";
  DROP INDEX "payload_locked_documents_rels_family_members_id_idx";
  DROP INDEX "payload_locked_documents_rels_photos_id_idx";
  DROP INDEX "payload_locked_documents_rels_codes_id_idx";
  DROP INDEX "payload_locked_documents_rels_ranks_id_idx";
  ALTER TABLE "units" DROP COLUMN "established_on";
  ALTER TABLE "units" DROP COLUMN "dissolved_on";
  ALTER TABLE "units" DROP COLUMN "path";
  ALTER TABLE "units" DROP COLUMN "depth";
  ALTER TABLE "staff" DROP COLUMN "national_personal_code";
  ALTER TABLE "staff" DROP COLUMN "other_names";
  ALTER TABLE "staff" DROP COLUMN "nationality";
  ALTER TABLE "staff" DROP COLUMN "birth_place";
  ALTER TABLE "staff" DROP COLUMN "hometown";
  ALTER TABLE "staff" DROP COLUMN "ethnicity_id";
  ALTER TABLE "staff" DROP COLUMN "religion_id";
  ALTER TABLE "staff" DROP COLUMN "family_background";
  ALTER TABLE "staff" DROP COLUMN "national_id";
  ALTER TABLE "staff" DROP COLUMN "national_id_issue_date";
  ALTER TABLE "staff" DROP COLUMN "national_id_issue_place";
  ALTER TABLE "staff" DROP COLUMN "legacy_id_number";
  ALTER TABLE "staff" DROP COLUMN "passport_number";
  ALTER TABLE "staff" DROP COLUMN "tax_code";
  ALTER TABLE "staff" DROP COLUMN "social_insurance_number";
  ALTER TABLE "staff" DROP COLUMN "health_insurance_number";
  ALTER TABLE "staff" DROP COLUMN "permanent_address";
  ALTER TABLE "staff" DROP COLUMN "current_address";
  ALTER TABLE "staff" DROP COLUMN "phone";
  ALTER TABLE "staff" DROP COLUMN "email";
  ALTER TABLE "staff" DROP COLUMN "photo_id";
  ALTER TABLE "staff" DROP COLUMN "job_before_recruitment";
  ALTER TABLE "staff" DROP COLUMN "recruitment_date";
  ALTER TABLE "staff" DROP COLUMN "recruiting_agency";
  ALTER TABLE "staff" DROP COLUMN "current_agency_join_date";
  ALTER TABLE "staff" DROP COLUMN "position";
  ALTER TABLE "staff" DROP COLUMN "position_appointed_date";
  ALTER TABLE "staff" DROP COLUMN "position_reappointed_date";
  ALTER TABLE "staff" DROP COLUMN "concurrent_positions";
  ALTER TABLE "staff" DROP COLUMN "planned_positions";
  ALTER TABLE "staff" DROP COLUMN "party_position";
  ALTER TABLE "staff" DROP COLUMN "party_concurrent_position";
  ALTER TABLE "staff" DROP COLUMN "main_duties";
  ALTER TABLE "staff" DROP COLUMN "strengths";
  ALTER TABLE "staff" DROP COLUMN "longest_job";
  ALTER TABLE "staff" DROP COLUMN "job_position";
  ALTER TABLE "staff" DROP COLUMN "job_position_code";
  ALTER TABLE "staff" DROP COLUMN "rank_id";
  ALTER TABLE "staff" DROP COLUMN "rank_appointed_date";
  ALTER TABLE "staff" DROP COLUMN "salary_step";
  ALTER TABLE "staff" DROP COLUMN "salary_coefficient";
  ALTER TABLE "staff" DROP COLUMN "salary_step_date";
  ALTER TABLE "staff" DROP COLUMN "salary_percentage";
  ALTER TABLE "staff" DROP COLUMN "seniority_allowance_pct";
  ALTER TABLE "staff" DROP COLUMN "seniority_allowance_date";
  ALTER TABLE "staff" DROP COLUMN "position_allowance";
  ALTER TABLE "staff" DROP COLUMN "concurrent_allowance";
  ALTER TABLE "staff" DROP COLUMN "other_allowances";
  ALTER TABLE "staff" DROP COLUMN "job_position_salary";
  ALTER TABLE "staff" DROP COLUMN "general_education";
  ALTER TABLE "staff" DROP COLUMN "highest_qualification_id";
  ALTER TABLE "staff" DROP COLUMN "major";
  ALTER TABLE "staff" DROP COLUMN "academic_title_id";
  ALTER TABLE "staff" DROP COLUMN "academic_degree_id";
  ALTER TABLE "staff" DROP COLUMN "political_theory_id";
  ALTER TABLE "staff" DROP COLUMN "state_management_id";
  ALTER TABLE "staff" DROP COLUMN "foreign_languages";
  ALTER TABLE "staff" DROP COLUMN "it_level_id";
  ALTER TABLE "staff" DROP COLUMN "party_join_date";
  ALTER TABLE "staff" DROP COLUMN "party_official_date";
  ALTER TABLE "staff" DROP COLUMN "socio_political_org_join_date";
  ALTER TABLE "staff" DROP COLUMN "socio_political_org_details";
  ALTER TABLE "staff" DROP COLUMN "military_enlist_date";
  ALTER TABLE "staff" DROP COLUMN "military_discharge_date";
  ALTER TABLE "staff" DROP COLUMN "military_rank";
  ALTER TABLE "staff" DROP COLUMN "highest_state_title";
  ALTER TABLE "staff" DROP COLUMN "health_status";
  ALTER TABLE "staff" DROP COLUMN "height_cm";
  ALTER TABLE "staff" DROP COLUMN "weight_kg";
  ALTER TABLE "staff" DROP COLUMN "blood_type";
  ALTER TABLE "staff" DROP COLUMN "war_invalid_grade";
  ALTER TABLE "staff" DROP COLUMN "policy_family";
  ALTER TABLE "staff" DROP COLUMN "policy_group";
  ALTER TABLE "staff" DROP COLUMN "arrest_history";
  ALTER TABLE "staff" DROP COLUMN "old_regime_work";
  ALTER TABLE "staff" DROP COLUMN "foreign_org_relations";
  ALTER TABLE "staff" DROP COLUMN "relatives_abroad";
  ALTER TABLE "staff" DROP COLUMN "economy_income_salary";
  ALTER TABLE "staff" DROP COLUMN "economy_income_other";
  ALTER TABLE "staff" DROP COLUMN "economy_housing_allocated";
  ALTER TABLE "staff" DROP COLUMN "economy_housing_owned";
  ALTER TABLE "staff" DROP COLUMN "economy_land_allocated";
  ALTER TABLE "staff" DROP COLUMN "economy_land_owned";
  ALTER TABLE "staff" DROP COLUMN "economy_land_business";
  ALTER TABLE "staff" DROP COLUMN "management_comment";
  ALTER TABLE "staff" DROP COLUMN "search_name";
  ALTER TABLE "staff" DROP COLUMN "sort_name";
  ALTER TABLE "staff" DROP COLUMN "unit_path";
  ALTER TABLE "staff" DROP COLUMN "last_confirmed_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "training_records_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "work_history_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "salary_history_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "allowance_history_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "awards_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "evaluations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "disciplines_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "family_members_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "photos_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "codes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "ranks_id";
  DROP TYPE "public"."enum_staff_blood_type";
  DROP TYPE "public"."enum_disciplines_sphere";
  DROP TYPE "public"."enum_family_members_side";
  DROP TYPE "public"."enum_codes_list";
  DROP TYPE "public"."enum_ranks_kind";
  DROP TYPE "public"."enum_ranks_group";`)
}
