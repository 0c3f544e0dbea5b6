import { Migration } from '@mikro-orm/migrations';

export class Migration20261123101741 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "ipra_disability_group" as enum ('I', 'II', 'III', 'DISABLED_CHILD');`);
    this.addSql(
      `create type "ipra_section" as enum ('MEDICAL_REHABILITATION', 'RECONSTRUCTIVE_SURGERY', 'PROSTHETICS', 'SANATORIUM_TREATMENT', 'TECHNICAL_AIDS', 'PROFESSIONAL', 'PSYCHOLOGICAL_PEDAGOGICAL', 'SOCIAL');`,
    );
    this.addSql(`create type "ipra_measure_execution_status" as enum ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'NOT_DONE');`);
    this.addSql(`create type "mse_referral_purpose" as enum ('PRIMARY', 'RE_EXAMINATION');`);
    this.addSql(`create type "mse_referral_status" as enum ('PREPARED', 'SENT', 'EXAMINED', 'RETURNED', 'CANCELLED');`);
    this.addSql(`create type "rehabilitation_course_status" as enum ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'INTERRUPTED');`);
    this.addSql(
      `create table "audit_record" ("id" uuid not null, "at" timestamptz not null default now(), "subgraph" varchar(64) not null, "request_id" uuid not null, "subject" text not null, "role" varchar(32) not null, "organization_id" text null, "action" varchar(16) not null, "operation" text not null, "person_ids" text[] not null, "reason" text null, constraint "audit_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_record_person_ids_index" on "audit_record" using gin ("person_ids");`);

    this.addSql(
      `create table "clinic_attachment" ("id" uuid not null, "person_id" uuid not null, "organization_id" uuid not null, "from_date" date not null, "to_date" date null, constraint "clinic_attachment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "clinic_attachment_person_id_index" on "clinic_attachment" ("person_id");`);
    this.addSql(`create index "clinic_attachment_organization_id_index" on "clinic_attachment" ("organization_id");`);

    this.addSql(
      `create table "ipra" ("id" uuid not null, "number" text not null, "person_id" uuid not null, "person_snils" text not null, "issued_on" date not null, "valid_until" date null, "disability_group" "ipra_disability_group" not null, "disability_cause" text not null, "mse_bureau_name" text not null, "registered_at" timestamptz not null, "registered_by" text not null, constraint "ipra_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "ipra" add constraint "ipra_number_unique" unique ("number");`);
    this.addSql(`create index "ipra_person_id_index" on "ipra" ("person_id");`);
    this.addSql(`create index "ipra_person_snils_index" on "ipra" ("person_snils");`);

    this.addSql(
      `create table "ipra_measure" ("id" uuid not null, "ipra_id" uuid not null, "person_id" uuid not null, "section" "ipra_section" not null, "title" text not null, "period_from" date not null, "period_to" date not null, "executor_agency" text null, "executor_organization_id" uuid null, "aid_code" text null, "aid_name" text null, "queued_for_own_aid" boolean null, "execution_status" "ipra_measure_execution_status" not null default 'NOT_STARTED', "execution_reported_on" date null, "not_done_reason" text null, constraint "ipra_measure_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "ipra_measure_ipra_id_index" on "ipra_measure" ("ipra_id");`);
    this.addSql(`create index "ipra_measure_person_id_index" on "ipra_measure" ("person_id");`);
    this.addSql(`create index "ipra_measure_executor_organization_id_index" on "ipra_measure" ("executor_organization_id");`);

    this.addSql(
      `create table "mse_referral" ("id" uuid not null, "person_id" uuid not null, "organization_id" uuid not null, "referred_on" date not null, "purpose" "mse_referral_purpose" not null, "status" "mse_referral_status" not null, "due_on" date null, "examined_on" date null, "next_re_examination_on" date null, constraint "mse_referral_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "mse_referral_person_id_index" on "mse_referral" ("person_id");`);
    this.addSql(`create index "mse_referral_organization_id_index" on "mse_referral" ("organization_id");`);

    this.addSql(
      `create table "rehabilitation_course" ("id" uuid not null, "person_id" uuid not null, "organization_id" uuid not null, "title" text not null, "from_date" date not null, "to_date" date not null, "status" "rehabilitation_course_status" not null, "ipra_measure_id" uuid null, constraint "rehabilitation_course_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "rehabilitation_course_person_id_index" on "rehabilitation_course" ("person_id");`);
    this.addSql(`create index "rehabilitation_course_organization_id_index" on "rehabilitation_course" ("organization_id");`);
    this.addSql(`create index "rehabilitation_course_ipra_measure_id_index" on "rehabilitation_course" ("ipra_measure_id");`);

    this.addSql(
      `create table "signal_outbox" ("id" uuid not null, "idempotency_key" text not null, "payload" jsonb not null, "person_id" uuid null, "created_at" timestamptz not null, "sent_at" timestamptz null, "signal_id" text null, "attempts" int not null default 0, "last_attempt_at" timestamptz null, "last_error" text null, constraint "signal_outbox_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "signal_outbox" add constraint "signal_outbox_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "signal_outbox_person_id_index" on "signal_outbox" ("person_id");`);
    this.addSql(`create index "signal_outbox_sent_at_created_at_index" on "signal_outbox" ("sent_at", "created_at");`);

    this.addSql(
      `alter table "ipra_measure" add constraint "ipra_measure_ipra_id_foreign" foreign key ("ipra_id") references "ipra" ("id") on update cascade on delete cascade;`,
    );
  }
}
