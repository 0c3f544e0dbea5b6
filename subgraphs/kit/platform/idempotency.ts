import { UniqueConstraintViolationException, type EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubContext } from './context';
import { DomainError, ErrorCode } from './errors';

/**
 * A write a partner system may retry: with a client-supplied key, the second call returns the record
 * the first one created (the unique index on the key settles a race between two retries).
 */
export async function writeOnce<T extends { personId: string }>(
  ctx: HubContext,
  entity: EntityName<T>,
  key: string | null,
  personId: string,
  write: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const existing = async () => {
    if (!key) return null;
    const found = (await ctx.em.fork().findOne(entity, { idempotencyKey: key } as never)) as T | null;
    if (found && found.personId !== personId) {
      throw new DomainError(ErrorCode.CONFLICT, 'This idempotencyKey was already used for another person', { field: 'idempotencyKey' });
    }
    return found;
  };
  const before = await existing();
  if (before) return before;
  try {
    return await ctx.em.transactional((em) => write(em as EntityManager));
  } catch (error) {
    if (key && error instanceof UniqueConstraintViolationException) {
      const after = await existing();
      if (after) return after;
    }
    throw error;
  }
}
