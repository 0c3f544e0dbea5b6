import { Migration } from '@mikro-orm/migrations';

export class Migration20261123093750 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "sex" as enum ('FEMALE', 'MALE');`);
    this.addSql(`create type "contact_preference" as enum ('PHONE', 'EMAIL', 'HOME_VISIT', 'POST');`);
    this.addSql(`create type "disability_group" as enum ('I', 'II', 'III', 'DISABLED_CHILD');`);
    this.addSql(`create type "organization_kind" as enum ('OPERATOR', 'CO_EXECUTOR', 'RESOURCE_CENTRE');`);
    this.addSql(`create type "family_relation" as enum ('PARENT', 'CHILD', 'SPOUSE', 'GUARDIAN', 'GRANDPARENT', 'SIBLING', 'SELF', 'OTHER');`);
    this.addSql(`create table "audit_record" ("id" uuid not null, "at" timestamptz not null default now(), "subgraph" varchar(64) not null, "request_id" uuid not null, "subject" text not null, "role" varchar(32) not null, "organization_id" text null, "action" varchar(16) not null, "operation" text not null, "person_ids" text[] not null, "reason" text null, constraint "audit_record_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_record_person_ids_index" on "audit_record" using gin ("person_ids");`);

    this.addSql(`create table "person" ("id" uuid not null, "snils" varchar(11) not null, "last_name" text not null, "first_name" text not null, "patronymic" text null, "birth_date" date not null, "sex" "sex" not null, "phone" text null, "email" text null, "contact_preference" "contact_preference" null, "disability_group" "disability_group" null, "disability_since" date null, "disability_until" date null, "has_limited_health_capabilities" boolean not null default false, "is_at_risk" boolean not null default false, constraint "person_pkey" primary key ("id"));`);
    this.addSql(`alter table "person" add constraint "person_snils_unique" unique ("snils");`);

    this.addSql(`create table "consent" ("id" uuid not null, "person_id" uuid not null, "agencies" text[] not null, "given_on" date not null, "expires_on" date null, "revoked_on" date null, "signed_by_person_id" uuid null, constraint "consent_pkey" primary key ("id"));`);
    this.addSql(`create index "consent_person_id_index" on "consent" ("person_id");`);

    this.addSql(`create table "territory" ("oktmo" varchar(11) not null, "name" text not null, "kind" varchar(32) not null, constraint "territory_pkey" primary key ("oktmo"));`);

    this.addSql(`create table "organization" ("id" uuid not null, "code" varchar(64) not null, "name" text not null, "short_name" text null, "agency" varchar(64) not null, "kind" "organization_kind" not null, "territory_oktmo" varchar(11) not null, "postal_address" text null, "website" text null, "phone" text null, "email" text null, constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`alter table "organization" add constraint "organization_code_unique" unique ("code");`);

    this.addSql(`create table "family" ("id" uuid not null, "display_name" text not null, "territory_oktmo" varchar(11) not null, "social_district" text null, "address" text null, "operator_organization_id" uuid not null, constraint "family_pkey" primary key ("id"));`);
    this.addSql(`create index "family_operator_organization_id_index" on "family" ("operator_organization_id");`);

    this.addSql(`create table "family_member" ("id" uuid not null, "family_id" uuid not null, "person_id" uuid not null, "relation" "family_relation" not null, "is_legal_representative" boolean not null default false, constraint "family_member_pkey" primary key ("id"));`);
    this.addSql(`create index "family_member_family_id_index" on "family_member" ("family_id");`);
    this.addSql(`create index "family_member_person_id_index" on "family_member" ("person_id");`);

    this.addSql(`alter table "consent" add constraint "consent_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "organization" add constraint "organization_territory_oktmo_foreign" foreign key ("territory_oktmo") references "territory" ("oktmo") on update cascade;`);

    this.addSql(`alter table "family" add constraint "family_territory_oktmo_foreign" foreign key ("territory_oktmo") references "territory" ("oktmo") on update cascade;`);
    this.addSql(`alter table "family" add constraint "family_operator_organization_id_foreign" foreign key ("operator_organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "family_member" add constraint "family_member_family_id_foreign" foreign key ("family_id") references "family" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "family_member" add constraint "family_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
  }

}
