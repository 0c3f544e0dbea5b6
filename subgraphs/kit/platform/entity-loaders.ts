import { ReferenceKind, type EntityMetadata, type EntityName, type EntityProperty, type Platform } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import { escapeLiteral } from 'pg';
import type { HubContext } from './context';
import { STATEMENT_SEPARATOR } from './database';
import { alignMany, alignOne } from './loaders';

/**
 * Loads entities of one type by a unique column: every key asked for during a request
 * becomes one `WHERE column = any(...)` statement.
 *
 * What the loaders return is READ-ONLY: instances of the entity class filled from one hand-built
 * SELECT, outside the unit of work. Reads are most of what the hub does, and MikroORM's `find`
 * (query building, hydration, identity map, change-set snapshots) measured about four times the cost
 * of the SQL itself on the family route (bench/README.md). Code that changes an entity loads it
 * with `em.findOne` inside its transaction, never through a loader.
 */
export function loaderBy<T extends object, K = string>(
  ctx: HubContext,
  entity: EntityName<T>,
  field: keyof T & string,
): DataLoader<K, T | null> {
  return ctx.loaders.get<K, T | null>(`${entityName(entity)}.${field}`, async (keys) => {
    const rows = await readRows<T>(ctx, entity, field, keys as readonly unknown[], {});
    return alignOne(keys, rows, (row) => keyOf(row, field) as K);
  });
}

/** One-to-many: the rows whose `field` (a column or a many-to-one) equals each key, one statement per request. */
export function loaderManyBy<T extends object, K = string>(
  ctx: HubContext,
  entity: EntityName<T>,
  field: keyof T & string,
  orderBy: Record<string, 'asc' | 'desc'> = {},
): DataLoader<K, T[]> {
  return ctx.loaders.get<K, T[]>(`${entityName(entity)}[].${field}`, async (keys) => {
    const rows = await readRows<T>(ctx, entity, field, keys as readonly unknown[], orderBy);
    return alignMany(keys, rows, (row) => keyOf(row, field) as K);
  });
}

function entityName<T extends object>(entity: EntityName<T>): string {
  return typeof entity === 'string' ? entity : (entity as { name: string }).name;
}

/** A column value, or the primary key behind a many-to-one reference. */
function keyOf<T>(row: T, field: string): unknown {
  const value = (row as Record<string, unknown>)[field];
  if (value && typeof value === 'object') {
    const target = value as Record<string, unknown>;
    return target.id ?? target.oktmo ?? target.code;
  }
  return value;
}

