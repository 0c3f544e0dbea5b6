import { Migration } from '@mikro-orm/migrations';

/** Issue 20: one word per state across agencies — a finished training is DONE, as every other finished record. */
export class Migration20261203210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "vocational_training_status" rename value 'COMPLETED' to 'DONE';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter type "vocational_training_status" rename value 'DONE' to 'COMPLETED';`);
  }
}
