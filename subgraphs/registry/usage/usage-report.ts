/** A gateway's report of the fields its operations touched on a day: counts only, no personal data. */
export interface UsageReport {
  day: string;
  fields: Record<string, number>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COORDINATE = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;
/** More coordinates than any schema of the hub has: a larger report is not a gateway's. */
const MAX_FIELDS = 20_000;

/** The report in a `POST /usage` body, or why it is refused (a BAD_USER_INPUT message). */
export function parseUsageReport(body: unknown): UsageReport | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body must be a JSON object { day, fields }';
  const { day, fields } = body as { day?: unknown; fields?: unknown };
  if (
    typeof day !== 'string' ||
    !DAY.test(day) ||
    Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ||
    new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day
  )
    return 'day must be a calendar day, YYYY-MM-DD';
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return 'fields must be an object of "Type.field": count';
  const entries = Object.entries(fields as Record<string, unknown>);
  if (entries.length > MAX_FIELDS) return `at most ${MAX_FIELDS} fields a report`;
  for (const [coordinate, count] of entries) {
    if (!COORDINATE.test(coordinate)) return `${coordinate.slice(0, 100)} is not a schema coordinate Type.field`;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
      return `the count of ${coordinate} must be a whole number ≥ 0`;
  }
  return { day, fields: fields as Record<string, number> };
}
