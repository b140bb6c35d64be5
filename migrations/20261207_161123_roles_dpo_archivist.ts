import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_accounts_roles" ADD VALUE 'data-protection-officer';
  ALTER TYPE "public"."enum_accounts_roles" ADD VALUE 'archivist';
  ALTER TYPE "public"."enum_role_requests_roles" ADD VALUE 'data-protection-officer';
  ALTER TYPE "public"."enum_role_requests_roles" ADD VALUE 'archivist';
  ALTER TYPE "public"."enum_role_requests_previous_roles" ADD VALUE 'data-protection-officer';
  ALTER TYPE "public"."enum_role_requests_previous_roles" ADD VALUE 'archivist';
  ALTER TYPE "public"."enum_role_requests_approver_roles" ADD VALUE 'data-protection-officer';
  ALTER TYPE "public"."enum_role_requests_approver_roles" ADD VALUE 'archivist';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "accounts_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_accounts_roles";
  CREATE TYPE "public"."enum_accounts_roles" AS ENUM('staff', 'unit-hr', 'unit-head', 'ministry-hr', 'auditor', 'sysadmin');
  ALTER TABLE "accounts_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_accounts_roles" USING "value"::"public"."enum_accounts_roles";
  ALTER TABLE "role_requests_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_role_requests_roles";
  CREATE TYPE "public"."enum_role_requests_roles" AS ENUM('staff', 'unit-hr', 'unit-head', 'ministry-hr', 'auditor', 'sysadmin');
  ALTER TABLE "role_requests_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_role_requests_roles" USING "value"::"public"."enum_role_requests_roles";
  ALTER TABLE "role_requests_previous_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_role_requests_previous_roles";
  CREATE TYPE "public"."enum_role_requests_previous_roles" AS ENUM('staff', 'unit-hr', 'unit-head', 'ministry-hr', 'auditor', 'sysadmin');
  ALTER TABLE "role_requests_previous_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_role_requests_previous_roles" USING "value"::"public"."enum_role_requests_previous_roles";
  ALTER TABLE "role_requests_approver_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_role_requests_approver_roles";
  CREATE TYPE "public"."enum_role_requests_approver_roles" AS ENUM('staff', 'unit-hr', 'unit-head', 'ministry-hr', 'auditor', 'sysadmin');
  ALTER TABLE "role_requests_approver_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_role_requests_approver_roles" USING "value"::"public"."enum_role_requests_approver_roles";`)
}
