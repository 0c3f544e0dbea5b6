import { Migration } from '@mikro-orm/migrations';

export class Migration20261123101158 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "job_seeker_status" as enum ('ACTIVE', 'PLACED', 'DEREGISTERED');`);
    this.addSql(`create type "social_contract_measure_status" as enum ('PLANNED', 'IN_PROGRESS', 'DONE', 'NOT_DONE');`);
    this.addSql(`create type "vocational_training_status" as enum ('ENROLLED', 'COMPLETED', 'DROPPED_OUT');`);
    this.addSql(
      `create table "audit_record" ("id" uuid not null, "at" timestamptz not null default now(), "subgraph" varchar(64) not null, "request_id" uuid not null, "subject" text not null, "role" varchar(32) not null, "organization_id" text null, "action" varchar(16) not null, "operation" text not null, "person_ids" text[] not null, "reason" text null, constraint "audit_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_record_person_ids_index" on "audit_record" using gin ("person_ids");`);

    this.addSql(
      `create table "job_placement" ("id" uuid not null, "person_id" uuid not null, "quota_job_id" uuid null, "employer_name" text not null, "position" text not null, "organization_id" uuid not null, "start_date" date not null, "end_date" date null, "special_measures" text[] not null, "with_cadre_centre" boolean not null default false, "idempotency_key" text null, constraint "job_placement_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "job_placement_person_id_index" on "job_placement" ("person_id");`);
    this.addSql(`create index "job_placement_quota_job_id_index" on "job_placement" ("quota_job_id");`);
    this.addSql(`create index "job_placement_organization_id_index" on "job_placement" ("organization_id");`);
    this.addSql(`alter table "job_placement" add constraint "job_placement_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(
      `create table "job_seeker_registration" ("id" uuid not null, "person_id" uuid not null, "organization_id" uuid not null, "registered_on" date not null, "status" "job_seeker_status" not null, "closed_on" date null, "idempotency_key" text null, constraint "job_seeker_registration_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "job_seeker_registration_person_id_index" on "job_seeker_registration" ("person_id");`);
    this.addSql(`create index "job_seeker_registration_organization_id_index" on "job_seeker_registration" ("organization_id");`);
    this.addSql(
      `alter table "job_seeker_registration" add constraint "job_seeker_registration_idempotency_key_unique" unique ("idempotency_key");`,
    );

    this.addSql(
      `create table "quota_job" ("id" uuid not null, "employer_name" text not null, "organization_id" uuid null, "territory_oktmo" varchar(11) not null, "profession" text not null, "quota" int not null, "filled" int not null default 0, "announced_on" date not null, constraint "quota_job_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "quota_job_organization_id_index" on "quota_job" ("organization_id");`);
    this.addSql(`create index "quota_job_territory_oktmo_index" on "quota_job" ("territory_oktmo");`);

    this.addSql(
      `create table "social_contract_employment_measure" ("id" uuid not null, "person_id" uuid not null, "contract_number" text not null, "measure" text not null, "organization_id" uuid not null, "start_date" date not null, "end_date" date not null, "status" "social_contract_measure_status" not null, "idempotency_key" text null, constraint "social_contract_employment_measure_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "social_contract_employment_measure_person_id_index" on "social_contract_employment_measure" ("person_id");`);
    this.addSql(
      `create index "social_contract_employment_measure_contract_number_index" on "social_contract_employment_measure" ("contract_number");`,
    );
    this.addSql(
      `create index "social_contract_employment_measure_organization_id_index" on "social_contract_employment_measure" ("organization_id");`,
    );
    this.addSql(
      `alter table "social_contract_employment_measure" add constraint "social_contract_employment_measure_idempotency_key_unique" unique ("idempotency_key");`,
    );

    this.addSql(
      `create table "social_employment" ("id" uuid not null, "person_id" uuid not null, "organization_id" uuid not null, "activity" text not null, "start_date" date not null, "end_date" date not null, "work_ability_limitation_degree" smallint not null, "ipra_number" text null, "idempotency_key" text null, constraint "social_employment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "social_employment_person_id_index" on "social_employment" ("person_id");`);
    this.addSql(`create index "social_employment_organization_id_index" on "social_employment" ("organization_id");`);
    this.addSql(`alter table "social_employment" add constraint "social_employment_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(
      `create table "vocational_training" ("id" uuid not null, "person_id" uuid not null, "programme" text not null, "organization_id" uuid not null, "start_date" date not null, "end_date" date not null, "status" "vocational_training_status" not null, "idempotency_key" text null, constraint "vocational_training_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "vocational_training_person_id_index" on "vocational_training" ("person_id");`);
    this.addSql(`create index "vocational_training_organization_id_index" on "vocational_training" ("organization_id");`);
    this.addSql(
      `alter table "vocational_training" add constraint "vocational_training_idempotency_key_unique" unique ("idempotency_key");`,
    );
  }
}
