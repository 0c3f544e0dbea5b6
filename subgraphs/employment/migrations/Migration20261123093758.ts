import { Migration } from '@mikro-orm/migrations';

export class Migration20261123093758 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_record" ("id" uuid not null, "at" timestamptz not null default now(), "subgraph" varchar(64) not null, "request_id" uuid not null, "subject" text not null, "role" varchar(32) not null, "organization_id" text null, "action" varchar(16) not null, "operation" text not null, "person_ids" text[] not null, "reason" text null, constraint "audit_record_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_record_person_ids_index" on "audit_record" using gin ("person_ids");`);
  }

}
