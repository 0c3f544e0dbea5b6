import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15 §2, intake: signals are routed to an operator organization's intake queue and leave it matched or closed
 * with a reason (seed 003 §15, seed 004 §1.12); attempts to reach the citizen are recorded (seed 003 §16–18).
 */
export class Migration20261204002000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "contact_outcome" as enum ('REACHED', 'NOT_REACHED', 'CANNOT_COME', 'REFUSED', 'SENT');`);
    this.addSql(
      `create type "signal_close_reason" as enum ('DUPLICATE', 'NOT_TARGET_CATEGORY', 'CONSULTATION_GIVEN', 'NOT_IDENTIFIABLE', 'OTHER_TERRITORY', 'CITIZEN_REFUSED', 'OTHER');`,
    );
    this.addSql(
      `create table "contact_attempt" ("id" uuid not null, "support_case_id" uuid not null, "person_id" uuid not null, "attempted_on" date not null, "method" "contact_method" not null, "outcome" "contact_outcome" not null, "note" text null, "recorded_by" text not null, "recorded_at" timestamptz not null, "idempotency_key" text null, constraint "contact_attempt_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "contact_attempt_support_case_id_index" on "contact_attempt" ("support_case_id");`);
    this.addSql(`create index "contact_attempt_person_id_index" on "contact_attempt" ("person_id");`);
    this.addSql(`alter table "contact_attempt" add constraint "contact_attempt_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(
      `alter table "signal" add column "territory_oktmo" varchar(11) null, add column "operator_organization_id" uuid null, add column "closed_on" date null, add column "close_reason" "signal_close_reason" null, add column "close_comment" text null, add column "handled_by" text null;`,
    );
    this.addSql(`create index "signal_territory_oktmo_index" on "signal" ("territory_oktmo");`);
    this.addSql(`create index "signal_operator_organization_id_index" on "signal" ("operator_organization_id");`);
    // Signals that already opened or joined a case belong to that case's operator and territory.
    this.addSql(
      `update "signal" s set "operator_organization_id" = c."operator_organization_id", "territory_oktmo" = c."territory_oktmo" from "support_case" c where s."support_case_id" = c."id";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "contact_attempt" cascade;`);
    this.addSql(`drop index "signal_territory_oktmo_index";`);
    this.addSql(`drop index "signal_operator_organization_id_index";`);
    this.addSql(
      `alter table "signal" drop column "territory_oktmo", drop column "operator_organization_id", drop column "closed_on", drop column "close_reason", drop column "close_comment", drop column "handled_by";`,
    );
    this.addSql(`drop type "contact_outcome";`);
    this.addSql(`drop type "signal_close_reason";`);
  }
}
