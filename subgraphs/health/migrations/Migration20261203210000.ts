import { Migration } from '@mikro-orm/migrations';

/** Issue 20: idempotency keys of registerIpra and reportIpraMeasureExecution; a finished course is DONE. */
export class Migration20261203210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "ipra" add column "idempotency_key" text null;`);
    this.addSql(`alter table "ipra" add constraint "ipra_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`alter table "ipra_measure" add column "execution_report_key" text null;`);
    this.addSql(`alter table "ipra_measure" add constraint "ipra_measure_execution_report_key_unique" unique ("execution_report_key");`);
    this.addSql(`alter type "rehabilitation_course_status" rename value 'COMPLETED' to 'DONE';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter type "rehabilitation_course_status" rename value 'DONE' to 'COMPLETED';`);
    this.addSql(`alter table "ipra_measure" drop constraint "ipra_measure_execution_report_key_unique";`);
    this.addSql(`alter table "ipra_measure" drop column "execution_report_key";`);
    this.addSql(`alter table "ipra" drop constraint "ipra_idempotency_key_unique";`);
    this.addSql(`alter table "ipra" drop column "idempotency_key";`);
  }
}
