import { Migration } from '@mikro-orm/migrations';

export class Migration20261123094801 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "item_condition" as enum ('WORKING_ORDER', 'UNDER_REPAIR', 'WRITTEN_OFF');`);
    this.addSql(`create type "acquisition_source" as enum ('BOUGHT', 'RETURNED_UNUSED_FROM_IPRA');`);
    this.addSql(
      `create type "rental_ground" as enum ('QUEUED_FOR_IPRA_AID', 'OWN_AID_UNDER_REPAIR', 'NO_IPRA_MEDICAL_NEED', 'REHABILITATION_PERIOD');`,
    );
    this.addSql(`create type "rental_priority_category" as enum ('GPW_INVALID', 'GPW_PARTICIPANT', 'GPW_VETERAN');`);
    this.addSql(`create type "rental_application_status" as enum ('QUEUED', 'ISSUED', 'REFUSED', 'WITHDRAWN');`);
    this.addSql(
      `create type "return_condition" as enum ('WORKING_ORDER', 'NORMAL_WEAR', 'FAULTY_NO_FAULT_OF_RENTER', 'DAMAGED_BY_MISUSE', 'LOST');`,
    );
    this.addSql(`create type "rental_withdrawal_reason" as enum ('MISUSE', 'DELIBERATE_DAMAGE', 'NEGLIGENT_DAMAGE', 'OTHER');`);
    this.addSql(`create type "rental_contract_status" as enum ('ACTIVE', 'RETURNED', 'WITHDRAWN', 'LOST');`);
    this.addSql(
      `create table "aid_type" ("code" text not null, "name" text not null, "name_en" text not null, "tariff_kopecks" int not null, "tariff_unit" text not null, "annex_row" int not null, constraint "aid_type_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "audit_record" ("id" uuid not null, "at" timestamptz not null default now(), "subgraph" varchar(64) not null, "request_id" uuid not null, "subject" text not null, "role" varchar(32) not null, "organization_id" text null, "action" varchar(16) not null, "operation" text not null, "person_ids" text[] not null, "reason" text null, constraint "audit_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_record_person_ids_index" on "audit_record" using gin ("person_ids");`);

    this.addSql(
      `create table "rental_point" ("id" uuid not null, "organization_id" uuid not null, "name" text not null, "address" text not null, "territory_oktmo" varchar(11) not null, "latitude" double precision not null, "longitude" double precision not null, "opening_hours" text not null, "phone" text null, constraint "rental_point_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "rental_point_organization_id_index" on "rental_point" ("organization_id");`);
    this.addSql(`create index "rental_point_territory_oktmo_index" on "rental_point" ("territory_oktmo");`);

    this.addSql(
      `create table "rental_item" ("id" uuid not null, "mark" text not null, "aid_code" text not null, "rental_point_id" uuid not null, "condition" "item_condition" not null, "on_loan" boolean not null default false, "acquisition_source" "acquisition_source" not null, "value_kopecks" int not null, "acquired_on" date null, constraint "rental_item_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "rental_item" add constraint "rental_item_mark_unique" unique ("mark");`);
    this.addSql(`create index "rental_item_aid_code_index" on "rental_item" ("aid_code");`);
    this.addSql(`create index "rental_item_rental_point_id_index" on "rental_item" ("rental_point_id");`);
    this.addSql(
      `create index "rental_item_rental_point_id_aid_code_condition_on_loan_index" on "rental_item" ("rental_point_id", "aid_code", "condition", "on_loan");`,
    );

    this.addSql(
      `create table "rental_application" ("id" uuid not null, "idempotency_key" text not null, "person_id" uuid not null, "snils" varchar(11) not null, "aid_code" text not null, "rental_point_id" uuid not null, "ground" "rental_ground" not null, "documents" text[] not null, "ipra_aids" text[] null, "priority_category" "rental_priority_category" null, "applied_at" timestamptz not null, "applied_on" date not null, "requested_days" int not null, "delivery_required" boolean not null, "delivery_reason" text not null, "status" "rental_application_status" not null, "submitted_by" text null, constraint "rental_application_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "rental_application" add constraint "rental_application_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "rental_application_person_id_index" on "rental_application" ("person_id");`);
    this.addSql(`create index "rental_application_aid_code_index" on "rental_application" ("aid_code");`);
    this.addSql(`create index "rental_application_rental_point_id_index" on "rental_application" ("rental_point_id");`);
    this.addSql(
      `create index "rental_application_rental_point_id_aid_code_status_index" on "rental_application" ("rental_point_id", "aid_code", "status");`,
    );

    this.addSql(
      `create table "rental_contract" ("id" uuid not null, "application_id" uuid not null, "item_id" uuid not null, "rental_point_id" uuid not null, "aid_code" text not null, "person_id" uuid not null, "contract_number" text not null, "signed_on" date not null, "issued_on" date not null, "due_on" date not null, "extensions_count" int not null default 0, "tariff_kopecks" int not null, "fee_kopecks" int not null, "free" boolean not null, "price_reason" text not null, "delivery_required" boolean not null, "hand_over_act_number" text not null, "returned_on" date null, "return_condition" "return_condition" null, "acceptance_act_number" text null, "refund_kopecks" int null, "repair_charge_kopecks" int not null default 0, "transport_charge_kopecks" int not null default 0, "compensation_charge_kopecks" int not null default 0, "settlement_reason" text null, "withdrawal_reason" "rental_withdrawal_reason" null, "status" "rental_contract_status" not null, constraint "rental_contract_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "rental_contract" add constraint "rental_contract_application_id_unique" unique ("application_id");`);
    this.addSql(`create index "rental_contract_item_id_index" on "rental_contract" ("item_id");`);
    this.addSql(`create index "rental_contract_rental_point_id_index" on "rental_contract" ("rental_point_id");`);
    this.addSql(`create index "rental_contract_aid_code_index" on "rental_contract" ("aid_code");`);
    this.addSql(`create index "rental_contract_person_id_index" on "rental_contract" ("person_id");`);
    this.addSql(`alter table "rental_contract" add constraint "rental_contract_contract_number_unique" unique ("contract_number");`);
    this.addSql(`create index "rental_contract_due_on_index" on "rental_contract" ("due_on");`);
    this.addSql(`create index "rental_contract_rental_point_id_status_index" on "rental_contract" ("rental_point_id", "status");`);
    this.addSql(`create unique index "rental_contract_one_active_per_item" on "rental_contract" ("item_id") where "status" = 'ACTIVE';`);

    this.addSql(
      `alter table "rental_item" add constraint "rental_item_aid_code_foreign" foreign key ("aid_code") references "aid_type" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "rental_item" add constraint "rental_item_rental_point_id_foreign" foreign key ("rental_point_id") references "rental_point" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "rental_application" add constraint "rental_application_aid_code_foreign" foreign key ("aid_code") references "aid_type" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "rental_application" add constraint "rental_application_rental_point_id_foreign" foreign key ("rental_point_id") references "rental_point" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "rental_contract" add constraint "rental_contract_application_id_foreign" foreign key ("application_id") references "rental_application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "rental_contract" add constraint "rental_contract_item_id_foreign" foreign key ("item_id") references "rental_item" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "rental_contract" add constraint "rental_contract_rental_point_id_foreign" foreign key ("rental_point_id") references "rental_point" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "rental_contract" add constraint "rental_contract_aid_code_foreign" foreign key ("aid_code") references "aid_type" ("code") on update cascade;`,
    );
  }
}
