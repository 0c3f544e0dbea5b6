import { DomainError, ErrorCode } from '../../kit/platform/errors';
import { compareDates, type IsoDate } from '../calendar/iso-date';
import type { ProductionCalendar } from '../calendar/production-calendar';
import { isOverdue } from '../support-case/stages';
import { caseDeadline, type CaseDates } from '../support-case/support-case.rules';

/** One stay of a case in a stage, as the statistics read it from the stage history. */
export interface StageStay extends CaseDates {
  /** The day the case left the stage; null while it is still in it. */
  leftOn: IsoDate | null;
}

export interface StayOutcome {
  dueDate: IsoDate;
  /** MET when the stage was left by the due day; MISSED when left later, or still open after it; null while in time. */
  outcome: 'MET' | 'MISSED' | null;
}

/**
 * Whether a stage stay met its deadline (seed 003 §36: resource centres monitor timeliness). The due day is the
 * worklist's, from the same rule (caseDeadline): the statistics cannot call a case late that the coordinator saw in
 * time, nor the other way round. Null when the stage has no term, or its days fall in a year the hub cannot count.
 */
export function stayOutcome(stay: StageStay, calendar: ProductionCalendar, today: IsoDate): StayOutcome | null {
  let deadline;
  try {
    // Years without a decree count on the provisional (Labour Code) calendar, as the coordinator saw them.
    deadline = caseDeadline(stay, calendar);
  } catch (e) {
    if (e instanceof DomainError && e.code === ErrorCode.RULE_VIOLATION) return null; // before 2013
    throw e;
  }
  if (!deadline) return null;
  const { dueDate } = deadline;
  if (stay.leftOn !== null) return { dueDate, outcome: compareDates(stay.leftOn, dueDate) <= 0 ? 'MET' : 'MISSED' };
  return { dueDate, outcome: isOverdue(dueDate, today) ? 'MISSED' : null };
}
