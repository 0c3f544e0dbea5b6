import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15 §1: the executing organization's answer and the execution record. A measure's volume and periodicity
 * (seed 003 §8.17–18), and one row per execution of a measure with its day and result (seed 003 §33.6).
 */
export class Migration20261204001000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "measure_periodicity" as enum ('ONCE', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'AS_NEEDED');`);
    this.addSql(
      `create table "measure_execution" ("id" uuid not null, "measure_id" uuid not null, "person_id" uuid not null, "referral_id" uuid null, "organization_id" uuid not null, "executed_on" date not null, "result" text not null, "completes_measure" boolean not null, "recorded_by" text not null, "recorded_at" timestamptz not null, "idempotency_key" text null, constraint "measure_execution_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "measure_execution_person_id_index" on "measure_execution" ("person_id");`);
    this.addSql(`create index "measure_execution_referral_id_index" on "measure_execution" ("referral_id");`);
    this.addSql(`alter table "measure_execution" add constraint "measure_execution_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "measure_execution_measure_id_executed_on_index" on "measure_execution" ("measure_id", "executed_on");`);
    this.addSql(`alter table "measure" add column "volume" int null, add column "periodicity" "measure_periodicity" null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "measure_execution" cascade;`);
    this.addSql(`alter table "measure" drop column "volume", drop column "periodicity";`);
    this.addSql(`drop type "measure_periodicity";`);
  }
}
