import { badInput, illegalTransition, ruleViolation } from '../../kit/platform/errors';
import { compareDates, type IsoDate } from '../calendar/iso-date';
import type { ProductionCalendar } from '../calendar/production-calendar';
import { SignalSource } from '../signal/signal.entity';
import {
  assertTransition,
  isClosedStage,
  isOverdue,
  stageDeadline,
  SupportStage,
  type StageDeadline,
  type TransitionOptions,
} from './stages';

export interface CaseDates {
  stage: SupportStage;
  stageEnteredOn: IsoDate;
  appealedOn: IsoDate | null;
  /** Source of the signal that opened the case (seed 003 §15); null when no signal opened it. */
  openingSource: SignalSource | null;
  /** Approval day of the IPPSU the case carries out (seed 004 §3.2.8); null for an IPSS or before a programme. */
  serviceProgrammeApprovedOn: IsoDate | null;
}

/**
 * THE deadline of a case's current stage in working days (seed 003 §16, seed 004 §3.2.3, §3.2.7, §3.2.8), counted
 * with the production calendar of the case's territory; null for closed cases and stages without a term.
 * The worklist, the route, the decree's recomputation and the statistics all count with this one function, so a
 * case is late in the statistics exactly when it was late on the coordinator's worklist:
 * - IDENTIFIED: the term depends on where the signal came from (identificationTerm);
 * - NEEDS_ASSESSED: the programme proposal counts from the citizen's appeal when known (seed 004 §3.2.7);
 * - PROGRAMME_AGREED: the start term counts from the IPPSU's approval, for an IPPSU only (seed 004 §3.2.8).
 */
export function caseDeadline(c: CaseDates, calendar: ProductionCalendar): StageDeadline | null {
  if (isClosedStage(c.stage)) return null;
  return stageDeadline(c.stage, c.stageEnteredOn, calendar, {
    openingSource: c.openingSource,
    appealedOn: c.appealedOn,
    serviceProgrammeApprovedOn: c.serviceProgrammeApprovedOn,
  });
}

/**
 * seed 004 §3.2.8 counts the start of an IPPSU's implementation from its approval, so an IPPSU is recorded with the
 * day it was approved; an IPSS has no approval day in the seeds (seed 003 §30.2). The day cannot precede the case's
 * current stage nor lie in the future.
 */
export function assertProgrammeApproval(
  kind: 'SUPPORT_PROGRAMME' | 'SERVICE_PROGRAMME',
  approvedOn: IsoDate | null | undefined,
  stageEnteredOn: IsoDate,
  today: IsoDate,
): IsoDate | null {
  if (kind === 'SUPPORT_PROGRAMME') {
    if (approvedOn) {
      throw badInput('approvedOn is the approval day of an IPPSU (seed 004 §3.2.8); an IPSS has none', { field: 'approvedOn' });
    }
    return null;
  }
  if (!approvedOn) {
    throw ruleViolation(
      'An IPPSU is recorded with the day it was approved: the 15-working-day start term counts from it',
      'seed 004 §3.2.8',
      { field: 'approvedOn' },
    );
  }
  assertStageDate(approvedOn, stageEnteredOn, today);
  return approvedOn;
}

export interface WorklistEntry {
  dueDate: IsoDate | null;
  openedOn: IsoDate;
  id: string;
}

/**
 * Worklist order for a coordinator: overdue cases first, then by nearest due date; cases without a term
 * (in implementation) last. Ties by opening date and id, so paging is stable.
 */
export function compareWorklist(a: WorklistEntry, b: WorklistEntry, today: IsoDate): number {
  const overdueA = a.dueDate !== null && isOverdue(a.dueDate, today);
  const overdueB = b.dueDate !== null && isOverdue(b.dueDate, today);
  if (overdueA !== overdueB) return overdueA ? -1 : 1;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  if (a.openedOn !== b.openedOn) return a.openedOn < b.openedOn ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A stage date cannot precede the current stage, nor lie in the future: the record is of what happened. */
export function assertStageDate(on: IsoDate, stageEnteredOn: IsoDate, today: IsoDate): void {
  if (compareDates(on, stageEnteredOn) < 0) {
    throw badInput(`The date ${on} is before the case entered its current stage on ${stageEnteredOn}`, { field: 'on' });
  }
  if (compareDates(on, today) > 0) throw badInput(`The date ${on} is in the future`, { field: 'on' });
}

/**
 * A move requested through advanceSupportCase. The programme and the conclusion are documents, so the
 * stages they open are entered by recording them (agreeProgramme, concludeSupportCase; seed 003 §30, seed 000 §3).
 */
export function assertAdvance(from: SupportStage, to: SupportStage, opts: TransitionOptions): void {
  if (to === SupportStage.PROGRAMME_AGREED && from === SupportStage.NEEDS_ASSESSED) {
    throw illegalTransition('Record the agreed programme with agreeProgramme (seed 003 §30)', { from, to });
  }
  if (to === SupportStage.CONCLUDED) {
    throw illegalTransition('Close the case with concludeSupportCase and the conclusion text (seed 000 §3)', { from, to });
  }
  assertTransition(from, to, opts);
}

/** seed 000 §3: only a case in implementation is closed by a conclusion on the execution of its programme. */
export function assertConclusion(from: SupportStage, conclusion: string): void {
  if (from !== SupportStage.IN_IMPLEMENTATION) {
    throw illegalTransition(`Only a case in implementation can be concluded; this one is ${from}`, { from, to: SupportStage.CONCLUDED });
  }
  if (!conclusion.trim()) throw ruleViolation('The conclusion on the execution of the programme must be written', 'seed 000 §3');
  assertTransition(from, SupportStage.CONCLUDED);
}

/** A personal appeal is the citizen's appeal itself: seed 004 §3.2.7 counts the programme term from it. */
export const appealDateOf = (source: SignalSource, receivedOn: IsoDate): IsoDate | null =>
  source === SignalSource.PERSONAL_APPEAL ? receivedOn : null;
