import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261204200000 } from './Migration20261204200000';

/** The centre's migrations, in order; applied at every start (the kit's bootstrap runs the pending ones). */
export const migrations: MigrationObject[] = [{ name: 'Migration20261204200000', class: Migration20261204200000 }];
