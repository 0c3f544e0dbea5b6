import { mergeAccessLog as merge, type AccessLogArgs } from '../../subgraphs/conventions/access-log/assembly';
import type { Contribution } from '../../subgraphs/assembly/contributions';
import { DomainError } from '../../subgraphs/kit/platform/errors';

const log = (subgraph: string, agency: string, field: string): Contribution => ({
  convention: 'accessLog',
  subgraph,
  agency,
  parentType: 'Person',
  field,
  type: 'AccessLogEntry',
});
const HEALTH = log('health', 'HEALTH', 'healthAccessLog');
const EDUCATION = log('education', 'EDUCATION', 'educationAccessLog');
const SOCIAL = log('social-protection', 'SOCIAL_PROTECTION', 'socialProtectionAccessLog');
const LOGS = [EDUCATION, HEALTH, SOCIAL];

let ids = 0;
const entry = (agency: string, accessedAt: string, id = `${agency.toLowerCase()}-${String(++ids).padStart(4, '0')}`) => ({
  id,
  accessedAt,
  agency,
  subject: 'coordinator-1',
  role: 'COORDINATOR',
  action: 'READ',
  operation: 'Person.firstName',
  organizationId: null as string | null,
});

/** The entries of one page (the whole log when it fits in one). */
const mergeAccessLog = (person: Record<string, unknown>, logs: Contribution[], args: AccessLogArgs = { first: 100 }) =>
  merge(person, logs, args).edges.map((e) => e.node as ReturnType<typeof entry>);
const asEntered = (e: ReturnType<typeof entry>) => ({ ...e, organization: null });

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe("mergeAccessLog: a person's accesses in every agency, newest first", () => {
  test('entries of all agencies are merged and ordered newest first', () => {
    const person = {
      id: 'p1',
      healthAccessLog: [entry('HEALTH', '2026-05-03T10:00:00.000Z'), entry('HEALTH', '2026-05-01T10:00:00.000Z')],
      educationAccessLog: [entry('EDUCATION', '2026-05-02T10:00:00.000Z')],
      socialProtectionAccessLog: [entry('SOCIAL_PROTECTION', '2026-05-04T10:00:00.000Z')],
    };
    expect(mergeAccessLog(person, LOGS).map((e) => `${e.accessedAt.slice(0, 10)} ${(e as unknown as { agency: string }).agency}`)).toEqual([
      '2026-05-04 SOCIAL_PROTECTION',
      '2026-05-03 HEALTH',
      '2026-05-02 EDUCATION',
      '2026-05-01 HEALTH',
    ]);
  });

  test('the order is by time to the millisecond, not by agency', () => {
    const person = {
      healthAccessLog: [entry('HEALTH', '2026-05-01T10:00:00.001Z')],
      educationAccessLog: [entry('EDUCATION', '2026-05-01T10:00:00.002Z')],
      socialProtectionAccessLog: [],
    };
    expect(mergeAccessLog(person, LOGS).map((e) => e.accessedAt)).toEqual(['2026-05-01T10:00:00.002Z', '2026-05-01T10:00:00.001Z']);
  });

  test('entries are passed on whole, as the agency recorded them', () => {
    const recorded = entry('HEALTH', '2026-05-01T10:00:00.000Z');
    expect(mergeAccessLog({ healthAccessLog: [recorded] }, [HEALTH])).toEqual([asEntered(recorded)]);
  });

  test.each([
    ['null (refused or not answering)', null],
    ['missing', undefined],
  ])("an agency whose log is %s is left out; the others' entries remain", (_, value) => {
    const person = {
      healthAccessLog: value,
      educationAccessLog: [entry('EDUCATION', '2026-05-02T10:00:00.000Z')],
      socialProtectionAccessLog: null,
    };
    expect(mergeAccessLog(person, LOGS)).toEqual([asEntered(person.educationAccessLog[0])]);
  });

  test('an agency that released an empty log makes the log readable, and empty', () => {
    // Released but empty means the caller may read it and nobody accessed the data there: not a refusal.
    expect(mergeAccessLog({ healthAccessLog: [], educationAccessLog: null, socialProtectionAccessLog: null }, LOGS)).toEqual([]);
  });

  test('when every agency refused, the caller is not the coordinator of the family: FORBIDDEN', () => {
    const error = refusal(() => mergeAccessLog({ healthAccessLog: null, educationAccessLog: null, socialProtectionAccessLog: null }, LOGS));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/coordinator/);
  });

  test('a hub with no access-log contributions releases no log', () => {
    expect(refusal(() => mergeAccessLog({ id: 'p1' }, [])).code).toBe('FORBIDDEN');
  });

  test('fields of the person that are not access-log contributions are never read as a log', () => {
    const person = { healthAccessLog: null, sportAccessLog: [entry('SPORT', '2026-05-01T10:00:00.000Z')] };
    expect(refusal(() => mergeAccessLog(person, [HEALTH])).code).toBe('FORBIDDEN');
  });

  test("the agencies' arrays are not reordered in place", () => {
    const health = [entry('HEALTH', '2026-05-01T10:00:00.000Z'), entry('HEALTH', '2026-05-03T10:00:00.000Z')];
    mergeAccessLog({ healthAccessLog: health }, [HEALTH]);
    expect(health.map((e) => e.accessedAt.slice(8, 10))).toEqual(['01', '03']);
  });

  test("the caller's organization is an edge to the directory's Organization, by global id", () => {
    const recorded = {
      ...entry('HEALTH', '2026-05-01T10:00:00.000Z'),
      organizationId: 'Organization:3f1e0c2a-8a4b-4c1d-9e2f-0a1b2c3d4e5f',
    };
    expect(mergeAccessLog({ healthAccessLog: [recorded] }, [HEALTH])[0]).toMatchObject({ organization: { id: recorded.organizationId } });
  });
});

