import { forbidden } from '../../kit/policy/authorization';
import { localDateOf, regionTimeZone } from '../../kit/platform/clock';
import { checkPageSize, decodeCursor, pageOf, type Page } from '../../kit/platform/connection';
import { globalId } from '../../kit/platform/global-id';
import { periodBounds, type PeriodInput } from '../../kit/platform/period';
import type { Contribution } from '../../assembly/contributions';

interface Entry {
  id: string;
  accessedAt: string;
  organizationId?: string | null;
}

export interface AccessLogArgs {
  first: number;
  after?: string | null;
  period?: PeriodInput | null;
}

/** Newest first; entries of the same instant by id, descending, so the order is total and a cursor is stable. */
const newestFirst = (a: Entry, b: Entry) => b.accessedAt.localeCompare(a.accessedAt) || b.id.localeCompare(a.id);

/**
 * A person's access log from every agency's own (access-log convention), newest first, a page at a time: keyset
 * cursors over (accessedAt, id), so entries recorded between two requests do not shift the next page. Each agency
 * answers its newest LIMIT_PER_PERSON entries about the person; the log pages within them. Each agency decides
 * whether the caller may read its log; when none released its log, the caller is not the family's coordinator.
 */
export function mergeAccessLog(person: Record<string, unknown>, logs: Contribution[], args: AccessLogArgs): Page<Entry> {
  const first = checkPageSize(args.first);
  const after = decodeCursor(args.after, 2);
  const window = periodBounds(args.period, 'period');
  const parts = logs.map((c) => person[c.field] as Entry[] | null | undefined).filter((p): p is Entry[] => Array.isArray(p));
  if (parts.length === 0)
    throw forbidden(
      'The access log is open to the coordinator of the person’s family and to the person (or their legal representative) only',
    );
  const zone = regionTimeZone();
  const entries = parts
    .flat()
    .map((e) => ({ ...e, organization: e.organizationId ? { id: globalId('Organization', e.organizationId) } : null }))
    .filter((e) => {
      const day = localDateOf(new Date(e.accessedAt), zone);
      return day >= window.from && day <= window.to;
    })
    .sort(newestFirst);
  const rest = after ? entries.filter((e) => newestFirst(e, { accessedAt: String(after[0]), id: String(after[1]) }) > 0) : entries;
  return pageOf(rest.slice(0, first + 1), entries.length, first, after, (e) => [e.accessedAt, e.id]);
}
