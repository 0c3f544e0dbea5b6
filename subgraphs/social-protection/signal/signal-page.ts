import type { FilterQuery } from '@mikro-orm/core';
import { checkPageSize, decodeCursor, pageOf, type Page } from '../../kit/platform/connection';
import type { HubContext } from '../../kit/platform/context';
import { badInput } from '../../kit/platform/errors';
import { Signal } from './signal.entity';

/**
 * One page of signals, oldest first: by the day each arrived, then the moment it was recorded, then id. The keyset
 * cursor holds that triple, so the next page starts right after the last signal seen even while new ones arrive.
 * Two statements: the page and its count.
 */
export async function signalPage(
  ctx: HubContext,
  where: FilterQuery<Signal>,
  first: number,
  after: string | null | undefined,
): Promise<Page<Signal>> {
  checkPageSize(first);
  const cursor = decodeCursor(after, 3);
  const conditions: FilterQuery<Signal>[] = [where];
  if (cursor) {
    const [day, at, id] = cursor.map(String);
    const recorded = new Date(at);
    if (Number.isNaN(recorded.getTime())) throw badInput('Invalid cursor: pass back a cursor from this connection', { argument: 'after' });
    conditions.push({
      $or: [
        { receivedOn: { $gt: day } },
        { receivedOn: day, createdAt: { $gt: recorded } },
        { receivedOn: day, createdAt: recorded, id: { $gt: id } },
      ],
    });
  }
  const rows = await ctx.em.find(
    Signal,
    { $and: conditions },
    { orderBy: { receivedOn: 'asc', createdAt: 'asc', id: 'asc' }, limit: first + 1 },
  );
  const totalCount = await ctx.em.count(Signal, where);
  return pageOf(rows, totalCount, first, cursor, (s) => [s.receivedOn, s.createdAt.toISOString(), s.id]);
}
