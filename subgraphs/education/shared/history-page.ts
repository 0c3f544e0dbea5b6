import { checkPageSize, decodeCursor, pageOf, type CursorKey, type Page, type PageArgs } from '../../kit/platform/connection';
import { periodBounds, type PeriodInput } from '../../kit/platform/period';

/** Where a record of a person's history lies in time: its first day and its last (null while open-ended). */
export interface Span {
  startsOn: string;
  endsOn: string | null;
}

const compare = (a: CursorKey, b: CursorKey): number => {
  for (let i = 0; i < a.length; i++) {
    const x = String(a[i] ?? '');
    const y = String(b[i] ?? '');
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/**
 * One page of a person's (or a programme's) history in education, oldest first. The rows come from one loader
 * statement for every person of the request (kit/platform/entity-loaders.ts); the page is cut from them with a
 * keyset cursor `[startsOn, id]`, so the next page starts right after the last record seen even when records were
 * added in between. `period` keeps the records whose span meets the window (both ends included).
 */
export function historyPage<T extends { id: string }>(
  rows: readonly T[],
  page: PageArgs,
  period: PeriodInput | null | undefined,
  spanOf: (row: T) => Span,
): Page<T> {
  const first = checkPageSize(page.first);
  const after = decodeCursor(page.after, 2);
  const { from, to } = periodBounds(period);
  const keyOf = (row: T): CursorKey => [spanOf(row).startsOn, row.id];
  const matching = rows
    .filter((row) => {
      const span = spanOf(row);
      return span.startsOn <= to && (span.endsOn ?? '9999-12-31') >= from;
    })
    .sort((a, b) => compare(keyOf(a), keyOf(b)));
  const rest = after ? matching.filter((row) => compare(keyOf(row), after) > 0) : matching;
  return pageOf(rest.slice(0, first + 1), matching.length, first, after, keyOf);
}
