import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 20 (mutation payloads): a creating mutation takes an OPTIONAL idempotency key, so the application's key may be
 * null; taking an item into the fund (`registerRentalItem`) gets one too, unique like the application's.
 */
export class Migration20261203210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "rental_application" alter column "idempotency_key" drop not null;`);
    this.addSql(`alter table "rental_item" add column "idempotency_key" text null;`);
    this.addSql(`alter table "rental_item" add constraint "rental_item_idempotency_key_unique" unique ("idempotency_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "rental_item" drop constraint if exists "rental_item_idempotency_key_unique";`);
    this.addSql(`alter table "rental_item" drop column if exists "idempotency_key";`);
    this.addSql(`alter table "rental_application" alter column "idempotency_key" set not null;`);
  }
}