describe('Person.accessLog is a connection: keyset pages newest first (CONVENTIONS §7.5)', () => {
  const person = {
    healthAccessLog: [
      entry('HEALTH', '2026-05-03T10:00:00.000Z', 'h2'),
      entry('HEALTH', '2026-05-03T10:00:00.000Z', 'h1'),
      entry('HEALTH', '2026-05-01T10:00:00.000Z', 'h0'),
    ],
    educationAccessLog: [entry('EDUCATION', '2026-05-02T10:00:00.000Z', 'e0'), entry('EDUCATION', '2026-05-04T10:00:00.000Z', 'e1')],
    socialProtectionAccessLog: null,
  };

  test('pages follow one another by cursor, entries of the same instant ordered by id, none repeated or skipped', () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = merge(person, LOGS, { first: 2, after });
      expect(page.totalCount).toBe(5);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e) => (e.node as { id: string }).id));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['e1', 'h2', 'h1', 'e0', 'h0']);
  });

  test('an entry recorded between two requests does not shift the next page (keyset, not offset)', () => {
    const first = merge(person, LOGS, { first: 2 });
    const later = { ...person, healthAccessLog: [entry('HEALTH', '2026-05-05T10:00:00.000Z', 'h9'), ...person.healthAccessLog] };
    const next = merge(later, LOGS, { first: 2, after: first.pageInfo.endCursor });
    expect(next.edges.map((e) => (e.node as { id: string }).id)).toEqual(['h1', 'e0']);
  });

  test("a period keeps the accesses on its days (the region's calendar)", () => {
    const page = merge(person, LOGS, { first: 20, period: { startsOn: '2026-05-02', endsOn: '2026-05-03' } });
    expect(page.edges.map((e) => (e.node as { id: string }).id)).toEqual(['h2', 'h1', 'e0']);
    expect(page.totalCount).toBe(3);
  });

  test.each([0, 101])('first = %i is refused with BAD_USER_INPUT, never cut silently', (first) => {
    expect(refusal(() => merge(person, LOGS, { first })).code).toBe('BAD_USER_INPUT');
  });

  test('a cursor the log did not give is refused with BAD_USER_INPUT', () => {
    expect(refusal(() => merge(person, LOGS, { first: 2, after: 'not-a-cursor' })).code).toBe('BAD_USER_INPUT');
  });
});
