import { Migration } from '@mikro-orm/migrations';

export class Migration20261123094750 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "calendar_day_kind" as enum ('holiday', 'working_weekend');`);
    this.addSql(
      `create type "measure_kind" as enum ('MEDICAL', 'PSYCHOLOGICAL', 'PEDAGOGICAL', 'LEGAL', 'SOCIAL', 'EMPLOYMENT', 'TECHNICAL_AID', 'SOCIAL_SERVICE', 'OTHER');`,
    );
    this.addSql(`create type "measure_status" as enum ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');`);
    this.addSql(`create type "sex" as enum ('FEMALE', 'MALE');`);
    this.addSql(`create type "contact_preference" as enum ('PHONE', 'EMAIL', 'HOME_VISIT', 'POST');`);
    this.addSql(`create type "disability_group" as enum ('I', 'II', 'III', 'DISABLED_CHILD');`);
    this.addSql(`create type "programme_kind" as enum ('SUPPORT_PROGRAM', 'SERVICE_PROGRAM');`);
    this.addSql(
      `create type "referral_status" as enum ('DRAFT', 'REQUESTED', 'ACCEPTED', 'REJECTED', 'CANCELLED', 'IN_PROGRESS', 'ON_HOLD', 'FAILED', 'COMPLETED');`,
    );
    this.addSql(
      `create type "signal_source" as enum ('IPRA_EXTRACT', 'ORGANIZATION_APPEAL', 'PERSONAL_APPEAL', 'HEALTH_INSTITUTION', 'HELPLINE');`,
    );
    this.addSql(
      `create type "support_stage" as enum ('IDENTIFIED', 'CONTACTED', 'NEEDS_ASSESSED', 'PROGRAMME_AGREED', 'IN_IMPLEMENTATION', 'CONCLUDED', 'DECLINED', 'STOPPED');`,
    );
    this.addSql(`create type "contact_method" as enum ('PHONE', 'HOME_VISIT', 'POSTAL_LETTER');`);
    this.addSql(`create type "organization_kind" as enum ('OPERATOR', 'CO_EXECUTOR', 'RESOURCE_CENTRE');`);
    this.addSql(
      `create type "family_relation" as enum ('PARENT', 'CHILD', 'SPOUSE', 'GUARDIAN', 'GRANDPARENT', 'SIBLING', 'SELF', 'OTHER');`,
    );
    this.addSql(
      `create table "audit_record" ("id" uuid not null, "at" timestamptz not null default now(), "subgraph" varchar(64) not null, "request_id" uuid not null, "subject" text not null, "role" varchar(32) not null, "organization_id" text null, "action" varchar(16) not null, "operation" text not null, "person_ids" text[] not null, "reason" text null, constraint "audit_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_record_person_ids_index" on "audit_record" using gin ("person_ids");`);

    this.addSql(
      `create table "calendar_day" ("date" date not null, "kind" "calendar_day_kind" not null, "note" text not null, "region" varchar(11) null, constraint "calendar_day_pkey" primary key ("date"));`,
    );

    this.addSql(
      `create table "measure" ("id" uuid not null, "programme_id" uuid not null, "case_id" uuid not null, "person_id" uuid not null, "kind" "measure_kind" not null, "title" text not null, "executing_organization_id" uuid not null, "executor_agency" varchar(64) not null, "planned_from" date not null, "planned_to" date not null, "status" "measure_status" not null default 'PLANNED', constraint "measure_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "measure_programme_id_index" on "measure" ("programme_id");`);
    this.addSql(`create index "measure_case_id_index" on "measure" ("case_id");`);
    this.addSql(`create index "measure_person_id_index" on "measure" ("person_id");`);
    this.addSql(`create index "measure_executing_organization_id_index" on "measure" ("executing_organization_id");`);

    this.addSql(
      `create table "person" ("id" uuid not null, "snils" varchar(11) not null, "last_name" text not null, "first_name" text not null, "patronymic" text null, "birth_date" date not null, "sex" "sex" not null, "phone" text null, "email" text null, "contact_preference" "contact_preference" null, "disability_group" "disability_group" null, "disability_since" date null, "disability_until" date null, "has_limited_health_capabilities" boolean not null default false, "is_at_risk" boolean not null default false, constraint "person_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "person" add constraint "person_snils_unique" unique ("snils");`);

    this.addSql(
      `create table "consent" ("id" uuid not null, "person_id" uuid not null, "agencies" text[] not null, "given_on" date not null, "expires_on" date null, "revoked_on" date null, "signed_by_person_id" uuid null, constraint "consent_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "consent_person_id_index" on "consent" ("person_id");`);

    this.addSql(
      `create table "programme" ("id" uuid not null, "case_id" uuid not null, "person_id" uuid not null, "kind" "programme_kind" not null, "agreed_on" date not null, "valid_from" date not null, "valid_until" date not null, constraint "programme_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "programme_case_id_index" on "programme" ("case_id");`);
    this.addSql(`create index "programme_person_id_index" on "programme" ("person_id");`);

    this.addSql(
      `create table "referral" ("id" uuid not null, "measure_id" uuid not null, "case_id" uuid not null, "person_id" uuid not null, "requester_organization_id" uuid not null, "executor_organization_id" uuid not null, "executor_agency" varchar(64) not null, "status" "referral_status" not null, "requested_on" date null, "answered_on" date null, "status_changed_on" date not null, "status_reason" text null, constraint "referral_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "referral_measure_id_index" on "referral" ("measure_id");`);
    this.addSql(`create index "referral_case_id_index" on "referral" ("case_id");`);
    this.addSql(`create index "referral_person_id_index" on "referral" ("person_id");`);
    this.addSql(`create index "referral_executor_organization_id_index" on "referral" ("executor_organization_id");`);

    this.addSql(
      `create table "signal" ("id" uuid not null, "idempotency_key" text not null, "submitted_by" text not null, "source" "signal_source" not null, "person_id" uuid null, "person_snils" varchar(11) null, "received_on" date not null, "summary" text not null, "submitting_organization_id" uuid null, "ipra_number" text null, "caller_anonymous" boolean not null default false, "call_number" text null, "called_at" timestamptz null, "caller_name" text null, "caller_category" text null, "caller_birth_year" smallint null, "result" text null, "service_code" text null, "support_case_id" uuid null, "created_at" timestamptz not null, constraint "signal_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "signal_person_id_index" on "signal" ("person_id");`);
    this.addSql(
      `alter table "signal" add constraint "signal_submitted_by_idempotency_key_unique" unique ("submitted_by", "idempotency_key");`,
    );

    this.addSql(
      `create table "social_contract" ("id" uuid not null, "person_id" uuid not null, "case_id" uuid null, "number" text null, "commission_decision_on" date not null, "signed_on" date not null, "valid_until" date not null, "adaptation_measures" text[] not null, "monitoring_dates" text[] not null, constraint "social_contract_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "social_contract_person_id_index" on "social_contract" ("person_id");`);

    this.addSql(
      `create table "stage_transition" ("id" uuid not null, "case_id" uuid not null, "person_id" uuid not null, "from_stage" "support_stage" null, "to_stage" "support_stage" not null, "by_subject" text not null, "by_role" varchar(32) not null, "on" date not null, "recorded_at" timestamptz not null, "reason" text null, "contact_method" "contact_method" null, constraint "stage_transition_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "stage_transition_case_id_index" on "stage_transition" ("case_id");`);
    this.addSql(`create index "stage_transition_person_id_index" on "stage_transition" ("person_id");`);

    this.addSql(
      `create table "support_agreement" ("id" uuid not null, "programme_id" uuid not null, "number" text null, "signed_on" date not null, "valid_from" date not null, "valid_until" date not null, constraint "support_agreement_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "support_agreement_programme_id_index" on "support_agreement" ("programme_id");`);

    this.addSql(
      `create table "support_case" ("id" uuid not null, "family_id" uuid null, "person_id" uuid not null, "stage" "support_stage" not null, "operator_organization_id" uuid null, "territory_oktmo" varchar(11) null, "coordinator_subject" text null, "coordinator_post" text null, "opened_on" date not null, "stage_entered_on" date not null, "appealed_on" date null, "signal_id" uuid null, "conclusion" text null, "closed_on" date null, constraint "support_case_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "support_case_family_id_index" on "support_case" ("family_id");`);
    this.addSql(`create index "support_case_person_id_index" on "support_case" ("person_id");`);
    this.addSql(
      `create index "support_case_operator_organization_id_stage_index" on "support_case" ("operator_organization_id", "stage");`,
    );

    this.addSql(
      `create table "territory" ("oktmo" varchar(11) not null, "name" text not null, "kind" varchar(32) not null, constraint "territory_pkey" primary key ("oktmo"));`,
    );

    this.addSql(
      `create table "organization" ("id" uuid not null, "code" varchar(64) not null, "name" text not null, "short_name" text null, "agency" varchar(64) not null, "kind" "organization_kind" not null, "territory_oktmo" varchar(11) not null, "postal_address" text null, "website" text null, "phone" text null, "email" text null, constraint "organization_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "organization" add constraint "organization_code_unique" unique ("code");`);

    this.addSql(
      `create table "family" ("id" uuid not null, "display_name" text not null, "territory_oktmo" varchar(11) not null, "social_district" text null, "address" text null, "operator_organization_id" uuid not null, constraint "family_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "family_operator_organization_id_index" on "family" ("operator_organization_id");`);

    this.addSql(
      `create table "family_member" ("id" uuid not null, "family_id" uuid not null, "person_id" uuid not null, "relation" "family_relation" not null, "is_legal_representative" boolean not null default false, constraint "family_member_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "family_member_family_id_index" on "family_member" ("family_id");`);
    this.addSql(`create index "family_member_person_id_index" on "family_member" ("person_id");`);

    this.addSql(
      `alter table "consent" add constraint "consent_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "organization" add constraint "organization_territory_oktmo_foreign" foreign key ("territory_oktmo") references "territory" ("oktmo") on update cascade;`,
    );

    this.addSql(
      `alter table "family" add constraint "family_territory_oktmo_foreign" foreign key ("territory_oktmo") references "territory" ("oktmo") on update cascade;`,
    );
    this.addSql(
      `alter table "family" add constraint "family_operator_organization_id_foreign" foreign key ("operator_organization_id") references "organization" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "family_member" add constraint "family_member_family_id_foreign" foreign key ("family_id") references "family" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "family_member" add constraint "family_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );
  }
}
