import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 20 (the API style): idempotency keys on the records a client creates and may retry, and one word per
 * state (POST, DONE, "programme").
 */
export class Migration20261203210000 extends Migration {
  override async up(): Promise<void> {
    for (const table of ['consent', 'family', 'person', 'measure', 'referral', 'social_contract']) {
      this.addSql(`alter table "${table}" add column "idempotency_key" text null;`);
      this.addSql(`alter table "${table}" add constraint "${table}_idempotency_key_unique" unique ("idempotency_key");`);
    }
    this.addSql(`alter type "contact_method" rename value 'POSTAL_LETTER' to 'POST';`);
    this.addSql(`alter type "referral_status" rename value 'COMPLETED' to 'DONE';`);
    this.addSql(`alter type "programme_kind" rename value 'SUPPORT_PROGRAM' to 'SUPPORT_PROGRAMME';`);
    this.addSql(`alter type "programme_kind" rename value 'SERVICE_PROGRAM' to 'SERVICE_PROGRAMME';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter type "programme_kind" rename value 'SERVICE_PROGRAMME' to 'SERVICE_PROGRAM';`);
    this.addSql(`alter type "programme_kind" rename value 'SUPPORT_PROGRAMME' to 'SUPPORT_PROGRAM';`);
    this.addSql(`alter type "referral_status" rename value 'DONE' to 'COMPLETED';`);
    this.addSql(`alter type "contact_method" rename value 'POST' to 'POSTAL_LETTER';`);
    for (const table of ['consent', 'family', 'person', 'measure', 'referral', 'social_contract']) {
      this.addSql(`alter table "${table}" drop constraint "${table}_idempotency_key_unique";`);
      this.addSql(`alter table "${table}" drop column "idempotency_key";`);
    }
  }
}
