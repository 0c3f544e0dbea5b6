import { Migration } from '@mikro-orm/migrations';

/** Issue 16 §1: the schema registry (subgraphs, their schema versions, the graph history, field usage). */
export class Migration20261204100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "graph_change_kind" as enum ('FOUNDING', 'RELEASE', 'PUBLISH', 'RETIRE', 'ROLLBACK');`);
    this.addSql(`create type "subgraph_status" as enum ('ACTIVE', 'SUSPENDED', 'RETIRED');`);
    this.addSql(
      `create table "audit_record" ("id" uuid not null, "at" timestamptz not null default now(), "subgraph" varchar(64) not null, "request_id" uuid not null, "subject" text not null, "role" varchar(32) not null, "organization_id" text null, "action" varchar(16) not null, "operation" text not null, "person_ids" text[] not null, "reason" text null, constraint "audit_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_record_person_ids_index" on "audit_record" using gin ("person_ids");`);

    this.addSql(
      `create table "field_usage" ("coordinate" text not null, "day" date not null, "operations" bigint not null, constraint "field_usage_pkey" primary key ("coordinate", "day"));`,
    );

    this.addSql(
      `create table "graph_version" ("number" int not null, "kind" "graph_change_kind" not null, "subgraph_name" varchar(40) null, "changed_by" text not null, "changed_at" timestamptz not null, "reason" text not null, "supergraph_sdl" text not null, "api_schema_sdl" text not null, "supergraph_sha256" varchar(64) not null, "members" jsonb not null, "agency_sdls" jsonb not null, "retired" jsonb not null, "rolled_back_to" int null, constraint "graph_version_pkey" primary key ("number"));`,
    );

    this.addSql(
      `create table "registered_subgraph" ("id" uuid not null, "name" varchar(40) not null, "url" text not null, "agency" varchar(40) not null, "owner_organization_id" uuid null, "public_key_set" jsonb null, "status" "subgraph_status" not null, "status_reason" text null, "founding" boolean not null, "created_at" timestamptz not null, "created_by" text not null, constraint "registered_subgraph_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "registered_subgraph" add constraint "registered_subgraph_name_unique" unique ("name");`);

    this.addSql(
      `create table "subgraph_schema_version" ("id" uuid not null, "subgraph_id" uuid not null, "revision" int not null, "sdl" text not null, "sdl_sha256" varchar(64) not null, "url" text not null, "published_by" text not null, "published_at" timestamptz not null, "reason" text not null, "idempotency_key" varchar(200) null, constraint "subgraph_schema_version_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "subgraph_schema_version_subgraph_id_index" on "subgraph_schema_version" ("subgraph_id");`);
    this.addSql(
      `alter table "subgraph_schema_version" add constraint "subgraph_schema_version_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `alter table "subgraph_schema_version" add constraint "subgraph_schema_version_subgraph_id_revision_unique" unique ("subgraph_id", "revision");`,
    );

    this.addSql(
      `alter table "subgraph_schema_version" add constraint "subgraph_schema_version_subgraph_id_foreign" foreign key ("subgraph_id") references "registered_subgraph" ("id") on update cascade;`,
    );
  }
}
