import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15 §3–§4: the needs assessment of a case (seed 003 §16.3, §19; seed 004 §5.1.3) and the needs its measures
 * answer; the people responsible for a case: coordinator appointments with their history (seed 001 §3.3(3)), the
 * multidisciplinary team (seed 003 §32.2) and requests for remote consultations (seed 003 §32.1).
 */
export class Migration20261204003000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "team_role" as enum ('PSYCHOLOGIST', 'SOCIAL_PEDAGOGUE', 'SPEECH_THERAPIST', 'SOCIAL_WORK_SPECIALIST', 'LAWYER', 'REHABILITOLOGIST', 'SOCIAL_WORKER', 'NURSE', 'OTHER');`,
    );
    this.addSql(`create type "consultation_topic" as enum ('UPBRINGING', 'CARE', 'REHABILITATION');`);
    this.addSql(`create type "consultation_status" as enum ('REQUESTED', 'ACCEPTED', 'DONE', 'DECLINED', 'CANCELLED');`);
    this.addSql(`create type "coordinator_assignment_kind" as enum ('ASSIGNED', 'TRANSFERRED');`);
    this.addSql(`create type "living_conditions_act_kind" as enum ('MATERIAL_LIVING_CONDITIONS', 'SOCIAL_LIVING_CONDITIONS');`);
    this.addSql(
      `create table "case_team_member" ("id" uuid not null, "case_id" uuid not null, "organization_id" uuid not null, "agency" varchar(64) not null, "role" "team_role" not null, "post" text not null, "joined_on" date not null, "added_by_subject" text not null, "left_on" date null, "removed_by_subject" text null, "removal_reason" text null, "idempotency_key" text null, constraint "case_team_member_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "case_team_member_case_id_index" on "case_team_member" ("case_id");`);
    this.addSql(`alter table "case_team_member" add constraint "case_team_member_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(
      `create table "consultation_request" ("id" uuid not null, "case_id" uuid not null, "person_id" uuid not null, "consulting_organization_id" uuid not null, "topic" "consultation_topic" not null, "remote" boolean not null, "question" text not null, "requested_on" date not null, "requested_by_subject" text not null, "status" "consultation_status" not null default 'REQUESTED', "answered_on" date null, "consultation_on" date null, "answer" text null, "status_changed_on" date not null, "idempotency_key" text null, constraint "consultation_request_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "consultation_request_case_id_index" on "consultation_request" ("case_id");`);
    this.addSql(
      `create index "consultation_request_consulting_organization_id_index" on "consultation_request" ("consulting_organization_id");`,
    );
    this.addSql(
      `alter table "consultation_request" add constraint "consultation_request_idempotency_key_unique" unique ("idempotency_key");`,
    );

    this.addSql(
      `create table "coordinator_assignment" ("id" uuid not null, "case_id" uuid not null, "kind" "coordinator_assignment_kind" not null, "coordinator_subject" text not null, "coordinator_post" text null, "previous_coordinator_subject" text null, "assigned_on" date not null, "by_subject" text not null, "by_role" varchar(32) not null, "reason" text null, "recorded_at" timestamptz not null, "idempotency_key" text null, constraint "coordinator_assignment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "coordinator_assignment_case_id_index" on "coordinator_assignment" ("case_id");`);
    this.addSql(
      `alter table "coordinator_assignment" add constraint "coordinator_assignment_idempotency_key_unique" unique ("idempotency_key");`,
    );

    this.addSql(
      `create table "measure_need" ("measure_id" uuid not null, "need" varchar(32) not null, "case_id" uuid not null, constraint "measure_need_pkey" primary key ("measure_id", "need"));`,
    );
    this.addSql(`create index "measure_need_case_id_index" on "measure_need" ("case_id");`);

    this.addSql(
      `create table "needs_assessment" ("id" uuid not null, "case_id" uuid not null, "person_id" uuid not null, "meeting_on" date not null, "surveyed_on" date null, "findings" jsonb not null, "act_kind" "living_conditions_act_kind" null, "act_drawn_up_on" date null, "act_findings" text null, "recorded_by_subject" text not null, "recorded_at" timestamptz not null, "idempotency_key" text null, constraint "needs_assessment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "needs_assessment_case_id_index" on "needs_assessment" ("case_id");`);
    this.addSql(`create index "needs_assessment_person_id_index" on "needs_assessment" ("person_id");`);
    this.addSql(`alter table "needs_assessment" add constraint "needs_assessment_idempotency_key_unique" unique ("idempotency_key");`);

    // Cases appointed before the history was kept get their appointment as its first entry, dated by the first
    // move their coordinator made (or the opening), so every current coordinator appears in the history.
    this
      .addSql(`insert into "coordinator_assignment" ("id", "case_id", "kind", "coordinator_subject", "coordinator_post", "previous_coordinator_subject", "assigned_on", "by_subject", "by_role", "reason", "recorded_at")
      select gen_random_uuid(), c."id", 'ASSIGNED', c."coordinator_subject", c."coordinator_post", null,
        coalesce((select min(t."on") from "stage_transition" t where t."case_id" = c."id" and t."by_role" = 'COORDINATOR'), c."opened_on"),
        c."coordinator_subject", 'COORDINATOR', 'Назначение до ведения истории назначений', now()
      from "support_case" c where c."coordinator_subject" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "case_team_member" cascade;`);

    this.addSql(`drop table if exists "consultation_request" cascade;`);

    this.addSql(`drop table if exists "coordinator_assignment" cascade;`);

    this.addSql(`drop table if exists "measure_need" cascade;`);

    this.addSql(`drop table if exists "needs_assessment" cascade;`);

    this.addSql(`drop type "team_role";`);
    this.addSql(`drop type "consultation_topic";`);
    this.addSql(`drop type "consultation_status";`);
    this.addSql(`drop type "coordinator_assignment_kind";`);
    this.addSql(`drop type "living_conditions_act_kind";`);
  }
}
