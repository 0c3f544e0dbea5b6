import { UniqueConstraintViolationException, type EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubContext } from '../../kit/platform/context';
import { badInput, DomainError, ErrorCode } from '../../kit/platform/errors';
import type { PeriodInput } from '../../kit/platform/period';

/**
 * A creating mutation a client may retry (CONVENTIONS §7.6): with its `idempotencyKey`, the second call answers the
 * record the first one made (the unique index on the key settles a race between two retries). `sameRequest` says
 * whether the record found under the key was made for the same subject (a person, a family); a key reused for
 * another is CONFLICT. Like kit/platform/idempotency.ts `writeOnce`, for records that are not keyed by a person id.
 */
export async function createOnce<T extends { idempotencyKey?: string | null }>(
  ctx: HubContext,
  entity: EntityName<T>,
  key: string | null | undefined,
  sameRequest: (found: T) => boolean,
  write: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const existing = async (): Promise<T | null> => {
    if (!key) return null;
    const found = (await ctx.em.fork().findOne(entity, { idempotencyKey: key } as never)) as T | null;
    if (found && !sameRequest(found)) {
      throw new DomainError(ErrorCode.CONFLICT, 'This idempotencyKey was already used for another request', { field: 'idempotencyKey' });
    }
    return found;
  };
  const before = await existing();
  if (before) return before;
  try {
    return await ctx.em.transactional(async (em) => {
      const created = await write(em as EntityManager);
      created.idempotencyKey = key ?? null;
      return created;
    });
  } catch (error) {
    if (key && error instanceof UniqueConstraintViolationException) {
      const after = await existing();
      if (after) return after;
    }
    throw error;
  }
}

/** A planned span a rule needs both ends of (a programme's term, a measure's dates): an open end is BAD_USER_INPUT. */
export function closedPeriod(period: PeriodInput, field: string): { startsOn: string; endsOn: string } {
  if (!period.startsOn) throw badInput(`${field}.startsOn is required`, { field: `${field}.startsOn` });
  if (!period.endsOn) throw badInput(`${field}.endsOn is required`, { field: `${field}.endsOn` });
  return { startsOn: period.startsOn, endsOn: period.endsOn };
}
