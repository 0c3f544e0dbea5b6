import { assertNotFuture, badInput, illegalTransition, ruleViolation, type IsoDate } from '@federation-hub/partner-kit';

/** The clauses the centre's rules name in `userErrors { rule }` (README "Rules"). */
export const RULES = {
  capacity: 'culture-centre: a section takes no more children than its places',
  oneActiveEnrolment: 'culture-centre: a child is enrolled in a section once at a time',
  attendanceWhileEnrolled: 'culture-centre: attendance is recorded only while the child is enrolled',
  leaveAfterLastAttendance: 'culture-centre: a child leaves after the last day attended',
} as const;

export interface EnrolmentDraft {
  enrolledOn: IsoDate;
  /** The region's today, from the hub clock. */
  today: IsoDate;
  capacity: number;
  /** Enrolments of the section not left yet, counted in the same transaction that holds the section's lock. */
  activeEnrolments: number;
  /** Whether the child already has an active enrolment in this section. */
  alreadyEnrolled: boolean;
}

/** An enrolment is recorded on the day it happened (not ahead), into a section with a free place. */
export function checkEnrolment(draft: EnrolmentDraft): void {
  assertNotFuture(draft.enrolledOn, draft.today, 'enrolledOn');
  if (draft.alreadyEnrolled) {
    throw ruleViolation('The child is already enrolled in this section', RULES.oneActiveEnrolment, { field: 'personId' });
  }
  if (draft.activeEnrolments >= draft.capacity) {
    throw ruleViolation(`The section is full: all ${draft.capacity} places are taken`, RULES.capacity, { field: 'sectionId' });
  }
}

export interface EnrolmentTerm {
  enrolledOn: IsoDate;
  leftOn: IsoDate | null;
}

/** A day attended lies between the day enrolled and the day left (both included), and not in the future. */
export function checkAttendance(attendedOn: IsoDate, enrolment: EnrolmentTerm, today: IsoDate): void {
  assertNotFuture(attendedOn, today, 'attendedOn');
  if (attendedOn < enrolment.enrolledOn) {
    throw ruleViolation(`The child was enrolled only on ${enrolment.enrolledOn}`, RULES.attendanceWhileEnrolled, { field: 'attendedOn' });
  }
  if (enrolment.leftOn && attendedOn > enrolment.leftOn) {
    throw ruleViolation(`The child left the section on ${enrolment.leftOn}`, RULES.attendanceWhileEnrolled, { field: 'attendedOn' });
  }
}

/** Leaving closes an active enrolment on a day not before it began, nor before the last day attended, nor ahead. */
export function checkLeaving(leftOn: IsoDate, enrolment: EnrolmentTerm, lastAttendedOn: IsoDate | null, today: IsoDate): void {
  assertNotFuture(leftOn, today, 'leftOn');
  if (enrolment.leftOn) throw illegalTransition(`The child already left the section on ${enrolment.leftOn}`, { field: 'enrolmentId' });
  if (leftOn < enrolment.enrolledOn) {
    throw badInput(`leftOn ${leftOn} is before the enrolment began (${enrolment.enrolledOn})`, { field: 'leftOn' });
  }
  if (lastAttendedOn && leftOn < lastAttendedOn) {
    throw ruleViolation(`The child attended on ${lastAttendedOn}, after ${leftOn}`, RULES.leaveAfterLastAttendance, { field: 'leftOn' });
  }
}
