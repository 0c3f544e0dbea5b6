import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104159 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "support_case_territory_oktmo_index" on "support_case" ("territory_oktmo");`);

    this.addSql(`create index "organization_territory_oktmo_index" on "organization" ("territory_oktmo");`);

    this.addSql(`create index "family_territory_oktmo_index" on "family" ("territory_oktmo");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "family_territory_oktmo_index";`);

    this.addSql(`drop index "organization_territory_oktmo_index";`);

    this.addSql(`drop index "support_case_territory_oktmo_index";`);
  }
}
