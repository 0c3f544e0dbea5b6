import { Migration } from '@mikro-orm/migrations';

/**
 * API style (issue 20): a finished early-help programme is DONE, as in every agency; a PMPK conclusion takes a
 * client's idempotency key like the other records education writes.
 */
export class Migration20261203210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "early_help_program_status" rename value 'COMPLETED' to 'DONE';`);
    this.addSql(`alter table "pmpk_conclusion" add column "idempotency_key" text null;`);
    this.addSql(`alter table "pmpk_conclusion" add constraint "pmpk_conclusion_idempotency_key_unique" unique ("idempotency_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pmpk_conclusion" drop constraint if exists "pmpk_conclusion_idempotency_key_unique";`);
    this.addSql(`alter table "pmpk_conclusion" drop column if exists "idempotency_key";`);
    this.addSql(`alter type "early_help_program_status" rename value 'DONE' to 'COMPLETED';`);
  }
}
