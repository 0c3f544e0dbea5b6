import { checkPageSize, decodeCursor, pageOf, type CursorKey, type Page } from '../../kit/platform/connection';
import { periodBounds, type PeriodInput } from '../../kit/platform/period';

/**
 * A keyset page of one person's records, cut from the rows a request-wide loader fetched for all the persons of the
 * request in one statement: the records come in the order of `keyOf` (a date, then the id), a page starts right after
 * the cursor's key, so it neither skips nor repeats a record when records are added between requests.
 */
export function personPage<T>(
  rows: T[],
  args: { first: number; after?: string | null; period?: PeriodInput | null },
  keyOf: (row: T) => [string, string],
  spanOf: (row: T) => { startsOn: string; endsOn: string | null },
): Page<T> {
  const first = checkPageSize(args.first);
  const after = decodeCursor(args.after, 2);
  const { from, to } = periodBounds(args.period);
  const inWindow = rows.filter((row) => {
    const span = spanOf(row);
    return span.startsOn <= to && (span.endsOn ?? '9999-12-31') >= from;
  });
  const sorted = [...inWindow].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const rest = after ? sorted.filter((row) => compareKeys(keyOf(row), after) > 0) : sorted;
  return pageOf(rest.slice(0, first + 1), inWindow.length, first, after, keyOf);
}

function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = String(a[i] ?? '');
    const y = String(b[i] ?? '');
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
