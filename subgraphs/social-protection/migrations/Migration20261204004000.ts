import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15 §5.2–5.3 (rules that contradicted the seeds): the case keeps the source of its opening signal (the
 * IDENTIFIED term depends on it, seed 003 §16) and the approval day of its IPPSU (the start term counts from it and
 * concerns the IPPSU only, seed 004 §3.2.8); a programme records the day an IPPSU was approved.
 */
export class Migration20261204004000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "support_case" add column "opening_source" "signal_source" null;`);
    this.addSql(`alter table "support_case" add column "service_programme_approved_on" date null;`);
    this.addSql(`alter table "programme" add column "approved_on" date null;`);
    // Cases opened before: their source is their opening signal's.
    this.addSql(`update "support_case" c set "opening_source" = s."source" from "signal" s where s."id" = c."signal_id";`);
    // IPPSUs recorded before had only the day the citizen agreed them, from which the hub counted the start term;
    // they keep that day as their approval so their cases keep a term (an IPSS gets none).
    this.addSql(`update "programme" set "approved_on" = "agreed_on" where "kind" = 'SERVICE_PROGRAMME';`);
    this.addSql(
      `update "support_case" c set "service_programme_approved_on" = p."approved_on"
         from (select distinct on ("case_id") "case_id", "kind", "approved_on" from "programme" order by "case_id", "agreed_on" desc, "id") p
        where p."case_id" = c."id" and p."kind" = 'SERVICE_PROGRAMME';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "programme" drop column "approved_on";`);
    this.addSql(`alter table "support_case" drop column "service_programme_approved_on";`);
    this.addSql(`alter table "support_case" drop column "opening_source";`);
  }
}
