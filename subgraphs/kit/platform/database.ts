import { DefaultLogger, type LoggerOptions, type LogContext, type MigrationObject } from '@mikro-orm/core';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';

/**
 * Counts every SQL statement a subgraph sends. The count is how tests and the benchmark prove
 * that lookups are batched (one statement per entity type per request, not one per row).
 */
export class SqlStatementCounter {
  /** SQL statements sent. */
  count = 0;
  /** Round trips to the database: a batch of read statements (kit/platform/entity-loaders.ts) is one. */
  roundTrips = 0;
}

/** Separates the statements of one multi-statement batch, so the counter can count them. */
export const STATEMENT_SEPARATOR = ';\n';

class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly counter: SqlStatementCounter,
  ) {
    super(options);
  }

  // Never the statements with their values inlined (SNILS, names, birth dates), even with HUB_SQL_DEBUG set.
  override isEnabled(namespace: Parameters<DefaultLogger['isEnabled']>[0], context?: LogContext): boolean {
    return namespace !== 'query-params' && super.isEnabled(namespace, context);
  }

  override logQuery(context: { query: string } & LogContext): void {
    // Transaction control (begin/commit/savepoint) is bookkeeping, not a lookup.
    if (!/^\s*(begin|commit|rollback|savepoint|release)/i.test(context.query)) {
      this.counter.count += context.query.split(STATEMENT_SEPARATOR).length;
      this.counter.roundTrips += 1;
    }
    super.logQuery(context);
  }
}

export interface DatabaseOptions {
  /** postgres://user:password@host:port/database — the agency's own database. */
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: any[];
  migrations: MigrationObject[];
  poolSize?: number;
  /** Only for generating migrations: the folder new migration files are written to. */
  migrationsPath?: string;
}

export interface Database {
  orm: MikroORM;
  statements: SqlStatementCounter;
  /** Applies the committed migrations that have not run yet; returns their names. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const statements = new SqlStatementCounter();
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: options.url,
    entities: options.entities,
    extensions: [Migrator],
    migrations: {
      path: options.migrationsPath,
      pathTs: options.migrationsPath,
      emit: 'ts',
      migrationsList: options.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    // Every request forks its own EntityManager; the global one must never serve a request.
    allowGlobalContext: false,
    discovery: { disableDynamicFileAccess: true },
    pool: { min: 0, max: options.poolSize ?? 10 },
    debug: process.env.HUB_SQL_DEBUG ? ['query'] : false,
    loggerFactory: (loggerOptions) => new CountingLogger(loggerOptions, statements),
  });
  return {
    orm,
    statements,
    async migrate() {
      const applied = await orm.getMigrator().up();
      return applied.map((m) => m.name);
    },
    close: () => orm.close(true),
  };
}

/**
 * A PostgreSQL array literal for `= any(?::text[])`: the query builder would otherwise expand a JS array
 * into a list of parameters. Only codes of digits, letters, '-' and '_' are accepted (OKTMO, ids).
 */
export function sqlTextArray(values: readonly string[]): string {
  for (const value of values) if (!/^[\w-]+$/.test(value)) throw new Error(`unsafe array element: ${value}`);
  return `{${values.join(',')}}`;
}