interface RowReader {
  /** The SELECT, given the SQL literal of the keys' array. */
  select(keys: string): string;
  keyType: string;
  map(row: Record<string, unknown>): object;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Other key columns hold codes (OKTMO, catalogue codes); nothing else can match them. */
const CODE = /^[\w.:-]+$/;

/**
 * Read-only instances of `entity` (see above), all of them or those whose `field` is one of `keys`,
 * in one statement. For reference data and lists read on every request (organizations, the calendar).
 */
export async function readOnly<T extends object>(
  ctx: HubContext,
  entity: EntityName<T>,
  options: { where?: { field: keyof T & string; values: readonly unknown[] }; orderBy?: Record<string, 'asc' | 'desc'> } = {},
): Promise<T[]> {
  if (options.where) return readRows(ctx, entity, options.where.field, options.where.values, options.orderBy ?? {});
  const meta = ctx.rootEm.getMetadata().get(entityName(entity));
  const reader = rowReader(meta, null, options.orderBy ?? {}, ctx.rootEm.getPlatform());
  const rows = await select(ctx, reader.select(''));
  return rows.map((row) => reader.map(row) as T);
}

async function readRows<T extends object>(
  ctx: HubContext,
  entity: EntityName<T>,
  field: string,
  keys: readonly unknown[],
  orderBy: Record<string, 'asc' | 'desc'>,
): Promise<T[]> {
  const meta = ctx.rootEm.getMetadata().get(entityName(entity));
  const reader = rowReader(meta, field, orderBy, ctx.rootEm.getPlatform());
  // A key that cannot be in the column (a malformed id from a client) simply matches nothing.
  const wanted = [...new Set(keys.map(String))].filter((k) => (reader.keyType === 'uuid' ? UUID : CODE).test(k));
  if (wanted.length === 0) return [];
  const rows = await select(ctx, reader.select(escapeLiteral(`{${wanted.join(',')}}`)));
  return rows.map((row) => reader.map(row) as T);
}

// Sent after the current turn of the event loop, not on the next tick: entity loaders dispatch on next ticks,
// so waiting for them lets the SELECTs of sibling fields and loaders share one round trip.
const SELECT_SCHEDULE = { batchScheduleFn: (send: () => void) => setImmediate(send) };

/**
 * The SELECTs a request's loaders issue in the same turn of the event loop travel to PostgreSQL together, as
 * one multi-statement query: one round trip instead of one per entity type. A route asks each agency for
 * four or five kinds of records at once, and on a loaded machine every round trip costs both the
 * subgraph and the database a write and a wake-up. The keys are inlined, so only keys of the column's
 * shape (checked above) and PostgreSQL's own literal quoting go into the text.
 */
function select(ctx: HubContext, sql: string): Promise<Record<string, unknown>[]> {
  return ctx.loaders
    .get<string, Record<string, unknown>[]>(
      'kit.select',
      async (statements) => {
        // The shared pool, outside any unit of work: these reads hydrate nothing, and change nothing but the audit trail.
        const connection = ctx.rootEm.getConnection();
        // The audit records of the access decisions made so far travel with the reads (see AuditTrail.takeInsert).
        const audit = ctx.audit.takeInsert();
        const batch = audit ? [audit, ...statements] : statements;
        if (batch.length === 1) return [await connection.execute(batch[0], [], 'all')];
        const results = await connection.execute<Record<string, unknown>[][]>(batch.join(STATEMENT_SEPARATOR), [], 'all');
        return audit ? results.slice(1) : results;
      },
      SELECT_SCHEDULE,
    )
    .load(sql);
}

const readers = new WeakMap<EntityMetadata, Map<string, RowReader>>();

/** The SELECT and the row → instance mapping of one entity, built once from the ORM's metadata. */
function rowReader(meta: EntityMetadata, field: string | null, orderBy: Record<string, 'asc' | 'desc'>, platform: Platform): RowReader {
  const key = `${field}|${JSON.stringify(orderBy)}`;
  let byKey = readers.get(meta);
  if (!byKey) readers.set(meta, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;

  const columns: string[] = [];
  const fields: { name: string; value: (row: Record<string, unknown>) => unknown }[] = [];
  for (const prop of Object.values(meta.properties) as EntityProperty[]) {
    if (prop.persist === false || prop.formula || !prop.fieldNames?.length) continue;
    const column = prop.fieldNames[0];
    if (prop.kind === ReferenceKind.SCALAR) {
      columns.push(column);
      fields.push({ name: prop.name, value: scalarValue(prop, column, platform) });
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      // An unpopulated reference, as the ORM gives it: the target's primary key and nothing else.
      const make = instanceMaker(prop.targetMeta!.class.prototype, [prop.targetMeta!.primaryKeys[0] as string]);
      columns.push(column);
      fields.push({ name: prop.name, value: (row) => (row[column] == null ? null : make([row[column]])) });
    }
  }
  const makeInstance = instanceMaker(
    meta.class.prototype,
    fields.map((f) => f.name),
  );
  let keyColumn = '';
  let keyType = '';
  if (field !== null) {
    const keyProp = meta.properties[field as never] as EntityProperty;
    if (!keyProp?.fieldNames?.length) throw new Error(`${meta.className}.${field} is not a column`);
    keyColumn = keyProp.fieldNames[0];
    keyType =
      keyProp.kind === ReferenceKind.SCALAR
        ? keyProp.columnTypes[0]
        : keyProp.targetMeta!.properties[keyProp.targetMeta!.primaryKeys[0] as never].columnTypes[0];
  }
  const order = Object.entries(orderBy).map(([name, direction]) => {
    const prop = meta.properties[name as never] as EntityProperty;
    return `"${prop.fieldNames[0]}" ${direction === 'desc' ? 'desc' : 'asc'}`;
  });
  const schema = meta.schema && meta.schema !== '*' ? `"${meta.schema}".` : '';
  const reader: RowReader = {
    select: (keys) =>
      `select ${columns.map((c) => `"${c}"`).join(', ')} from ${schema}"${meta.tableName}" ` +
      (field !== null ? `where "${keyColumn}" = any(${keys}::${keyType}[])` : '') +
      (order.length ? ` order by ${order.join(', ')}` : ''),
    keyType,
    map: (row) => makeInstance(fields.map((f) => f.value(row))),
  };
  byKey.set(key, reader);
  return reader;
}

/**
 * An instance of the entity class with the given own properties. The ORM puts accessors on entity
 * prototypes (relations propagate through them); read-only instances get a prototype in between whose
 * plain writable properties shadow those accessors, so filling an instance is ordinary assignment.
 */
function instanceMaker(prototype: object, names: string[]): (values: unknown[]) => object {
  const readOnlyPrototype = Object.create(prototype) as object;
  for (const name of names) {
    for (let p: object | null = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      if (Object.getOwnPropertyDescriptor(p, name)?.set) {
        Object.defineProperty(readOnlyPrototype, name, { value: undefined, writable: true, enumerable: false, configurable: true });
        break;
      }
    }
  }
  return (values) => {
    const instance = Object.create(readOnlyPrototype) as Record<string, unknown>;
    for (let i = 0; i < names.length; i++) instance[names[i]] = values[i];
    return instance;
  };
}

function scalarValue(prop: EntityProperty, column: string, platform: Platform): (row: Record<string, unknown>) => unknown {
  if (prop.customType) {
    const type = prop.customType;
    return (row) => (row[column] == null ? null : type.convertToJSValue(row[column], platform));
  }
  if (prop.runtimeType === 'Date') {
    return (row) => {
      const value = row[column];
      return value == null ? null : value instanceof Date ? value : new Date(value as string);
    };
  }
  if (prop.runtimeType === 'boolean') return (row) => (row[column] == null ? null : Boolean(row[column]));
  return (row) => (row[column] === undefined ? null : row[column]);
}
