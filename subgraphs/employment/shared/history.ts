import { ArgsType, Field } from 'type-graphql';
import { checkPageSize, decodeCursor, pageOf, PageArgs, type Page } from '../../kit/platform/connection';
import { badInput } from '../../kit/platform/errors';
import { PeriodInput, periodBounds } from '../../kit/platform/period';

/** A person's history of one kind of employment record: a page, optionally within a window of days. */
@ArgsType()
export class HistoryArgs extends PageArgs {
  @Field(() => PeriodInput, {
    nullable: true,
    description: 'Only records whose term overlaps these days (both ends included); all records when left out.',
  })
  period?: PeriodInput | null;
}

/**
 * One page of a person's records, oldest first, by the keyset `(startsOn, id)`: the next page starts after the last
 * record seen, whatever was recorded in between. The rows are the person's records of one kind as the request's
 * batched loader read them (one statement for all persons of the request, which the route needs whole anyway): a
 * person has a handful of each, so the window and the page are cut here rather than by a statement per person.
 */
export function historyPage<T extends { id: string }>(
  rows: readonly T[],
  args: HistoryArgs,
  termOf: (row: T) => { startsOn: string; endsOn: string | null },
): Page<T> {
  const first = checkPageSize(args.first);
  const after = decodeCursor(args.after, 2);
  if (after && !after.every((part) => typeof part === 'string'))
    throw badInput('Invalid cursor: pass back a cursor from this connection', { argument: 'after' });
  const { from, to } = periodBounds(args.period);
  const keyOf = (row: T): [string, string] => [termOf(row).startsOn, row.id];
  const inWindow = rows
    .filter((row) => {
      const term = termOf(row);
      return term.startsOn <= to && (term.endsOn ?? '9999-12-31') >= from;
    })
    .sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const rest = after ? inWindow.filter((row) => compareKeys(keyOf(row), after as [string, string]) > 0) : inWindow;
  return pageOf(rest.slice(0, first + 1), inWindow.length, first, after, keyOf);
}

function compareKeys(a: readonly [string, string], b: readonly [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}
