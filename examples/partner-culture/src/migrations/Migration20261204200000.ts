import { Migration } from '@mikro-orm/migrations';

/** The centre's database: sections, enrolments, attendance, and what the kit keeps everywhere (audit trail, provided services). */
export class Migration20261204200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "section_kind" as enum ('ADAPTIVE_SPORT', 'CULTURE');`);
    this.addSql(
      `create table "section" ("id" uuid not null, "name" text not null, "kind" "section_kind" not null, "territory_oktmo" varchar(11) not null, ` +
        `"organization_id" uuid null, "capacity" int not null, "schedule" text not null, constraint "section_pkey" primary key ("id"), ` +
        `constraint "section_capacity_check" check ("capacity" >= 0));`,
    );
    this.addSql(`create index "section_territory_oktmo_index" on "section" ("territory_oktmo");`);
    this.addSql(
      `create table "section_enrolment" ("id" uuid not null, "person_id" uuid not null, "section_id" uuid not null, "enrolled_on" date not null, ` +
        `"left_on" date null, "idempotency_key" text null, constraint "section_enrolment_pkey" primary key ("id"), ` +
        `constraint "section_enrolment_section_id_foreign" foreign key ("section_id") references "section" ("id") on update cascade, ` +
        `constraint "section_enrolment_term_check" check ("left_on" is null or "left_on" >= "enrolled_on"));`,
    );
    this.addSql(`create index "section_enrolment_person_id_index" on "section_enrolment" ("person_id");`);
    this.addSql(`create index "section_enrolment_section_id_index" on "section_enrolment" ("section_id");`);
    this.addSql(`alter table "section_enrolment" add constraint "section_enrolment_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(
      `create table "section_attendance" ("id" uuid not null, "enrolment_id" uuid not null, "attended_on" date not null, "idempotency_key" text null, ` +
        `constraint "section_attendance_pkey" primary key ("id"), ` +
        `constraint "section_attendance_enrolment_id_foreign" foreign key ("enrolment_id") references "section_enrolment" ("id") on update cascade);`,
    );
    this.addSql(`create index "section_attendance_enrolment_id_index" on "section_attendance" ("enrolment_id");`);
    this.addSql(
      `alter table "section_attendance" add constraint "section_attendance_enrolment_id_attended_on_unique" unique ("enrolment_id", "attended_on");`,
    );
    this.addSql(`alter table "section_attendance" add constraint "section_attendance_idempotency_key_unique" unique ("idempotency_key");`);
    // The kit's resource-map resolver also reads fixed services from provided_service; the centre keeps none there.
    this.addSql(
      `create table "provided_service" ("id" uuid not null, "territory_oktmo" varchar(11) not null, "service_kind" varchar(64) not null, ` +
        `"name" text not null, "organization_id" uuid null, "address" text null, "latitude" double precision null, "longitude" double precision null, ` +
        `"opening_hours" text null, "phone" text null, "capacity_total" int null, "capacity_used" int null, "unit" varchar(32) not null default 'places', ` +
        `constraint "provided_service_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "provided_service_territory_oktmo_index" on "provided_service" ("territory_oktmo");`);
    this.addSql(
      `create table "audit_record" ("id" uuid not null, "at" timestamptz not null default now(), "subgraph" varchar(64) not null, ` +
        `"request_id" uuid not null, "subject" text not null, "role" varchar(32) not null, "organization_id" text null, "action" varchar(16) not null, ` +
        `"operation" text not null, "person_ids" uuid[] not null, "reason" text null, constraint "audit_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_record_person_ids_index" on "audit_record" using gin ("person_ids");`);
  }
}
