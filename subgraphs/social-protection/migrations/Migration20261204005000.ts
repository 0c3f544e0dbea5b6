import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15 §5.6: who signed a consent (the person, a parent or a guardian: 152-FZ art. 9 §6), and whether an adult
 * is recognized incapable (Civil Code art. 29), so that the guardian consents for them.
 */
export class Migration20261204005000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "consent_signatory" as enum ('PERSON', 'PARENT', 'GUARDIAN');`);
    this.addSql(`alter table "consent" add column "signed_as" "consent_signatory" not null default 'PERSON';`);
    // Consents already signed by someone else: that signer's recorded relation in the person's family says how.
    this.addSql(`update "consent" c set "signed_as" = case when exists (
        select 1 from "family_member" s join "family_member" p on p."family_id" = s."family_id"
         where s."person_id" = c."signed_by_person_id" and p."person_id" = c."person_id" and s."relation" = 'GUARDIAN')
      then 'GUARDIAN'::"consent_signatory" else 'PARENT'::"consent_signatory" end
      where c."signed_by_person_id" is not null;`);
    this.addSql(`alter table "person" add column "is_legally_incapable" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "person" drop column "is_legally_incapable";`);
    this.addSql(`alter table "consent" drop column "signed_as";`);
    this.addSql(`drop type "consent_signatory";`);
  }
}
