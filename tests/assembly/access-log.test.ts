import { mergeAccessLog } from '../../subgraphs/conventions/access-log/assembly';
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

const entry = (agency: string, at: string) => ({
  at,
  agency,
  subject: 'coordinator-1',
  role: 'COORDINATOR',
  action: 'READ',
  operation: 'Person.firstName',
});

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
    expect(mergeAccessLog(person, LOGS).map((e) => `${e.at.slice(0, 10)} ${(e as unknown as { agency: string }).agency}`)).toEqual([
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
    expect(mergeAccessLog(person, LOGS).map((e) => e.at)).toEqual(['2026-05-01T10:00:00.002Z', '2026-05-01T10:00:00.001Z']);
  });

  test('entries are passed on whole, as the agency recorded them', () => {
    const recorded = entry('HEALTH', '2026-05-01T10:00:00.000Z');
    expect(mergeAccessLog({ healthAccessLog: [recorded] }, [HEALTH])).toEqual([recorded]);
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
    expect(mergeAccessLog(person, LOGS)).toEqual([entry('EDUCATION', '2026-05-02T10:00:00.000Z')]);
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
    expect(health.map((e) => e.at.slice(8, 10))).toEqual(['01', '03']);
  });
});
