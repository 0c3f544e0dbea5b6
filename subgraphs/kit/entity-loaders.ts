import type { EntityName } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { HubContext } from './context';
import { alignMany, alignOne } from './loaders';

function entityName<T extends object>(entity: EntityName<T>): string {
  return typeof entity === 'string' ? entity : (entity as { name: string }).name;
}

/**
 * Loads entities of one type by a unique column: every key asked for during a request
 * becomes one `WHERE column IN (...)` statement.
 */
export function loaderBy<T extends object, K = string>(
  ctx: HubContext,
  entity: EntityName<T>,
  field: keyof T & string,
): DataLoader<K, T | null> {
  return ctx.loaders.get<K, T | null>(`${entityName(entity)}.${field}`, async (keys) => {
    const rows = await ctx.em.find(entity, { [field]: { $in: keys as K[] } } as never);
    return alignOne(keys, rows as T[], (row) => keyOf(row, field) as K);
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
    const rows = await ctx.em.find(entity, { [field]: { $in: keys as K[] } } as never, { orderBy } as never);
    return alignMany(keys, rows as T[], (row) => keyOf(row, field) as K);
  });
}

/** A column value, or the primary key behind a many-to-one reference. */
function keyOf<T>(row: T, field: string): unknown {
  const value = (row as Record<string, unknown>)[field];
  if (value && typeof value === 'object') {
    const ref = value as { id?: unknown; oktmo?: unknown; unwrap?: () => unknown };
    const target = (typeof ref.unwrap === 'function' ? ref.unwrap() : ref) as Record<string, unknown>;
    return target.id ?? target.oktmo ?? target.code;
  }
  return value;
}
