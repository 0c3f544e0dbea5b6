import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15 §5.5: a freed item is reserved for the next person in the queue, who is notified, instead of lent to them
 * in their absence; the rental point sets how many working days it holds the item.
 */
export class Migration20261204005000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "rental_application_status" add value if not exists 'RESERVED';`);
    this.addSql(`alter type "rental_application_status" add value if not exists 'RESERVATION_LAPSED';`);
    this.addSql(`alter table "rental_point" add column "reservation_term_working_days" int not null default 3;`);
    this.addSql(`alter table "rental_application" add column "reserved_item_id" uuid null, add column "reserved_on" date null,
      add column "reservation_due_on" date null, add column "reservation_notice" text null;`);
    this.addSql(`alter table "rental_application" add constraint "rental_application_reserved_item_id_foreign"
      foreign key ("reserved_item_id") references "rental_item" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "rental_application" drop constraint "rental_application_reserved_item_id_foreign";`);
    this.addSql(`alter table "rental_application" drop column "reserved_item_id", drop column "reserved_on",
      drop column "reservation_due_on", drop column "reservation_notice";`);
    this.addSql(`alter table "rental_point" drop column "reservation_term_working_days";`);
  }
}
