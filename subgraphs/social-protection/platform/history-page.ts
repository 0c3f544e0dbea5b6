import { checkPageSize, decodeCursor, pageOf, type CursorKey, type Page } from '../../kit/platform/connection';
import { periodBounds, type PeriodInput } from '../../kit/platform/period';

/**
 * One keyset page of a person's history that the request has already loaded in one batched statement for all its
 * persons (loaderManyBy): the records are sorted by `keyOf` (a day, then the id), the page starts right after the
 * cursor's key, and a `period` window keeps the records whose day falls in it. The order never shifts, so a cursor
 * stays valid as records are added.
 */
export function historyPage<T>(
  rows: readonly T[],
  args: { first: number; after?: string | null; period?: PeriodInput | null },
  keyOf: (row: T) => [string, string],
): Page<T> {
  checkPageSize(args.first);
  const cursor = decodeCursor(args.after, 2);
  const { from, to } = periodBounds(args.period);
  const compare = (a: CursorKey, b: CursorKey) => {
    for (let i = 0; i < a.length; i++) {
      const x = String(a[i]);
      const y = String(b[i]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
  const inWindow = rows.filter((r) => keyOf(r)[0] >= from && keyOf(r)[0] <= to).sort((a, b) => compare(keyOf(a), keyOf(b)));
  const rest = cursor ? inWindow.filter((r) => compare(keyOf(r), cursor) > 0) : inWindow;
  return pageOf(rest.slice(0, args.first + 1), inWindow.length, args.first, cursor, keyOf);
}
