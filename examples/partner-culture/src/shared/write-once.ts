import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubContext } from '@federation-hub/partner-kit';

/**
 * A write a specialist's app may retry after a lost answer: with the same `idempotencyKey` the second call answers
 * the record the first one made and writes nothing; the unique index on the key settles two retries racing.
 */
export async function writeOnce<T extends object>(
  ctx: HubContext,
  key: string | null,
  find: (em: EntityManager) => Promise<T | null>,
  write: (em: EntityManager) => Promise<T>,
): Promise<T> {
  if (key) {
    const before = await find(ctx.em.fork());
    if (before) return before;
  }
  try {
    return await ctx.em.transactional((em) => write(em as EntityManager));
  } catch (error) {
    if (key && error instanceof UniqueConstraintViolationException) {
      const after = await find(ctx.em.fork());
      if (after) return after;
    }
    throw error;
  }
}
