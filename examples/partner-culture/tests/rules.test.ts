import { DomainError } from '@federation-hub/partner-kit';
import { checkAttendance, checkEnrolment, checkLeaving, RULES } from '../src/enrolment/enrolment.rules';

/** The refusal a rule throws, or null when the rule lets the request through. */
function refusalOf(rule: () => void): { code: string; rule?: string; field?: string } | null {
  try {
    rule();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, ...(error.extensions as { rule?: string; field?: string }) };
  }
}

// "Today" is an input of every rule: the resolvers pass the hub clock's today(), the scenarios a fixed day.
const TODAY = '2026-12-04';
const enrolled = { enrolledOn: '2026-09-01', leftOn: null };
const left = { enrolledOn: '2026-09-01', leftOn: '2026-11-30' };

describe('enrolling a child in a section', () => {
  const draft = { enrolledOn: '2026-12-01', today: TODAY, capacity: 12, activeEnrolments: 5, alreadyEnrolled: false };

  it('takes a child while the section has a free place', () => {
    expect(refusalOf(() => checkEnrolment(draft))).toBeNull();
    expect(refusalOf(() => checkEnrolment({ ...draft, activeEnrolments: 11 }))).toBeNull();
  });

  it('refuses the child when all places are taken, naming the capacity rule', () => {
    expect(refusalOf(() => checkEnrolment({ ...draft, activeEnrolments: 12 }))).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: RULES.capacity,
      field: 'sectionId',
    });
  });

  it('refuses a second active enrolment of the same child in the same section', () => {
    expect(refusalOf(() => checkEnrolment({ ...draft, alreadyEnrolled: true }))).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: RULES.oneActiveEnrolment,
    });
  });

  it('refuses an enrolment dated tomorrow as bad input, and takes one dated today', () => {
    expect(refusalOf(() => checkEnrolment({ ...draft, enrolledOn: '2026-12-05' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'enrolledOn',
    });
    expect(refusalOf(() => checkEnrolment({ ...draft, enrolledOn: TODAY }))).toBeNull();
  });
});

describe('recording attendance', () => {
  it('records a day between the enrolment and today', () => {
    expect(refusalOf(() => checkAttendance('2026-09-01', enrolled, TODAY))).toBeNull();
    expect(refusalOf(() => checkAttendance(TODAY, enrolled, TODAY))).toBeNull();
    expect(refusalOf(() => checkAttendance('2026-11-30', left, TODAY))).toBeNull();
  });

  it('refuses a day before the child was enrolled', () => {
    expect(refusalOf(() => checkAttendance('2026-08-31', enrolled, TODAY))).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: RULES.attendanceWhileEnrolled,
      field: 'attendedOn',
    });
  });

  it('refuses a day after the child left', () => {
    expect(refusalOf(() => checkAttendance('2026-12-01', left, TODAY))).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: RULES.attendanceWhileEnrolled,
    });
  });

  it('refuses a day in the future as bad input', () => {
    expect(refusalOf(() => checkAttendance('2026-12-05', enrolled, TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attendedOn' });
  });
});

describe('leaving a section', () => {
  it('closes an active enrolment on or after the last day attended', () => {
    expect(refusalOf(() => checkLeaving('2026-12-02', enrolled, '2026-12-02', TODAY))).toBeNull();
    expect(refusalOf(() => checkLeaving('2026-12-03', enrolled, null, TODAY))).toBeNull();
  });

  it('refuses to close an enrolment twice', () => {
    expect(refusalOf(() => checkLeaving('2026-12-03', left, null, TODAY))).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });

  it('refuses a day before the last day attended', () => {
    expect(refusalOf(() => checkLeaving('2026-11-01', enrolled, '2026-11-15', TODAY))).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: RULES.leaveAfterLastAttendance,
    });
  });

  it('refuses a day before the enrolment or in the future as bad input', () => {
    expect(refusalOf(() => checkLeaving('2026-08-01', enrolled, null, TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leftOn' });
    expect(refusalOf(() => checkLeaving('2026-12-05', enrolled, null, TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leftOn' });
  });
});
