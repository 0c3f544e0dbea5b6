import { Migration } from '@mikro-orm/migrations';

export class Migration20261123101210 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "early_help_program_status" as enum ('ACTIVE', 'COMPLETED', 'DISCONTINUED');`);
    this.addSql(
      `create type "early_help_service_kind" as enum ('FUNCTIONING_ASSESSMENT', 'DEVELOPMENT_SUPPORT', 'MOTOR_DEVELOPMENT', 'COMMUNICATION_AND_SPEECH', 'PARENT_CONSULTATION', 'PEER_GROUP_INCLUSION', 'HOME_VISIT');`,
    );
    this.addSql(`create type "early_help_session_status" as enum ('PLANNED', 'DONE', 'MISSED');`);
    this.addSql(`create type "education_level" as enum ('KINDERGARTEN', 'SCHOOL', 'COLLEGE');`);
    this.addSql(`create type "education_form" as enum ('REGULAR', 'INCLUSIVE_CLASS', 'SPECIAL_CLASS', 'HOME_SCHOOLING');`);
    this.addSql(
      `create type "adapted_program_kind" as enum ('GENERAL', 'DEAF', 'HARD_OF_HEARING', 'BLIND', 'VISUALLY_IMPAIRED', 'SEVERE_SPEECH_DISORDERS', 'MUSCULOSKELETAL_DISORDERS', 'DEVELOPMENTAL_DELAY', 'AUTISM_SPECTRUM', 'INTELLECTUAL_DISABILITY');`,
    );
    this.addSql(
      `create table "audit_record" ("id" uuid not null, "at" timestamptz not null default now(), "subgraph" varchar(64) not null, "request_id" uuid not null, "subject" text not null, "role" varchar(32) not null, "organization_id" text null, "action" varchar(16) not null, "operation" text not null, "person_ids" text[] not null, "reason" text null, constraint "audit_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_record_person_ids_index" on "audit_record" using gin ("person_ids");`);

    this.addSql(
      `create table "early_help_program" ("id" uuid not null, "person_id" uuid not null, "organization_id" uuid not null, "start_date" date not null, "end_date" date not null, "child_birth_date" date not null, "at_risk" boolean not null default false, "goals" text[] not null, "hours_per_month" int not null, "natural_life_situations" text[] not null, "status" "early_help_program_status" not null default 'ACTIVE', "idempotency_key" text null, constraint "early_help_program_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "early_help_program_person_id_index" on "early_help_program" ("person_id");`);
    this.addSql(`create index "early_help_program_organization_id_index" on "early_help_program" ("organization_id");`);
    this.addSql(`alter table "early_help_program" add constraint "early_help_program_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(
      `create table "early_help_session" ("id" uuid not null, "program_id" uuid not null, "person_id" uuid not null, "date" date not null, "service_kind" "early_help_service_kind" not null, "specialist_post" text not null, "status" "early_help_session_status" not null, "note" text null, "idempotency_key" text null, constraint "early_help_session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "early_help_session_program_id_index" on "early_help_session" ("program_id");`);
    this.addSql(`create index "early_help_session_person_id_index" on "early_help_session" ("person_id");`);
    this.addSql(`alter table "early_help_session" add constraint "early_help_session_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(
      `create table "enrolment" ("id" uuid not null, "person_id" uuid not null, "organization_id" uuid not null, "level" "education_level" not null, "form" "education_form" not null, "class_name" text null, "from_date" date not null, "to_date" date null, "pmpk_conclusion_id" uuid null, "idempotency_key" text null, constraint "enrolment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "enrolment_person_id_index" on "enrolment" ("person_id");`);
    this.addSql(`create index "enrolment_organization_id_index" on "enrolment" ("organization_id");`);
    this.addSql(`create index "enrolment_pmpk_conclusion_id_index" on "enrolment" ("pmpk_conclusion_id");`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(
      `create table "pmpk_conclusion" ("id" uuid not null, "person_id" uuid not null, "commission_organization_id" uuid not null, "number" text not null, "date" date not null, "recommended_program" "adapted_program_kind" not null, "conditions" text[] not null, "recommendations" text null, "valid_until" date not null, constraint "pmpk_conclusion_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "pmpk_conclusion_person_id_index" on "pmpk_conclusion" ("person_id");`);
    this.addSql(`create index "pmpk_conclusion_commission_organization_id_index" on "pmpk_conclusion" ("commission_organization_id");`);
    this.addSql(
      `alter table "pmpk_conclusion" add constraint "pmpk_conclusion_commission_organization_id_number_unique" unique ("commission_organization_id", "number");`,
    );

    this.addSql(
      `create table "provided_service" ("id" uuid not null, "territory_oktmo" varchar(11) not null, "service_kind" varchar(64) not null, "name" text not null, "organization_id" uuid null, "address" text null, "latitude" double precision null, "longitude" double precision null, "opening_hours" text null, "phone" text null, "capacity_total" int null, "capacity_used" int null, "unit" varchar(32) not null default 'places', constraint "provided_service_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "provided_service_territory_oktmo_index" on "provided_service" ("territory_oktmo");`);

    this.addSql(
      `create table "vocational_guidance" ("id" uuid not null, "person_id" uuid not null, "organization_id" uuid not null, "date" date not null, "birth_date" date not null, "recommendation" text not null, "idempotency_key" text null, constraint "vocational_guidance_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "vocational_guidance_person_id_index" on "vocational_guidance" ("person_id");`);
    this.addSql(`create index "vocational_guidance_organization_id_index" on "vocational_guidance" ("organization_id");`);
    this.addSql(
      `alter table "vocational_guidance" add constraint "vocational_guidance_idempotency_key_unique" unique ("idempotency_key");`,
    );
  }
}
