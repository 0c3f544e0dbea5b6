import { Migration } from '@mikro-orm/migrations';

export class Migration20261123100829 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "provided_service" ("id" uuid not null, "territory_oktmo" varchar(11) not null, "service_kind" varchar(64) not null, "name" text not null, "organization_id" uuid null, "address" text null, "latitude" double precision null, "longitude" double precision null, "opening_hours" text null, "phone" text null, "capacity_total" int null, "capacity_used" int null, "unit" varchar(32) not null default 'places', constraint "provided_service_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "provided_service_territory_oktmo_index" on "provided_service" ("territory_oktmo");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "provided_service" cascade;`);
  }
}
